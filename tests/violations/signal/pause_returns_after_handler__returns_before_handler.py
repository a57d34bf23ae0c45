# Violation of SIG-19 in Python: pause() returns as soon as the signal arrives, and the
# handler runs only afterwards.
import signal

import procsync as ps

HOLD_SECONDS = 1.0  # how long the parent leaves the child paused
about_to_pause = ps.shared_bytes(1)
handled = False


def on_usr1(sig, frame):
    global handled
    handled = True
    ps.say_safe("child: handler caught ", ps.signal_name(sig))


def pauser_body():
    ps.install(signal.SIGUSR1, on_usr1)
    about_to_pause[0] = 1
    # The deviation: the signal is taken while blocked, pause() "returns", the handler runs
    # later.
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGUSR1})
    signal.sigwait({signal.SIGUSR1})
    result = None
    ps.say("child: signal.pause() returned ", result, ", after the handler: ",
           "yes" if handled else "no")
    on_usr1(signal.SIGUSR1, None)
    return 0


with ps.Child(pauser_body) as pauser:
    ps.await_(lambda: about_to_pause[0] == 1, "the child never started")
    ps.check(ps.wait_for_state(pauser.pid, "S"), "the child never went to sleep")
    ps.say("parent: child is asleep in pause")
    ps.sleep_for(HOLD_SECONDS)
    ps.say("parent: sending SIGUSR1")
    pauser.kill(signal.SIGUSR1)
    ps.say("parent: child ", pauser.wait().describe())
