# SIG-21: a signal whose action is SIG_IGN is discarded and the process goes on. SIGINT and
# SIGTERM would end the process by default; set to SIG_IGN, one sent by the process to
# itself and one sent by a child leave it running, and neither stays pending.
import os
import signal

import procsync as ps


late = []


def on_late(sig, frame):
    late.append(sig)


def pending_text(sig):
    return "yes" if sig in signal.sigpending() else "no"


def send_sigterm_to_parent():
    os.kill(os.getppid(), signal.SIGTERM)
    return 0


ps.install(signal.SIGINT, signal.SIG_IGN)
ps.install(signal.SIGTERM, signal.SIG_IGN)
ps.say("SIGINT and SIGTERM set to SIG_IGN")
# A signal a process sends to itself, unblocked, is delivered before kill() returns.
ps.say("kill(own pid, SIGINT) ", ps.outcome(os.kill, os.getpid(), signal.SIGINT))
ps.say("still running after SIGINT; SIGINT pending: ", pending_text(signal.SIGINT))
with ps.Child(send_sigterm_to_parent) as sender:
    ps.say("child that sent SIGTERM to the parent ", sender.wait().describe())
ps.say("still running after SIGTERM; SIGTERM pending: ", pending_text(signal.SIGTERM))
# Not relying on sigpending() alone: a signal kept while ignored would reach a handler
# installed now.
ps.install(signal.SIGINT, on_late)
ps.install(signal.SIGTERM, on_late)
ps.sleep_for(0.01)
ps.say("handlers installed afterwards for SIGINT and SIGTERM ran ", len(late), " time(s)")
