# Violation of SIG-07 in Python: only the session leader gets SIGQUIT, not the other member of
# the foreground group (shown by the member ignoring it), which keeps waiting.
import os
import signal
import sys

import procsync as ps

which = sys.argv[1] if len(sys.argv) > 1 else ""
if which not in ("intr", "quit"):
    ps.fail("argument must be intr or quit")
intr = which == "intr"
sig = signal.SIGINT if intr else signal.SIGQUIT
key = b"\x03" if intr else b"\x1c"
key_name = "Ctrl+C" if intr else "Ctrl+\\"

# Guards (scaled) for an end at once after the key; the trace's %timeout 8 leaves set-up 5 s.
MEMBER_GUARD_SECONDS = 1.5
LEADER_GUARD_SECONDS = 3.0

# Shared between the processes: a flag for each about to wait (leader, member, background),
# then the member's and the background process's pids.
WAITING = 3
shared = ps.shared_bytes(WAITING + 2 * 8)
caught = False
who = "?"


def on_signal(signum, frame):
    global caught
    caught = True
    ps.say_safe(who, ": caught ", ps.signal_name(signum))


def store_pid(slot, pid):
    shared[WAITING + 8 * slot:WAITING + 8 + 8 * slot] = pid.to_bytes(8, "little")


def load_pid(slot):
    return int.from_bytes(shared[WAITING + 8 * slot:WAITING + 8 + 8 * slot], "little")


def wait_for_signal(index):
    shared[index] = 1
    ps.wait_for_signal(lambda: caught)  # race-free, as sigsuspend in C


def member_body():
    signal.signal(sig, signal.SIG_IGN)  # the deviation
    global who
    who = "foreground member"
    wait_for_signal(1)
    return 0


def background_body():
    global who
    os.setpgid(0, 0)
    who = "background process"
    wait_for_signal(2)
    return 0


def leader_body():
    global who
    os.close(master)
    ps.take_controlling_terminal(slave)
    ps.check(os.tcgetpgrp(slave) == os.getpgrp(), "foreground group")
    ps.say("leader: the terminal is its controlling terminal, its group in the foreground")
    ps.install(sig, on_signal)
    member = ps.Child(member_body)
    store_pid(0, member.pid)
    background = ps.Child(background_body)
    try:
        os.setpgid(background.pid, background.pid)  # as shells do: whichever runs first
    except OSError:
        pass
    store_pid(1, background.pid)
    who = "leader"
    wait_for_signal(0)
    # A member the key did not reach would block waitpid for good: say so instead, and end
    # both children (os._exit skips the fixtures' atexit reaping).
    member_end = member.wait_within(0, MEMBER_GUARD_SECONDS)
    if not member_end.valid:
        ps.say("leader: the foreground member was not signalled by the key")
        member.close()
        background.close()
        return 1
    ps.say("leader: foreground member ", member_end.describe())
    # The key signalled the whole foreground group at once, and both its processes have
    # handled it: had it reached the background process, it would have woken too.
    ps.say("leader: background process ", "still blocked, not signalled"
           if ps.process_state(background.pid) == "S" else "woke up")
    background.kill(signal.SIGTERM)
    ps.say("leader: background process ", background.wait().describe())
    return 0


master, slave = os.openpty()
ps.enable_signal_keys(slave)
with ps.Child(leader_body) as leader:
    os.close(slave)
    ps.await_(lambda: all(shared[:WAITING]), "not all three started to wait")
    ps.check(ps.wait_for_state(leader.pid, "S"), "leader never blocked")
    ps.check(ps.wait_for_state(load_pid(0), "S"), "member never blocked")
    ps.check(ps.wait_for_state(load_pid(1), "S"), "background never blocked")
    ps.say("parent: all three are blocked; typing ", key_name, " on the master")
    os.write(master, key)
    # A leader the key did not reach would block waitpid for good. Longer than the leader's
    # own guard, so that a leader that reports a missing member is heard first.
    end = leader.wait_within(0, LEADER_GUARD_SECONDS)
    if not end.valid:
        ps.say("parent: the leader is still waiting for ", ps.signal_name(sig), " after the key")
        # Its children first, so that none runs on as an orphan once the leader is gone.
        for pid in (load_pid(0), load_pid(1)):
            os.kill(pid, signal.SIGKILL)
        leader.close()
        for pid in (load_pid(0), load_pid(1)):
            ps.wait_for_state(pid, "Z?")
        sys.exit(1)
    ps.say("parent: leader ", end.describe())
    os.close(master)
