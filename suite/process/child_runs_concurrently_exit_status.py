# PRC-01: a child made by os.fork() runs concurrently with its parent, and the parent collects
# the child's exit status. The parent goes on working while it has proved the child asleep;
# its os.waitpid() returns when the child exits, 0.5 s later, with WIFEXITED and WEXITSTATUS 7.
import os

import procsync as ps

CHILD_WORK = 0.5  # how long the child runs
CHILD_STATUS = 7

parent = os.getpid()
started = ps.shared_bytes(1)


def child_body():
    ps.say("child: started; its parent is the forking process: ",
           "yes" if os.getppid() == parent else "no")
    started[0] = 1
    ps.sleep_for(CHILD_WORK)
    ps.say("child: exiting with status ", CHILD_STATUS)
    return CHILD_STATUS


child = ps.Child(child_body)
ps.await_blocked(child.pid, lambda: started[0] == 1, "child never slept")
ps.say("parent: running while the child sleeps")
status = child.wait()  # os.waitpid(pid, 0)
ps.say("parent: WIFEXITED ", os.WIFEXITED(status.raw), ", WEXITSTATUS ",
       os.WEXITSTATUS(status.raw))
