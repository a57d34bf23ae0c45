# SEM-04: a non-blocking acquire at zero fails at once and takes nothing; at 1 it takes one.
# multiprocessing.Semaphore.acquire(block=False) is sem_trywait in both runtimes; Python
# answers False where C fails with EAGAIN.
import multiprocessing

import procsync as ps

if __name__ == "__main__":
    sem = multiprocessing.Semaphore(0)
    ps.say("acquire(False) at 0 returned ", sem.acquire(False))
    ps.say("value after the failed acquire(False) ", sem.get_value())
    sem.release()
    got = sem.acquire(False)
    ps.say("acquire(False) at 1 returned ", got, ", value now ", sem.get_value())
