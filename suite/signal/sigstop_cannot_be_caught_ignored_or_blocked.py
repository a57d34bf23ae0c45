# SIG-13 in Python: SIGSTOP cannot be caught, ignored or blocked. signal.signal() with a
# handler or SIG_IGN raises OSError with EINVAL; a full mask silently leaves it out. A child
# that handles and blocks every other signal (SIGCONT included) is still stopped by SIGSTOP,
# and SIGCONT still resumes it although SIGCONT is blocked: continuing does not wait for
# delivery. Its SIGCONT handler runs only once the child unblocks.
import os
import signal
import sys

import procsync as ps


def on_signal(sig, frame):
    ps.say_safe("child: caught ", ps.signal_name(sig))


def try_signal(handler, what):
    try:
        signal.signal(signal.SIGSTOP, handler)
        ps.say("signal.signal(SIGSTOP, ", what, ") returned")
    except OSError as e:
        ps.say("signal.signal(SIGSTOP, ", what, ") raised ", type(e).__name__, ": ",
               ps.errno_name(e.errno))
    except Exception as e:
        ps.say("signal.signal(SIGSTOP, ", what, ") raised ", type(e).__name__)


def child_body():
    os.close(write_end)
    failed = ps.act_on_every_other_signal(on_signal)
    signal.pthread_sigmask(signal.SIG_SETMASK, signal.valid_signals())
    mask = signal.pthread_sigmask(signal.SIG_BLOCK, [])
    ps.say("child: a handler for every other signal (", failed, " failed), all blocked; ",
           "mask holds SIGCONT: ", "yes" if signal.SIGCONT in mask else "no",
           ", SIGSTOP: ", "yes" if signal.SIGSTOP in mask else "no")
    about_to_read[0] = 1
    os.read(read_end, 1)
    ps.say("child: running again")
    signal.pthread_sigmask(signal.SIG_SETMASK, [])  # the pending SIGCONT is delivered here
    ps.say("child: unblocked everything")
    return 0


try_signal(on_signal, "handler")
try_signal(signal.SIG_IGN, "SIG_IGN")
read_end, write_end = os.pipe()
about_to_read = ps.shared_bytes(1)
with ps.Child(child_body) as child:
    os.close(read_end)
    ps.await_(lambda: about_to_read[0] == 1, "child never started")
    ps.check(ps.wait_for_state(child.pid, "S"), "child never blocked")
    ps.say("parent: child is blocked reading a pipe; sending SIGSTOP")
    child.kill(signal.SIGSTOP)
    # A child that is not stopped (or not continued) would block waitpid for good: the
    # bounded waits say what did not happen instead, and leaving the with-block ends it.
    stop = child.wait_within(os.WUNTRACED)
    if not stop.valid:
        ps.say("parent: the child that blocks everything was not stopped by SIGSTOP")
        sys.exit(1)
    ps.say("parent: child ", stop.describe())
    ps.say("parent: sending SIGCONT")
    child.kill(signal.SIGCONT)
    cont = child.wait_within(os.WCONTINUED)
    if not cont.valid:
        ps.say("parent: the stopped child was not continued by the blocked SIGCONT")
        sys.exit(1)
    ps.say("parent: child ", cont.describe())
    os.write(write_end, b"x")
    ps.say("parent: child ", child.wait().describe())
