# PRC-03: signal dispositions across os.fork() and exec. A forked child keeps every
# disposition of its parent: ignored, caught and default. An exec'd image keeps the ignored
# ones but has the caught ones reset to the default: this is how nohup works. The program
# re-execs itself (the interpreter and this file) through ps.exec_self and, in the new image,
# reads the dispositions with signal.getsignal(), which at start-up reports what the process
# inherited: SIG_IGN or SIG_DFL (docs.python.org/3/library/signal.html#signal.getsignal); then
# it tests them: the ignored SIGHUP is discarded, the reset SIGTERM ends the process.
import signal
import sys

import procsync as ps

AFTER_EXEC = "after-exec"


def on_term(sig, frame):
    ps.say_safe("after fork: on_term caught ", ps.signal_name(sig))


def disposition(sig):
    handler = signal.getsignal(sig)
    name = ps.signal_name(sig)
    if handler == signal.SIG_IGN:
        return name + " SIG_IGN"
    if handler == signal.SIG_DFL:
        return name + " SIG_DFL"
    return name + (" handler on_term" if handler is on_term else " some handler")


def show(who):
    ps.say(who, ": ", disposition(signal.SIGHUP), ", ", disposition(signal.SIGTERM), ", ",
           disposition(signal.SIGUSR1))


def after_exec():
    show("after exec")
    signal.raise_signal(signal.SIGHUP)
    ps.say("after exec: raised SIGHUP, still running")
    ps.say("after exec: raising SIGTERM")
    signal.raise_signal(signal.SIGTERM)
    ps.say("after exec: still running after SIGTERM")


def child_body():
    show("after fork")
    signal.raise_signal(signal.SIGTERM)  # the inherited handler runs
    ps.exec_self([AFTER_EXEC])


if len(sys.argv) > 1 and sys.argv[1] == AFTER_EXEC:
    after_exec()
else:
    # SIGHUP ignored (as nohup does), SIGTERM caught, SIGUSR1 left at its default.
    ps.install(signal.SIGHUP, signal.SIG_IGN)
    ps.install(signal.SIGTERM, on_term)
    show("parent")
    child = ps.Child(child_body)
    ps.say("parent: exec'd child ", child.wait().describe())
