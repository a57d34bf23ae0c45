# SIG-14: SIGTSTP, unlike SIGSTOP, can be caught and ignored. In a process group that is not
# orphaned (so its default action would stop the process, as the first child shows), a
# child with a handler runs the handler and keeps running, and with SIG_IGN it just keeps
# running.
import os
import signal

import procsync as ps


def on_tstp(sig, frame):
    ps.say_safe("child: caught ", ps.signal_name(sig))


def own_group():
    # A group of its own whose parent (this program) is in another group of the same
    # session: not orphaned, so SIGTSTP's default action is not discarded.
    os.setpgid(0, 0)


def default_body():
    own_group()
    signal.raise_signal(signal.SIGTSTP)
    ps.say("child: still running with SIGTSTP at its default action")
    return 0


def caught_then_ignored_body():
    own_group()
    ps.install(signal.SIGTSTP, on_tstp)
    signal.raise_signal(signal.SIGTSTP)
    ps.say("child: still running after the handler")
    ps.install(signal.SIGTSTP, signal.SIG_IGN)
    signal.raise_signal(signal.SIGTSTP)
    ps.say("child: still running with SIGTSTP ignored")
    return 0


with ps.Child(default_body) as child:
    ps.say("parent: with SIGTSTP at its default action, child ",
           child.wait(os.WUNTRACED).describe())
    # Still stopped a moment later (the kernel's job-control stop, 'T'): a platform that
    # reports the stop but lets the child run on (a ptrace launcher restarting it) fails here.
    ps.say("parent: the child stays stopped (state T): ",
           "yes" if ps.stays_in_state(child.pid, "T", 0.02) else "no")
    # Leaving the block kills it with SIGKILL while still stopped: it never prints.
with ps.Child(caught_then_ignored_body) as child:
    ps.say("parent: with SIGTSTP caught, then ignored, child ",
           child.wait(os.WUNTRACED).describe())
