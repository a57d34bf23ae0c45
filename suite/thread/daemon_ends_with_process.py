# THR-07: a daemon thread ends when the process exits: when the main thread's code is done
# the program exits at once, and the daemon thread's later output never appears. "A thread
# can be flagged as a daemon thread. The significance of this flag is that the entire Python
# program exits when only daemon threads are left" (docs.python.org/3/library/threading.html).
import threading

import procsync as ps

DAEMON_SLEEP = 1.0  # longer than main lives
started = threading.Event()


def daemon_body():
    ps.say("daemon thread: started")
    started.set()
    ps.sleep_for(DAEMON_SLEEP)
    ps.say("daemon thread: still running after 1 s")


threading.Thread(target=daemon_body, daemon=True).start()
started.wait()
ps.say("main: returning while the daemon thread sleeps")
