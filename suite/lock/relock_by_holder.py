# LCK-03: a thread re-acquiring a lock it holds. threading.Lock is not recursive and does not
# detect the deadlock: a timed re-acquire returns False at its timeout, never before.
# threading.RLock is Python's lock with an owner: its owner re-acquires at once (recursion),
# another thread cannot take it until every acquire is released, and a thread that does not
# own it cannot release it (RuntimeError), where an error-checking mutex would answer EPERM.
import threading

import procsync as ps

TIMEOUT = 0.5


def from_another_thread(call):
    answer = []

    def ask():
        try:
            answer.append("true" if call() else "false")
        except RuntimeError:
            answer.append("RuntimeError")

    t = threading.Thread(target=ask)
    t.start()
    t.join()
    return answer[0]


lock = threading.Lock()
ps.say("Lock: acquire returned ", lock.acquire())
ps.say("Lock: re-acquiring with timeout=0.5")
start = ps.monotonic_seconds()
got = lock.acquire(timeout=TIMEOUT)
waited = ps.monotonic_seconds() - start
ps.say("Lock: timed re-acquire returned ", got, "; it waited 0.5 s or more: ", waited >= TIMEOUT)
lock.release()
ps.say("Lock: released; locked() ", lock.locked())

rlock = threading.RLock()
ps.say("RLock: acquire returned ", rlock.acquire())
ps.say("RLock: re-acquire by its owner returned ", rlock.acquire(blocking=False))
rlock.release()
ps.say("RLock: after one release, another thread's acquire(blocking=False): ",
       from_another_thread(lambda: rlock.acquire(blocking=False)))
ps.say("RLock: release by another thread: ", from_another_thread(rlock.release))
rlock.release()


def take_and_give_back():
    got = rlock.acquire(blocking=False)
    if got:
        rlock.release()
    return got


ps.say("RLock: after the second release, another thread's acquire(blocking=False): ",
       from_another_thread(take_and_give_back))
