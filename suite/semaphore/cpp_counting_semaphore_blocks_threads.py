# SEM-10 (blocking, between threads): with a threading.Semaphore at zero, acquire() blocks a
# thread until another thread releases, and returns only then; with 3 threads blocked,
# release(1) lets exactly one through and release(2) the other two. Every thread is proven
# asleep in acquire() before the main thread holds and releases, so a thread that passed too
# early shows up before the release.
import threading

import procsync as ps

THREADS = 3
HOLD_SECONDS = 0.3  # between proving the state and acting on it

sem = threading.Semaphore(0)
acquired = [False] * THREADS


def waiting_inside():
    # Threads inside acquire(): each appends its own lock to the semaphore's condition's
    # private waiter list before it sleeps on it.
    with sem._cond:
        return len(sem._cond._waiters)


def body(i):
    sem.acquire()
    ps.say("thread ", i, ": acquired")
    acquired[i] = True


threads = []
for i in range(THREADS):
    t = threading.Thread(target=body, args=(i,))
    t.start()
    threads.append(t)
    ps.await_thread_blocked(t, lambda: waiting_inside() > i, "thread never blocked")
    ps.say("main: thread ", i, " is asleep in acquire() at 0")
ps.sleep_for(HOLD_SECONDS)
ps.say("main: release(1)")
sem.release(1)
ps.await_(lambda: sum(acquired) >= 1, "no thread passed")
ps.sleep_for(HOLD_SECONDS)
asleep = sum(1 for i, t in enumerate(threads)
             if not acquired[i] and ps.wait_for_thread_state(t.native_id, "S", 0.0))
ps.say("main: ", sum(acquired), " passed, ", asleep, " still asleep in acquire()")
ps.say("main: release(2)")
sem.release(2)
for t in threads:
    t.join()
ps.say("main: ", sum(acquired), " passed")
