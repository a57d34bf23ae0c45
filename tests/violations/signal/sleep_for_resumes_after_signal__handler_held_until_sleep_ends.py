# Violation of SIG-25 in Python: the signal is held until time.sleep() returns, and only then
# does its handler run.
import os
import signal
import time

import procsync as ps

SLEEP = 3.0
SIGNAL_AFTER = 0.7  # well inside the sleep
about_to_sleep = ps.shared_bytes(1)


def on_usr1(sig, frame):
    ps.say_safe("parent: caught ", ps.signal_name(sig))


def sender_body():
    ps.await_(lambda: about_to_sleep[0] == 1, "the parent never started to sleep")
    ps.check(ps.wait_for_state(sleeper, "S"), "the parent never went to sleep")
    ps.say("child: parent is asleep in time.sleep(3)")
    ps.sleep_for(SIGNAL_AFTER)
    ps.say("child: sending SIGUSR1")
    os.kill(sleeper, signal.SIGUSR1)
    return 0


ps.install(signal.SIGUSR1, on_usr1)
sleeper = os.getpid()
with ps.Child(sender_body) as sender:
    about_to_sleep[0] = 1
    before = time.monotonic()
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGUSR1})  # the deviation
    time.sleep(SLEEP)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGUSR1})
    full = time.monotonic() - before >= SLEEP
    ps.say("parent: time.sleep returned; it slept the full 3 s: ", "yes" if full else "no")
    ps.say("parent: child ", sender.wait().describe())
