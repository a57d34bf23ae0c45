# SEM-05: a timed acquire at zero fails at its timeout, never before it:
# multiprocessing.Semaphore.acquire(timeout=0.5) returns False at 0.5 s, and the monotonic
# clock read at the return is 0.5 s or more past the call. A timeout of 0 fails at once, but
# not when the semaphore can be taken at once. (Both runtimes turn the timeout into an
# absolute CLOCK_REALTIME deadline for sem_timedwait, which is why this is the Python
# program of the CLOCK_REALTIME row.)
import multiprocessing

import procsync as ps

TIMEOUT = 0.5

if __name__ == "__main__":
    sem = multiprocessing.Semaphore(0)
    ps.say("acquire(timeout=0) at 0 returned ", sem.acquire(timeout=0))
    ps.say("acquire(timeout=0.5) at 0")
    start = ps.monotonic_seconds()
    got = sem.acquire(timeout=TIMEOUT)
    waited = ps.monotonic_seconds() - start
    ps.say("acquire(timeout=0.5) returned ", got)
    ps.say("the monotonic clock at the return is 0.5 s or more past the call: ",
           "yes" if waited >= TIMEOUT else "no (%.6f s)" % waited)
    ps.say("value ", sem.get_value())
    sem.release()
    ps.say("acquire(timeout=0) at 1 returned ", sem.acquire(timeout=0))
    ps.say("value ", sem.get_value())
