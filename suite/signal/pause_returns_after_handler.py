# SIG-19 in Python: signal.pause() suspends the caller until a signal is caught; it returns
# only after the handler has run. A child pauses; the parent proves it is asleep, keeps it so
# for a second, and only then sends SIGUSR1. Python's pause() returns None, never the C
# call's -1 with EINTR (expected/signal/pause_returns_after_handler.py.trace).
import signal
import sys

import procsync as ps

HOLD_SECONDS = 1.0  # how long the parent leaves the child paused
about_to_pause = ps.shared_bytes(1)
handled = False


def on_usr1(sig, frame):
    global handled
    handled = True
    ps.say_safe("child: handler caught ", ps.signal_name(sig))


def pauser_body():
    ps.install(signal.SIGUSR1, on_usr1)
    about_to_pause[0] = 1
    result = signal.pause()
    ps.say("child: signal.pause() returned ", result, ", after the handler: ",
           "yes" if handled else "no")
    return 0


with ps.Child(pauser_body) as pauser:
    ps.await_(lambda: about_to_pause[0] == 1, "the child never started")
    ps.check(ps.wait_for_state(pauser.pid, "S"), "the child never went to sleep")
    ps.say("parent: child is asleep in pause")
    ps.sleep_for(HOLD_SECONDS)
    ps.say("parent: sending SIGUSR1")
    pauser.kill(signal.SIGUSR1)
    # A platform that leaves the child paused would block waitpid for good: say so instead.
    end = pauser.wait_within(0)
    if not end.valid:
        ps.say("parent: the child is still paused after SIGUSR1")
        sys.exit(1)
    ps.say("parent: child ", end.describe())
