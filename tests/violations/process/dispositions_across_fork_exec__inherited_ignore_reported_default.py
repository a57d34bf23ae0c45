# Violation of PRC-03: a runtime whose signal.getsignal() reports SIG_DFL for a signal the
# process inherited ignored across exec (it fills its handler table with SIG_DFL at start-up
# instead of asking the kernel), as PyPy 7.3 does: the exec'd image says "SIGHUP SIG_DFL"
# although the SIGHUP it raises is still discarded.
import signal
import sys

import procsync as ps


def on_term(sig, frame):
    ps.say_safe("after fork: on_term caught ", ps.signal_name(sig))


def disposition(sig, assume_default=False):
    handler = signal.SIG_DFL if assume_default else signal.getsignal(sig)
    name = ps.signal_name(sig)
    if handler == signal.SIG_IGN:
        return name + " SIG_IGN"
    if handler == signal.SIG_DFL:
        return name + " SIG_DFL"
    return name + (" handler on_term" if handler is on_term else " some handler")


def show(who, fresh_table=False):
    ps.say(who, ": ", disposition(signal.SIGHUP, fresh_table), ", ",
           disposition(signal.SIGTERM, fresh_table), ", ", disposition(signal.SIGUSR1, fresh_table))


def child_body():
    show("after fork")
    signal.raise_signal(signal.SIGTERM)
    ps.exec_self(["after-exec"])


if len(sys.argv) > 1 and sys.argv[1] == "after-exec":
    show("after exec", fresh_table=True)
    signal.raise_signal(signal.SIGHUP)
    ps.say("after exec: raised SIGHUP, still running")
    ps.say("after exec: raising SIGTERM")
    signal.raise_signal(signal.SIGTERM)
else:
    ps.install(signal.SIGHUP, signal.SIG_IGN)
    ps.install(signal.SIGTERM, on_term)
    show("parent")
    child = ps.Child(child_body)
    ps.say("parent: exec'd child ", child.wait().describe())
