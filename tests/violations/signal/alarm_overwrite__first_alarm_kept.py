# Violation of SIG-16: a runtime whose second signal.alarm() arms a new timer instead of
# replacing the first (and returns 0): the first alarm fires too, at 3 s.
import signal

import procsync as ps

alarms = 0


def on_alarm(sig, frame):
    global alarms
    alarms += 1
    ps.say_safe("caught ", ps.signal_name(sig))


ps.install(signal.SIGALRM, on_alarm)
ps.say("armed alarm 3, none was pending: alarm returned ", signal.alarm(3))
ps.say("second alarm returned 0")
ps.sleep_for(1)
ps.say_safe("caught SIGALRM")  # the new alarm
ps.sleep_for(2.5)  # the kept one fires at 3 s
ps.say("SIGALRM delivered ", alarms + 1, " time(s)")
