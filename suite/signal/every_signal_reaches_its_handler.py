# SIG-34 in Python: every signal a process may catch, standard and real-time (1 to SIGRTMAX
# without SIGKILL, SIGSTOP and the numbers the C library keeps for itself), can be given a
# Python handler, be sent, and reach that handler with its own number. Each signal in turn:
# signal.signal() installs the handler and getsignal() reads it back, the signal is blocked,
# sent with os.kill() to this process, seen pending, and unblocked; the handler must have run
# once, with that number. Any step that fails is printed with the signal's name. The
# platform's SIGRTMIN and SIGRTMAX are printed with their numbers.
import os
import signal

import procsync as ps

calls = 0
arg = 0


def on_signal(sig, frame):
    global calls, arg
    calls += 1
    arg = sig


def try_signal(sig):
    global calls, arg
    try:
        signal.signal(sig, on_signal)
    except (OSError, ValueError) as e:
        return "signal.signal raised " + type(e).__name__
    if signal.getsignal(sig) is not on_signal:
        return "signal.signal returned but the handler is not installed"
    old = signal.pthread_sigmask(signal.SIG_BLOCK, {sig})
    calls = 0
    arg = 0
    problem = ""
    try:
        os.kill(os.getpid(), sig)
        if sig not in signal.sigpending():
            problem = "sent while blocked but not pending"
        if calls != 0:
            problem = "handler ran while the signal was blocked"
    except OSError as e:
        problem = "kill failed: " + ps.errno_name(e.errno)
    # The pending signal is delivered before pthread_sigmask() returns, and the interpreter
    # runs the Python handler before the next statement.
    signal.pthread_sigmask(signal.SIG_SETMASK, old)
    if problem:
        return problem
    if calls != 1:
        return "handler ran %d time(s) after unblocking" % calls
    if arg != sig:
        return "handler got " + ps.signal_name(arg)
    return ""


rtmin, rtmax = int(signal.SIGRTMIN), int(signal.SIGRTMAX)
ps.say("SIGRTMIN is signal ", rtmin, ", SIGRTMAX is signal ", rtmax)
ps.say("real-time signals: ", ps.signal_name(rtmin), " to ", ps.signal_name(rtmax), ", ",
       rtmax - rtmin + 1, " of them")
standard = realtime = failed = 0
for sig in ps.every_other_signal():
    if sig < rtmin:
        standard += 1
    else:
        realtime += 1
    problem = try_signal(sig)
    if problem:
        failed += 1
        ps.say(ps.signal_name(sig), ": ", problem)
ps.say("tried ", standard, " standard and ", realtime, " real-time signals; ", failed,
       " could not be handled, sent or caught with their own number")
