# Violation of SIG-33 in Python: a child forked after the handler was installed does not keep
# it (its SIGUSR1 is at SIG_DFL), so the child's SIGUSR1 ends it.
import os
import signal

import procsync as ps

DELIVERIES = 3
caught = 0


def on_usr1(sig, frame):
    global caught
    caught += 1
    ps.say_safe("handler: caught ", ps.signal_name(sig))


def disposition(sig):
    handler = signal.getsignal(sig)
    if handler is on_usr1:
        return "the handler"
    if handler == signal.SIG_DFL:
        return "SIG_DFL"
    if handler == signal.SIG_IGN:
        return "SIG_IGN"
    return "something else"


ps.install(signal.SIGUSR1, on_usr1)
ps.say("signal.signal: handler installed")
for _ in range(DELIVERIES):
    os.kill(os.getpid(), signal.SIGUSR1)  # handled before the next statement
ps.say("signal.signal: handler ran ", caught, " time(s); SIGUSR1 is now ",
       disposition(signal.SIGUSR1))
# The disposition the kernel holds: a child forked now still has the handler, so a further
# SIGUSR1 is caught there too rather than ending it.
def lose_handler_then_signal():
    signal.signal(signal.SIGUSR1, signal.SIG_DFL)  # the deviation
    os.kill(os.getpid(), signal.SIGUSR1)


with ps.Child(lose_handler_then_signal) as child:
    ps.say("parent: child that sent itself SIGUSR1 ", child.wait().describe())
