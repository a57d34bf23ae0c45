# SIG-22: signal.SIG_DFL restores a signal's default action after a handler was installed.
# The first SIGINT from outside (as Ctrl+C would send it) is caught; after SIG_DFL the second
# one ends the process, whose end status the trace checks. (SIG_DFL is the operating system's
# default, which ends the process; not Python's start-up handler, default_int_handler, which
# raises KeyboardInterrupt.)
import signal

import procsync as ps

caught = False


def on_int(sig, frame):
    global caught
    caught = True
    ps.say_safe("caught ", ps.signal_name(sig))


ps.install(signal.SIGINT, on_int)
ps.say("handler installed for SIGINT; waiting for it")
# Race-free: a SIGINT that comes before the wait starts still ends it.
ps.wait_for_signal(lambda: caught)
ps.install(signal.SIGINT, signal.SIG_DFL)
ps.say("SIGINT set back to SIG_DFL; waiting for it")
caught = False
while not caught:
    signal.pause()
ps.say("pause returned: the second SIGINT was caught, not the default action")
