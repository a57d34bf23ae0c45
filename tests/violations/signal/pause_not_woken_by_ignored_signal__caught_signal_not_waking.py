# Violation of SIG-20 in Python: the caught SIGUSR1 does not end the pause either (shown by
# keeping it blocked), so the child stays in signal.pause().
import signal
import sys

import procsync as ps

AFTER_IGNORED = 0.5  # how long the child must stay asleep after SIGUSR2
about_to_pause = ps.shared_bytes(1)


def on_usr1(sig, frame):
    ps.say_safe("child: handler caught ", ps.signal_name(sig))


def pauser_body():
    ps.install(signal.SIGUSR1, on_usr1)
    ps.install(signal.SIGUSR2, signal.SIG_IGN)
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGUSR1})  # the deviation
    about_to_pause[0] = 1
    result = signal.pause()
    ps.say("child: signal.pause() returned ", result)
    return 0


with ps.Child(pauser_body) as pauser:
    ps.await_(lambda: about_to_pause[0] == 1, "the child never started")
    ps.check(ps.wait_for_state(pauser.pid, "S"), "the child never went to sleep")
    ps.say("parent: child is asleep in pause")
    ps.say("parent: sending SIGUSR2, which the child ignores")
    pauser.kill(signal.SIGUSR2)
    ps.sleep_for(AFTER_IGNORED)
    ps.say("parent: 0.5 s later the child is in state ", ps.process_state(pauser.pid))
    ps.say("parent: sending SIGUSR1, which the child catches")
    pauser.kill(signal.SIGUSR1)
    # A platform that leaves the child paused would block waitpid for good: say so instead.
    end = pauser.wait_within(0)
    if not end.valid:
        ps.say("parent: the child is still paused after SIGUSR1")
        sys.exit(1)
    ps.say("parent: child ", end.describe())
