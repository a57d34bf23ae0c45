# SIG-03: os.kill(-pgid, sig) (and os.killpg(pgid, sig)) sends sig to every member of process
# group pgid. Three members share a new group; a fourth process (the outsider) stays in the
# parent's group and must not be reached.
import os
import signal

import procsync as ps

MEMBERS = 3
NAMES = ["member 1", "member 2", "member 3"]
about_to_wait = ps.shared_bytes(MEMBERS + 1)
caught = False
who = "outsider"


def on_usr1(sig, frame):
    global caught
    caught = True
    ps.say_safe(who, ": caught ", ps.signal_name(sig))


def wait_for_usr1(index):
    about_to_wait[index] = 1
    # Race-free: a SIGUSR1 that comes before the wait starts still ends it.
    ps.wait_for_signal(lambda: caught)
    return 0


def member_body(i, pgid):
    global who
    who = NAMES[i]
    os.setpgid(0, pgid)
    return wait_for_usr1(i)


ps.install(signal.SIGUSR1, on_usr1)
members = []
pgid = 0  # the first member leads the new group
for i in range(MEMBERS):
    members.append(ps.Child(lambda i=i, pgid=pgid: member_body(i, pgid)))
    # Also in the parent, as shells do, so the group is set whichever runs first.
    try:
        os.setpgid(members[-1].pid, pgid)
    except PermissionError:  # EACCES: the child has already exec'd or set it itself
        pass
    if pgid == 0:
        pgid = members[-1].pid
outsider = ps.Child(lambda: wait_for_usr1(MEMBERS))
for m in members:
    ps.check(os.getpgid(m.pid) == pgid, "member not in the group")
ps.say("parent: members 1-3 are in the process group of member 1",
       "; the outsider stays in the parent's group" if os.getpgid(outsider.pid) == os.getpgrp()
       else "; the outsider is elsewhere")
ps.await_(lambda: all(about_to_wait), "not all four started to wait")
for m in members + [outsider]:
    ps.check(ps.wait_for_state(m.pid, "S"), "a process never blocked")
ps.say("parent: all four are blocked waiting for a signal")
ps.say("parent: kill(-pgid, SIGUSR1) ", ps.outcome(os.kill, -pgid, signal.SIGUSR1))
# Reap all members before printing, so every handler line is out before these. A member
# the signal did not reach would block waitpid for good: say so instead.
# The guard runs once for them all: they were signalled at the same moment.
ends = []
for m in members:
    ends.append(m.wait_within(0, None if all(e.valid for e in ends) else 0))
for name, end in zip(NAMES, ends):
    ps.say("parent: ", name, " ", end.describe() if end.valid else "still blocked: not reached")
# The members have all handled it, so had it reached the outsider, it would have stopped
# waiting by now too.
ps.say("parent: outsider state ",
       "still blocked, not reached" if ps.process_state(outsider.pid) == "S" else "changed")
outsider.kill(signal.SIGTERM)
ps.say("parent: outsider ", outsider.wait().describe())
