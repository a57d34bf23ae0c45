# SEM-08: a multiprocessing.Semaphore's count bounds concurrency: with a count of 2, never
# more than 2 of 5 processes hold it at once. The workers wait at a start gate (a second
# semaphore) until all are proven asleep, then race for the count; each holds it for a while
# and keeps an occupancy counter in shared memory (a multiprocessing.Value with its own lock),
# printed on entry and exit. The highest occupancy seen is printed at the end, and the time
# the last worker finishes shows the serialisation: 5 holders 2 at a time need 3 rounds.
import multiprocessing

import procsync as ps

WORKERS = 5
COUNT = 2
HOLD_SECONDS = 0.2  # how long each worker holds the semaphore


def work(i, gate, count, occupancy, highest, about_to_wait):
    about_to_wait[i] = 1
    gate.acquire()
    with count:
        with occupancy.get_lock():
            occupancy.value += 1
            now = occupancy.value
        with highest.get_lock():
            highest.value = max(highest.value, now)
        ps.say("worker ", i, ": entered, occupancy ", now)
        ps.sleep_for(HOLD_SECONDS)
        with occupancy.get_lock():
            occupancy.value -= 1
            now = occupancy.value
        ps.say("worker ", i, ": leaving, occupancy ", now)


if __name__ == "__main__":
    multiprocessing.set_start_method("fork")  # the children inherit the shared memory
    gate = multiprocessing.Semaphore(0)  # the workers wait here until all are asleep
    count = multiprocessing.Semaphore(COUNT)  # the semaphore under test
    occupancy = multiprocessing.Value("i", 0)
    highest = multiprocessing.Value("i", 0)
    about_to_wait = ps.shared_bytes(WORKERS)
    workers = [multiprocessing.Process(target=work,
                                       args=(i, gate, count, occupancy, highest, about_to_wait))
               for i in range(WORKERS)]
    for w in workers:
        w.start()
    for i, w in enumerate(workers):
        ps.await_blocked(w.pid, lambda: about_to_wait[i] == 1, "worker never blocked")
    ps.say("parent: ", WORKERS, " workers asleep at the gate; count semaphore at ", COUNT)
    ps.say("parent: opening the gate")
    for _ in range(WORKERS):
        gate.release()
    exited = 0
    for w in workers:
        w.join()
        exited += ps.exit_description(w) == "exited 0"
    ps.say("parent: ", exited, " of ", WORKERS, " workers exited 0")
    ps.say("parent: highest occupancy seen ", highest.value)
