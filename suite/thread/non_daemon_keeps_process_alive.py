# THR-06: a non-daemon thread keeps the process alive after the main thread's code has ended:
# the interpreter waits for it before it exits. The worker proves the main thread is done
# (threading.main_thread().is_alive() is false: the interpreter's shutdown has marked it
# stopped and waits for the other threads), runs 0.5 s more, and the process ends with it,
# with status 0, not before.
import threading

import procsync as ps

MORE_SECONDS = 0.5
started = threading.Event()


def worker():
    ps.say("worker: started")
    started.set()
    ps.await_(lambda: not threading.main_thread().is_alive(), "the main thread never ended")
    ps.say("worker: the main thread has ended (is_alive false)")
    ps.sleep_for(MORE_SECONDS)
    ps.say("worker: still running 0.5 s later; returning, the last thread")


threading.Thread(target=worker).start()  # daemon=False: the default for a thread made by main
started.wait()
ps.say("main: the main thread's code ends while the worker runs")
