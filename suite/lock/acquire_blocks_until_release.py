# LCK-02: acquiring a multiprocessing.Lock that another process holds blocks until the holder
# releases it. The parent holds the lock, proves the waiter is asleep in acquire(), keeps
# holding it for 0.5 s and releases: the waiter gets the lock only then.
import multiprocessing

import procsync as ps

HOLD_SECONDS = 0.5  # how long the parent keeps the waiter blocked


def waiter(lock, about_to_lock):
    ps.say("waiter: locking")
    about_to_lock[0] = 1
    got = lock.acquire()
    ps.say("waiter: acquire() returned ", got)
    if got:
        lock.release()


if __name__ == "__main__":
    multiprocessing.set_start_method("fork")  # the children inherit the shared memory
    lock = multiprocessing.Lock()
    ps.check(lock.acquire(), "acquire")
    ps.say("parent: holds the lock")
    about_to_lock = ps.shared_bytes(1)
    child = multiprocessing.Process(target=waiter, args=(lock, about_to_lock))
    child.start()
    ps.await_blocked(child.pid, lambda: about_to_lock[0] == 1, "waiter never blocked")
    ps.say("parent: waiter is blocked in acquire()")
    ps.sleep_for(HOLD_SECONDS)
    ps.say("parent: unlocking")
    lock.release()
    child.join()
    ps.say("parent: waiter ", ps.exit_description(child))
