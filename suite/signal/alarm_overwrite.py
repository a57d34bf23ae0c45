# SIG-16: a second signal.alarm() replaces the first. It returns the seconds that were left on
# the first (rounded to the nearest second), and only the new alarm fires.
import signal

import procsync as ps

alarms = 0


def on_alarm(sig, frame):
    global alarms
    alarms += 1
    ps.say_safe("caught ", ps.signal_name(sig))


ps.install(signal.SIGALRM, on_alarm)
none_pending = signal.alarm(3)
ps.say("armed alarm 3, none was pending: alarm returned ", none_pending)
left = signal.alarm(1)
ps.say("second alarm returned ", left)
# Sleep past the moment the first alarm would have fired (3 s); time.sleep resumes after the
# handler (PEP 475), as ps::sleep_for does.
ps.sleep_for(3.5)
ps.say("SIGALRM delivered ", alarms, " time(s)")
