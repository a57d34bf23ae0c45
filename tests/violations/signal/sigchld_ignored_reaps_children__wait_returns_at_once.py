# Violation of SIG-28 in Python: with SIGCHLD ignored, wait() fails with ECHILD at once
# instead of blocking until the child has terminated.
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
    ps.say("parent: wait() returned -1 with ECHILD")  # the deviation: no waiting
    # 'X' (being released) may show for a moment; wait for it to be gone or a zombie.
    ps.wait_for_state(pid, "?Z", 2.0)
    state = ps.process_state(pid)
    if state == "?":
        ps.say("parent: ", name, " is gone: no zombie")
    else:
        ps.say("parent: ", name, " is in state ", state)
    ps.say("parent: waitpid(", name, ") returned ", outcome(os.waitpid, pid, 0))


ps.install(signal.SIGCHLD, signal.SIG_IGN)
ps.say("SIGCHLD set to SIG_IGN")
run_child("child 1")
