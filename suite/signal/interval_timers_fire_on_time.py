# SIG-40 in Python: timers beyond alarm(). signal.setitimer(ITIMER_REAL) armed at once with
# 0.5 s and an interval of 0.5 s: SIGALRM at 0.5, 1.0 and 1.5 s, never early; then disarmed,
# and signal.getitimer() shows it disarmed. Python has no timer_create(), the row's other
# half (docs/python.md). Every time is measured from the start of the program.
import signal

import procsync as ps

alarms = 0


def on_alarm(sig, frame):
    global alarms
    alarms += 1
    ps.say_safe("setitimer: SIGALRM ", alarms)


start = ps.monotonic_seconds()
ps.install(signal.SIGALRM, on_alarm)
signal.setitimer(signal.ITIMER_REAL, 0.5, 0.5)
# Waits, handling signals, until three have come or 4 s have passed.
while alarms < 3 and ps.monotonic_seconds() < start + 4:
    ps.sleep_for(0.005)
signal.setitimer(signal.ITIMER_REAL, 0)
value, interval = signal.getitimer(signal.ITIMER_REAL)
ps.say("setitimer: disarmed after ", alarms, " SIGALRM; getitimer shows it ",
       "disarmed" if value == 0 and interval == 0 else "armed")
# Nothing more comes once disarmed.
ps.sleep_for(0.7)
ps.say("setitimer: ", alarms, " SIGALRM in all")
