# SEM-07 (shared across fork): a multiprocessing.Semaphore is one count for the parent and a
# child process made by fork: the parent sees the child's acquire, and the child, asleep in
# acquire(), is let through by the parent's release. (With the fork start method the
# semaphore's name is removed as soon as it is made, so only inheritance shares it: Python's
# counterpart of an unnamed sem_init(pshared=1) in MAP_SHARED memory.)
import multiprocessing

import procsync as ps

HOLD_SECONDS = 0.3  # the parent keeps the child blocked this long


def child_body(sem, about_to_wait):
    ps.say("child: value ", sem.get_value())
    sem.acquire()
    ps.say("child: took one, value ", sem.get_value())
    about_to_wait[0] = 1
    sem.acquire()
    ps.say("child: second acquire() returned, value ", sem.get_value())


if __name__ == "__main__":
    sem = multiprocessing.get_context("fork").Semaphore(1)
    ps.say("parent: multiprocessing.Semaphore(1), value ", sem.get_value())
    about_to_wait = ps.shared_bytes(1)
    child = multiprocessing.get_context("fork").Process(target=child_body,
                                                        args=(sem, about_to_wait))
    child.start()
    ps.await_blocked(child.pid, lambda: about_to_wait[0] == 1, "child never blocked")
    ps.say("parent: child is asleep in its second acquire()")
    ps.say("parent: value ", sem.get_value())
    ps.sleep_for(HOLD_SECONDS)
    ps.say("parent: release()")
    sem.release()
    child.join()
    ps.say("parent: child ", ps.exit_description(child))
    ps.say("parent: value ", sem.get_value())
