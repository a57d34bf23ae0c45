# SIG-23: a handler receives the signal number, so one function installed for SIGALRM and
# SIGINT can tell them apart, as the tutorial's handler does with `if sig == SIGALRM`.
import os
import signal

import procsync as ps


def on_signal(sig, frame):
    if sig == signal.SIGALRM:
        ps.say_safe("handler: sig is SIGALRM: receive clock signal")
    elif sig == signal.SIGINT:
        ps.say_safe("handler: sig is SIGINT: it doesn't end")
    else:
        ps.say_safe("handler: unexpected ", ps.signal_name(sig))


ps.install(signal.SIGALRM, on_signal)
ps.install(signal.SIGINT, on_signal)
shared = (signal.getsignal(signal.SIGALRM) is on_signal
          and signal.getsignal(signal.SIGINT) is on_signal)
ps.say("SIGALRM and SIGINT share one handler: ", "yes" if shared else "no")
# A signal sent to oneself, unblocked, is handled before the next bytecode after kill().
for sig in (signal.SIGINT, signal.SIGALRM, signal.SIGINT):
    ps.say("sending ", ps.signal_name(sig))
    os.kill(os.getpid(), sig)
