# Violation of SEM-06: a runtime whose release() wakes every process asleep in acquire() and
# lets them all through (a semaphore built on a broadcast without re-checking the count): 2
# releases let all 4 waiters through at 0.3 s.
import multiprocessing

import procsync as ps

WAITERS = 4


def waiter(i, event, about_to_wait):
    about_to_wait[i] = 1
    event.wait()  # the broken acquire: every waiter passes at the first release
    ps.say("waiter ", i, ": acquired")


if __name__ == "__main__":
    multiprocessing.set_start_method("fork")  # the children inherit the shared memory
    released = multiprocessing.Event()
    about_to_wait = ps.shared_bytes(WAITERS)
    waiters = []
    for i in range(WAITERS):
        w = multiprocessing.Process(target=waiter, args=(i, released, about_to_wait))
        w.start()
        waiters.append(w)
        ps.await_blocked(w.pid, lambda: about_to_wait[i] == 1, "waiter never blocked")
        ps.say("parent: waiter ", i, " is asleep in sem_wait")
    ps.say("parent: value with 4 waiters blocked: 0")
    ps.sleep_for(0.3)
    ps.say("parent: sem_post x 2")
    released.set()
    for w in waiters:
        w.join()
    ps.sleep_for(0.3)
    ps.say("parent: 4 passed, 0 still asleep in sem_wait, value 0")
    ps.say("parent: sem_post x 2")
    for i, w in enumerate(waiters):
        ps.say("parent: waiter ", i, " ", ps.exit_description(w))
    ps.say("parent: value 2")
