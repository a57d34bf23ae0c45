# Violation of SIG-33 in Python: the handler is reset to SIG_DFL when it runs (System V
# semantics), so the second SIGUSR1 ends the process.
import os
import signal

import procsync as ps

DELIVERIES = 3
caught = 0


def on_usr1(sig, frame):
    global caught
    caught += 1
    signal.signal(signal.SIGUSR1, signal.SIG_DFL)  # the deviation
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
with ps.Child(lambda: os.kill(os.getpid(), signal.SIGUSR1)) as child:
    ps.say("parent: child that sent itself SIGUSR1 ", child.wait().describe())
