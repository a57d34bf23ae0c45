# SIG-17: signal.alarm(0) cancels the pending alarm and returns the seconds that were left on
# it; the cancelled alarm never fires. A handler counts SIGALRM so that a late firing shows.
import signal

import procsync as ps

ALARM_SECONDS = 3
BEFORE_CANCEL = 1.0  # cancel with about 2 s left on the alarm
WATCH_UNTIL = 3.5  # past the moment the alarm was due

alarms = 0


def on_alarm(sig, frame):
    global alarms
    alarms += 1
    ps.say_safe("caught ", ps.signal_name(sig))


ps.install(signal.SIGALRM, on_alarm)
start = ps.monotonic_seconds()
ps.say("armed alarm ", ALARM_SECONDS, ", none was pending: alarm returned ",
       signal.alarm(ALARM_SECONDS))
ps.sleep_for(BEFORE_CANCEL)
ps.say("alarm(0) returned ", signal.alarm(0))
# Nothing is pending any more, so a second cancel finds no time left.
ps.say("alarm(0) again returned ", signal.alarm(0))
ps.sleep_for(max(0.0, WATCH_UNTIL - (ps.monotonic_seconds() - start)))
ps.say("SIGALRM delivered ", alarms, " time(s)")
