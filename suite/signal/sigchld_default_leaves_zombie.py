# SIG-29: with SIGCHLD at its default action, a child that exits stays a zombie (state Z in
# /proc/<pid>/stat) until its parent waits for it; os.waitpid() then reaps it and it is gone.
# A call that raises OSError is printed as the C call's failure ("-1 with ECHILD").
import os

import procsync as ps

LINGER = 0.5  # the zombie must still be there this long after


def state_text(pid):
    state = ps.process_state(pid)
    return "gone" if state == "?" else "in state " + state


with ps.Child(lambda: 0) as child:
    pid = child.pid
    # Wait for the exit to show: a zombie, or gone if the system reaped it.
    ps.wait_for_state(pid, "Z?")
    ps.say("parent: the child exited and is ", state_text(pid))
    ps.sleep_for(LINGER)
    ps.say("parent: 0.5 s later, not yet waited for, the child is ", state_text(pid))
    ps.say("parent: waitpid reaped the child: ", child.wait().describe())
    ps.say("parent: after waitpid the child is ", state_text(pid))
    try:
        r, _ = os.waitpid(pid, 0)
        ps.say("parent: a second waitpid returned ", r)
    except OSError as e:
        ps.say("parent: a second waitpid returned -1 with ", ps.errno_name(e.errno))
