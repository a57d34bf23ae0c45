# SIG-12: SIGKILL cannot be blocked. signal.pthread_sigmask() with every valid signal
# succeeds, but the mask it leaves silently lacks SIGKILL (and SIGSTOP). This program then
# handles and blocks every other signal: a SIGTERM it sends itself stays pending, and the
# SIGKILL it sends itself ends it at once; its own end status is "killed by SIGKILL".
# The lines name the C calls: in a process with one thread, pthread_sigmask() is
# sigprocmask() (POSIX pthread_sigmask: "equivalent to sigprocmask(), without the
# restriction that the call be made in a single-threaded process"), and
# signal.valid_signals() is the full set (CPython builds it with sigfillset()).
import os
import signal

import procsync as ps


def on_signal(sig, frame):
    ps.say_safe("caught ", ps.signal_name(sig))


def yes_no(signals, sig):
    return "yes" if sig in signals else "no"


failed = ps.act_on_every_other_signal(on_signal)
ps.say("a handler for every other signal, ", failed, " failed")
full = signal.valid_signals()
ps.say("the full set holds SIGKILL: ", yes_no(full, signal.SIGKILL))
ps.say("sigprocmask(SIG_SETMASK, full set) ",
       ps.outcome(signal.pthread_sigmask, signal.SIG_SETMASK, full))
mask = signal.pthread_sigmask(signal.SIG_BLOCK, [])
unblocked = sum(1 for sig in ps.every_other_signal() if sig not in mask)
ps.say("mask: every other signal blocked, ", unblocked, " left out")
ps.say("mask holds SIGKILL: ", yes_no(mask, signal.SIGKILL))
ps.say("mask holds SIGSTOP: ", yes_no(mask, signal.SIGSTOP))
os.kill(os.getpid(), signal.SIGTERM)
ps.say("sent itself SIGTERM: pending ", yes_no(signal.sigpending(), signal.SIGTERM),
       ", handler not run")
ps.say("sending itself SIGKILL")
os.kill(os.getpid(), signal.SIGKILL)
ps.say("still running after SIGKILL")
