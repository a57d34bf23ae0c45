# THR-03: start then join waits for the thread: join() returns only when the thread has
# ended, 0.5 s after it started, never before; is_alive() is true while the thread runs and
# false after. join(timeout=0) while it runs returns at once with the thread still alive (the
# counterpart of pthread_tryjoin_np's EBUSY).
import threading

import procsync as ps

RUN_SECONDS = 0.5
running = threading.Event()


def body():
    ps.say("thread: running")
    running.set()
    ps.sleep_for(RUN_SECONDS)
    ps.say("thread: ending")


t = threading.Thread(target=body)
t.start()
running.wait()
ps.say("main: is alive while it runs: ", t.is_alive())
t.join(timeout=0)
ps.say("main: join(timeout=0) while it runs returned; is alive: ", t.is_alive())
t.join()
ps.say("main: join returned; is alive: ", t.is_alive())
