# Violation of THR-07: a runtime that waits for daemon threads too when the main thread's code
# ends (it treats every thread as non-daemon): the daemon thread's later line appears at 1 s
# and the process ends then.
import threading

import procsync as ps

started = threading.Event()


def daemon_body():
    ps.say("daemon thread: started")
    started.set()
    ps.sleep_for(1.0)
    ps.say("daemon thread: still running after 1 s")


t = threading.Thread(target=daemon_body, daemon=True)
t.start()
started.wait()
ps.say("main: returning while the daemon thread sleeps")
t.join()  # the broken runtime's exit: it waits for the daemon thread
