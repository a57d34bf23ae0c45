# LCK-07: a lock can impose an order on two tasks, whichever of them starts first (the
# tutorial's "lock the post-order thread first"): main takes a threading.Lock before starting
# either thread, the later task must take it before it runs, and the earlier task releases it
# when its work is done. Run with both start orders: earlier, then later, every time. The
# lock is released by a thread that did not take it, which threading.Lock allows: "Release a
# lock. This can be called from any thread, not only the thread which has acquired the lock"
# (docs.python.org/3/library/threading.html#threading.Lock.release).
import threading

import procsync as ps

PROVE_SECONDS = 3.0  # how long main looks for the later task's sleep


class Order:
    def __init__(self):
        self.lock = threading.Lock()  # taken by main, released by the earlier task
        self.may_finish = threading.Semaphore(0)  # main lets the earlier task finish
        self.later_locking = False
        self.earlier_running = False


def later_task(o):
    ps.say("later: waiting for the lock")
    o.later_locking = True
    o.lock.acquire()
    ps.say("later: has the lock, runs")
    o.lock.release()


def earlier_task(o):
    ps.say("earlier: running")
    o.earlier_running = True
    o.may_finish.acquire()
    ps.say("earlier: done, unlocking")
    o.lock.release()


def wait_until_later_blocked(o, later):
    ps.await_thread_blocked(later, lambda: o.later_locking, "later never blocked")
    ps.say("main: the later task is blocked on the lock")


def run(later_first):
    ps.say("round: the later task starts first" if later_first else
           "round: the earlier task starts first")
    o = Order()
    o.lock.acquire()
    ps.say("main: took the lock before starting the tasks")
    later = threading.Thread(target=later_task, args=(o,))
    earlier = threading.Thread(target=earlier_task, args=(o,))
    if later_first:
        later.start()
        wait_until_later_blocked(o, later)
        earlier.start()
    else:
        earlier.start()
        ps.await_(lambda: o.earlier_running, "earlier never ran")
        later.start()
        wait_until_later_blocked(o, later)
    o.may_finish.release()
    later.join()
    earlier.join()
    ps.say("main: both tasks joined")


run(later_first=True)
run(later_first=False)
