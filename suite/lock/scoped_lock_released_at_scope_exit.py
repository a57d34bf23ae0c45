# LCK-04: a lock used as a context manager (the tutorial's "with lock:") is held for the block
# and released when the block ends, whether normally or because an exception leaves it: after
# the block, another thread's non-blocking acquire succeeds. The tutorial's
# multiprocessing.Lock alone; two threading.Lock in one with statement.
import multiprocessing
import threading

import procsync as ps


def another_thread_can_take(lock):
    # Asked from another thread, which releases what it took at once.
    answer = []

    def ask():
        got = lock.acquire(False)
        if got:
            lock.release()
        answer.append(got)

    t = threading.Thread(target=ask)
    t.start()
    t.join()
    return answer[0]


def yes_no(b):
    return "true" if b else "false"


def both(a, b):
    return "a %s, b %s" % (yes_no(another_thread_can_take(a)), yes_no(another_thread_can_take(b)))


lock = multiprocessing.Lock()
with lock:
    ps.say("with lock: inside the block, another thread's acquire(False): ",
           another_thread_can_take(lock))
ps.say("with lock: after the block, another thread's acquire(False): ",
       another_thread_can_take(lock))
try:
    with lock:
        raise RuntimeError("raised while locked")
except RuntimeError as e:
    ps.say('with lock: caught "', e, '", another thread\'s acquire(False): ',
           another_thread_can_take(lock))

a, b = threading.Lock(), threading.Lock()
with a, b:
    ps.say("with a, b: inside the block, another thread's acquire(False): ", both(a, b))
ps.say("with a, b: after the block, another thread's acquire(False): ", both(a, b))
try:
    with a, b:
        raise RuntimeError("raised while locked")
except RuntimeError as e:
    ps.say('with a, b: caught "', e, '", another thread\'s acquire(False): ', both(a, b))
