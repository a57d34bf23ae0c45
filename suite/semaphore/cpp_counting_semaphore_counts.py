# SEM-10 (counting, between threads): threading.Semaphore starting at 2: acquire() returns at
# once; acquire(blocking=False) takes the last one, then fails at once at zero;
# acquire(timeout=0.5) at zero fails at 0.5 s, never before (measured on time.monotonic, the
# clock threading's timeouts use); release() gives one back.
import threading

import procsync as ps

TIMEOUT = 0.5

sem = threading.Semaphore(2)
ps.say("threading.Semaphore(2) constructed")
ps.say("acquire() at 2 returned ", sem.acquire())
ps.say("acquire(blocking=False) at 1: ", sem.acquire(blocking=False))
ps.say("acquire(blocking=False) at 0: ", sem.acquire(blocking=False))
start = ps.monotonic_seconds()
got = sem.acquire(timeout=TIMEOUT)
waited = ps.monotonic_seconds() - start
ps.say("acquire(timeout=0.5) at 0: ", got)
ps.say("it waited at least 500 ms: ", waited >= TIMEOUT)
sem.release()
ps.say("release(), then acquire(blocking=False): ", sem.acquire(blocking=False))
ps.say("acquire(blocking=False) at 0 again: ", sem.acquire(blocking=False))
