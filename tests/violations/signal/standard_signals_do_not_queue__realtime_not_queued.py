# Violation of SIG-31 in Python (its control): a real-time signal sent three times while
# blocked is delivered once, as a standard one is.
import os
import signal

import procsync as ps

SENDS = 3
handled = {}


def on_signal(sig, frame):
    handled[sig] = handled.get(sig, 0) + 1


def send_blocked(sig):
    old = signal.pthread_sigmask(signal.SIG_BLOCK, {sig})
    for i in range(SENDS):
        if i == 0 or sig == signal.SIGUSR1:  # the deviation: one real-time send kept
            os.kill(os.getpid(), sig)
    ps.say(ps.signal_name(sig), " sent ", SENDS, " times while blocked; pending: ",
           "yes" if sig in signal.sigpending() else "no", "; handled so far: ",
           handled.get(sig, 0))
    return old


def send_blocked_then_unblock(sig):
    old = send_blocked(sig)
    # Linux delivers every pending signal before pthread_sigmask() returns, and CPython runs
    # the Python handlers before it returns too.
    signal.pthread_sigmask(signal.SIG_SETMASK, old)
    for _ in range(1000):
        if sig not in signal.sigpending():
            break
    return handled.get(sig, 0)


def accept_blocked(sig):
    old = send_blocked(sig)
    accepted = 0
    # sigwait() blocks when nothing is pending: ask sigpending() first, so a platform that
    # queues fewer ends with a smaller count instead of hanging.
    while sig in signal.sigpending() and accepted < 2 * SENDS:
        signal.sigwait({sig})
        accepted += 1
    signal.pthread_sigmask(signal.SIG_SETMASK, old)
    return accepted


ps.install(signal.SIGUSR1, on_signal)
ps.install(signal.SIGRTMIN, on_signal)
usr1 = send_blocked_then_unblock(signal.SIGUSR1)
ps.say(ps.signal_name(signal.SIGUSR1), " delivered ", usr1, " time(s) after unblocking")
rt = send_blocked_then_unblock(signal.SIGRTMIN)
ps.say(ps.signal_name(signal.SIGRTMIN), " handler ran ", rt, " time(s) after unblocking")
ps.say(ps.signal_name(signal.SIGRTMIN), " accepted by sigwait ",
       accept_blocked(signal.SIGRTMIN), " time(s)")
ps.say(ps.signal_name(signal.SIGUSR1), " accepted by sigwait ",
       accept_blocked(signal.SIGUSR1), " time(s)")
