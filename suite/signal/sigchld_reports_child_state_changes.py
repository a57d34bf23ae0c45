# SIG-26 in Python: the parent receives SIGCHLD when a child exits, is killed, stops and
# continues, and its siginfo says which in si_code (CLD_EXITED, CLD_STOPPED, CLD_CONTINUED,
# CLD_KILLED), with the exit status or the signal in si_status and the child in si_pid.
# A Python handler gets no siginfo, so the parent keeps SIGCHLD blocked and accepts each
# notice with signal.sigtimedwait() (at most 2 s), which returns it; then it collects the
# same change with os.waitpid and makes the next one, so notices never merge.
import os
import signal

import procsync as ps

if not hasattr(signal, "sigtimedwait") or not hasattr(os, "CLD_EXITED"):
    ps.unsupported("no signal.sigtimedwait() or os.CLD_* to read a SIGCHLD's siginfo")

NOTICE_TIMEOUT = 2.0  # a platform that sends nothing fails, not hangs
EXIT_STATUS = 7
CODES = {os.CLD_EXITED: "CLD_EXITED", os.CLD_KILLED: "CLD_KILLED", os.CLD_DUMPED: "CLD_DUMPED",
         os.CLD_TRAPPED: "CLD_TRAPPED", os.CLD_STOPPED: "CLD_STOPPED",
         os.CLD_CONTINUED: "CLD_CONTINUED"}


def await_notice(child):
    info = signal.sigtimedwait({signal.SIGCHLD}, NOTICE_TIMEOUT)
    if info is None:
        ps.say("parent: no SIGCHLD within 2 s")
        return
    from_child = "yes" if info.si_pid == child.pid else "no"
    code = CODES.get(info.si_code, "?")
    if info.si_code == os.CLD_EXITED:
        ps.say("SIGCHLD: ", code, ", exit status ", info.si_status, ", from the child: ",
               from_child)
    else:
        ps.say("SIGCHLD: ", code, ", ", ps.signal_name(info.si_status), ", from the child: ",
               from_child)


def pause_forever():
    while True:
        signal.pause()


# A handler, so that the blocked SIGCHLD stays pending (POSIX leaves it unspecified for a
# signal whose default action is to ignore it); sigtimedwait() takes it before it runs.
ps.install(signal.SIGCHLD, lambda sig, frame: None)
signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGCHLD})
ps.say("parent: starting a child that exits with status ", EXIT_STATUS)
with ps.Child(lambda: EXIT_STATUS) as first:
    await_notice(first)
    ps.say("parent: first child ", first.wait().describe())
with ps.Child(pause_forever) as second:
    ps.check(ps.wait_for_state(second.pid, "S"), "the second child never paused")
    ps.say("parent: second child is asleep in pause; stopping it with SIGSTOP")
    second.kill(signal.SIGSTOP)
    await_notice(second)
    ps.say("parent: second child ", second.wait(os.WUNTRACED).describe())
    ps.say("parent: continuing it with SIGCONT")
    second.kill(signal.SIGCONT)
    await_notice(second)
    ps.say("parent: second child ", second.wait(os.WCONTINUED).describe())
    ps.say("parent: killing it with SIGTERM")
    second.kill(signal.SIGTERM)
    await_notice(second)
    ps.say("parent: second child ", second.wait().describe())
