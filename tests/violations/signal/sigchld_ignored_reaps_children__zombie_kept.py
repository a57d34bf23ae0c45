# Violation of SIG-28 in Python: SIG_IGN for SIGCHLD does not reap, so the exited child
# stays a zombie and wait() returns it.
import os
import signal

import procsync as ps

CHILD_LIFE = 0.5  # the child exits on its own after this long


def outcome(call, *args):
    try:
        pid, status = call(*args)
    except OSError as e:
        return "-1 with " + ps.errno_name(e.errno)
    return "the child, " + ps.Status(status, True).describe()


def run_child(name):
    # A plain fork, not ps.Child: the system, not this program, reaps the child, and its pid
    # must not be signalled once it is gone.
    pid = os.fork()
    if pid == 0:
        ps.sleep_for(CHILD_LIFE)
        os._exit(0)
    ps.say("parent: ", name, " will exit after 0.5 s; calling wait()")
    ps.say("parent: wait() returned ", outcome(os.wait))
    # 'X' (being released) may show for a moment; wait for it to be gone or a zombie.
    ps.wait_for_state(pid, "?Z", 2.0)
    state = ps.process_state(pid)
    if state == "?":
        ps.say("parent: ", name, " is gone: no zombie")
    else:
        ps.say("parent: ", name, " is in state ", state)
    ps.say("parent: waitpid(", name, ") returned ", outcome(os.waitpid, pid, 0))


ps.install(signal.SIGCHLD, signal.SIG_DFL)  # the deviation
ps.say("SIGCHLD set to SIG_IGN")
run_child("child 1")
