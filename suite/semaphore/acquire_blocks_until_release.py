# SEM-03: acquiring a multiprocessing.Semaphore at zero blocks until another process releases
# it, and returns only then. The parent proves the waiter is asleep before it waits 1 s and
# releases. On POSIX both runtimes build multiprocessing.Semaphore on a POSIX semaphore:
# acquire() is sem_wait, release() sem_post and get_value() sem_getvalue (CPython
# Modules/_multiprocessing/semaphore.c, PyPy pypy/module/_multiprocessing/interp_semaphore.py),
# hence the C++ trace's words.
import multiprocessing

import procsync as ps

HOLD_SECONDS = 1.0  # how long the parent keeps the waiter blocked


def waiter(sem, about_to_wait):
    ps.say("waiter: acquiring at value ", sem.get_value())
    about_to_wait[0] = 1
    sem.acquire()
    ps.say("waiter: acquired")


if __name__ == "__main__":
    multiprocessing.set_start_method("fork")  # the children inherit the shared memory
    sem = multiprocessing.Semaphore(0)
    about_to_wait = ps.shared_bytes(1)
    child = multiprocessing.Process(target=waiter, args=(sem, about_to_wait))
    child.start()
    ps.await_blocked(child.pid, lambda: about_to_wait[0] == 1, "waiter never blocked")
    ps.say("parent: waiter is blocked in sem_wait")
    ps.sleep_for(HOLD_SECONDS)
    ps.say("parent: releasing")
    sem.release()
    child.join()
    ps.say("parent: waiter ", ps.exit_description(child))
