# SEM-02: acquire() takes one from the count and release() gives one back, shown by
# get_value() before and after each call. multiprocessing.Semaphore starting at 2: two
# acquires bring it to 0, three releases to 3 (a release is not bounded by the starting
# count). multiprocessing.BoundedSemaphore starting at 2 takes and gives back the same way but
# refuses the release that would take it past its starting count, with ValueError.
import multiprocessing

import procsync as ps


def take_and_give_back(flavour, sem, releases):
    ps.say(flavour, ": value ", sem.get_value())
    for _ in range(2):
        before = sem.get_value()
        sem.acquire()
        ps.say(flavour, ": acquire: ", before, " -> ", sem.get_value())
    for _ in range(releases):
        before = sem.get_value()
        try:
            sem.release()
        except ValueError:
            ps.say(flavour, ": release at ", before, ": ValueError, value ", sem.get_value())
            continue
        ps.say(flavour, ": release: ", before, " -> ", sem.get_value())


if __name__ == "__main__":
    take_and_give_back("Semaphore", multiprocessing.Semaphore(2), 3)
    take_and_give_back("BoundedSemaphore", multiprocessing.BoundedSemaphore(2), 3)
