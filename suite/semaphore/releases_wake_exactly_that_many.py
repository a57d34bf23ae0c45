# SEM-06: with 4 processes blocked on a multiprocessing.Semaphore at zero, 2 releases let
# exactly 2 of them through; the others stay asleep in acquire() (sem_wait, as in the C++
# program: see acquire_blocks_until_release.py) until released in turn. Each waiter is proven
# asleep before the next starts; the parent holds before each round of releases so that a
# waiter that passed too early would show up before the release.
import multiprocessing

import procsync as ps

WAITERS = 4  # N
FIRST_RELEASES = 2  # M
HOLD_SECONDS = 0.3  # between proving the state and acting on it


def waiter(i, sem, about_to_wait, acquired):
    about_to_wait[i] = 1
    sem.acquire()
    ps.say("waiter ", i, ": acquired")
    acquired[i] = 1


def passed(acquired):
    return sum(acquired[i] for i in range(WAITERS))


if __name__ == "__main__":
    multiprocessing.set_start_method("fork")  # the children inherit the shared memory
    sem = multiprocessing.Semaphore(0)
    about_to_wait, acquired = ps.shared_bytes(WAITERS), ps.shared_bytes(WAITERS)
    waiters = []
    for i in range(WAITERS):
        w = multiprocessing.Process(target=waiter, args=(i, sem, about_to_wait, acquired))
        w.start()
        waiters.append(w)
        ps.await_blocked(w.pid, lambda: about_to_wait[i] == 1, "waiter never blocked")
        ps.say("parent: waiter ", i, " is asleep in sem_wait")
    # POSIX lets sem_getvalue report either 0 or minus the number of waiters here.
    ps.say("parent: value with ", WAITERS, " waiters blocked: ", sem.get_value())
    ps.sleep_for(HOLD_SECONDS)
    ps.say("parent: sem_post x ", FIRST_RELEASES)
    for _ in range(FIRST_RELEASES):
        sem.release()
    ps.await_(lambda: passed(acquired) >= FIRST_RELEASES, "the released waiters never passed")
    ps.sleep_for(HOLD_SECONDS)
    asleep = sum(1 for i, w in enumerate(waiters)
                 if not acquired[i] and ps.process_state(w.pid) == "S")
    ps.say("parent: ", passed(acquired), " passed, ", asleep, " still asleep in sem_wait, value ",
           sem.get_value())
    ps.say("parent: sem_post x ", WAITERS - FIRST_RELEASES)
    for _ in range(WAITERS - FIRST_RELEASES):
        sem.release()
    ps.await_(lambda: passed(acquired) == WAITERS, "the waiters never passed")
    for i, w in enumerate(waiters):
        w.join()
        ps.say("parent: waiter ", i, " ", ps.exit_description(w))
    ps.say("parent: value ", sem.get_value())
