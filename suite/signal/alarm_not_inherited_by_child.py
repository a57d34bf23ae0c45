# SIG-18: a forked child does not inherit its parent's pending alarm. The parent arms
# signal.alarm(1) and forks. The child keeps the inherited SIGALRM handler but gets no SIGALRM
# of its own, and signal.alarm(0) in it finds nothing left; only the parent's alarm fires.
import signal

import procsync as ps

ALARM_SECONDS = 1
# After the parent's alarm fired, the child waits this long more: an inherited alarm, due at
# the same moment, would have come by then.
CHILD_GRACE = 0.5

parent_caught = ps.shared_bytes(1)
in_child = False
alarms = 0  # each process counts its own deliveries


def on_alarm(sig, frame):
    global alarms
    alarms += 1
    ps.say_safe("child" if in_child else "parent", ": caught ", ps.signal_name(sig))
    if not in_child:
        parent_caught[0] = 1


def child_body():
    global in_child
    in_child = True
    while not parent_caught[0]:
        ps.sleep_for(0.001)
    ps.sleep_for(CHILD_GRACE)
    ps.say("child: SIGALRM delivered ", alarms, " time(s)")
    ps.say("child: alarm(0) returned ", signal.alarm(0))
    return 0


ps.install(signal.SIGALRM, on_alarm)
ps.say("parent: armed alarm ", ALARM_SECONDS, ", alarm returned ", signal.alarm(ALARM_SECONDS))
with ps.Child(child_body) as child:
    while alarms == 0:
        ps.sleep_for(0.001)
    ps.say("parent: child ", child.wait().describe())
