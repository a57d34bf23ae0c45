# Violation of SIG-15 in Python: SIGALRM's default action ignores it, so signal.pause()
# never returns.
import os
import signal
import threading

import procsync as ps

ALARM_SECONDS = 1
# How long after the start (scaled) a process SIGALRM has not ended gives up waiting: the
# alarm's second and a generous slack, below the trace's %timeout 4.
GIVE_UP_SECONDS = 3.0


def give_up():
    signal.pthread_sigmask(signal.SIG_SETMASK, signal.valid_signals())  # SIGALRM: main thread
    ps.sleep_for(GIVE_UP_SECONDS * ps.time_factor())
    ps.say("SIGALRM has not ended the process after ", GIVE_UP_SECONDS * ps.time_factor(), " s")
    os._exit(1)


# A platform whose SIGALRM does nothing by default would leave pause() blocked for good: a
# watchdog thread says so and ends the process instead.
threading.Thread(target=give_up, daemon=True).start()

signal.signal(signal.SIGALRM, signal.SIG_IGN)  # the deviation
previous = signal.alarm(ALARM_SECONDS)
ps.say("armed alarm ", ALARM_SECONDS, ", none was pending: alarm returned ", previous)
# Nothing but SIGALRM can end this wait; reaching the next line is itself a finding.
signal.pause()
ps.say("pause returned: SIGALRM did not end the process")
