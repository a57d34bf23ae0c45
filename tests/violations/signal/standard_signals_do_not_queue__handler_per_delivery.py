# Violation of SIG-31 in Python: a runtime that runs a Python handler once per delivery (or
# that queues standard signals): the handler counts are three, not one.
import os
import signal

import procsync as ps

for sig, name in ((signal.SIGUSR1, "SIGUSR1"), (signal.SIGRTMIN, "SIGRTMIN+0")):
    old = signal.pthread_sigmask(signal.SIG_BLOCK, {sig})
    for _ in range(3):
        os.kill(os.getpid(), sig)
    ps.say(name, " sent 3 times while blocked; pending: yes; handled so far: 0")
    signal.sigwait({sig})  # takes one; the others (real-time) stay queued
    while sig in signal.sigpending():
        signal.sigwait({sig})
    signal.pthread_sigmask(signal.SIG_SETMASK, old)
    ps.say(name, " delivered 3 time(s) after unblocking" if sig == signal.SIGUSR1
           else " handler ran 3 time(s) after unblocking")
