# SIG-24: handlers run asynchronously. The main flow prints a tick every half second and
# never looks for signals; the harness sends SIGUSR1 and SIGUSR2 between ticks, and each
# handler's line appears at the moment of delivery, between the ticks, while the ticks stay
# on their schedule. Python runs the handler in the main thread as soon as time.sleep() is
# interrupted, then resumes the sleep (PEP 475).
import signal

import procsync as ps

PERIOD = 0.5
TICKS = 5


def on_signal(sig, frame):
    ps.say_safe("handler: caught ", ps.signal_name(sig))


def sleep_until(start, offset):
    # Python has no absolute sleep; time.sleep() recomputes its remaining time after an
    # interruption, so the deadline holds.
    left = start + offset - ps.monotonic_seconds()
    if left > 0:
        ps.sleep_for(left)


ps.install(signal.SIGUSR1, on_signal)
ps.install(signal.SIGUSR2, on_signal)
start = ps.monotonic_seconds()
for i in range(TICKS):
    sleep_until(start, i * PERIOD)
    ps.say("main: tick ", i)
