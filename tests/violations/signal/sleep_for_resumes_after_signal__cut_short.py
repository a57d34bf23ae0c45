# Violation of SIG-25 in Python: a runtime without PEP 475, whose time.sleep() ends when a
# handler has run (emulated here by a handler that raises): the sleep ends at 0.7 s.
import os
import signal
import time

import procsync as ps

about_to_sleep = ps.shared_bytes(1)


class Woken(Exception):
    pass


def on_usr1(sig, frame):
    ps.say_safe("parent: caught ", ps.signal_name(sig))
    raise Woken()


def sender_body():
    ps.await_(lambda: about_to_sleep[0] == 1, "the parent never started to sleep")
    ps.check(ps.wait_for_state(sleeper, "S"), "the parent never went to sleep")
    ps.say("child: parent is asleep in time.sleep(3)")
    ps.sleep_for(0.7)
    ps.say("child: sending SIGUSR1")
    os.kill(sleeper, signal.SIGUSR1)
    return 0


ps.install(signal.SIGUSR1, on_usr1)
sleeper = os.getpid()
with ps.Child(sender_body) as sender:
    about_to_sleep[0] = 1
    before = time.monotonic()
    try:
        time.sleep(3)
    except Woken:
        pass
    full = time.monotonic() - before >= 1.5
    ps.say("parent: time.sleep returned; it slept the full 3 s: ", "yes" if full else "no")
    ps.say("parent: child ", sender.wait().describe())
