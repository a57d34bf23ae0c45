# SIG-01: os.kill(pid, SIGTERM) delivers SIGTERM to another process, and its default action
# ends that process: the parent's os.waitpid reports it killed by SIGTERM.
import os
import signal

import procsync as ps

about_to_pause = ps.shared_bytes(1)


def target():
    ps.say("target: waiting in pause() with SIGTERM at its default action")
    about_to_pause[0] = 1
    while True:
        signal.pause()


with ps.Child(target) as child:
    # Prove the target is asleep in pause() before sending, instead of sleeping into it.
    ps.await_(lambda: about_to_pause[0] == 1, "target never started")
    ps.check(ps.wait_for_state(child.pid, "S"), "target never blocked")
    ps.say("parent: target is blocked in pause()")
    ps.say("parent: kill(target, SIGTERM) ", ps.outcome(os.kill, child.pid, signal.SIGTERM))
    ps.say("parent: target ", child.wait().describe())
