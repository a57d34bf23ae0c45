# Violation of SIG-11 in Python: a process that ignores every other signal survives the
# SIGKILL it sends itself (shown by not sending it).
import os
import signal

import procsync as ps


def on_signal(sig, frame):
    ps.say_safe("caught ", ps.signal_name(sig))


def try_signal(handler, what):
    try:
        signal.signal(signal.SIGKILL, handler)
        ps.say("signal.signal(SIGKILL, ", what, ") returned")
    except OSError as e:
        ps.say("signal.signal(SIGKILL, ", what, ") raised ", type(e).__name__, ": ",
               ps.errno_name(e.errno))
    except Exception as e:  # a runtime that refuses in its own way shows which way
        ps.say("signal.signal(SIGKILL, ", what, ") raised ", type(e).__name__)


def catcher_body():
    failed = ps.act_on_every_other_signal(on_signal)
    ps.say("catching child: a handler for every other signal, ", failed, " failed")
    about_to_pause[0] = 1
    while True:
        signal.pause()


try_signal(on_signal, "handler")  # SIG-10: no handler
try_signal(signal.SIG_IGN, "SIG_IGN")  # SIG-11: no SIG_IGN
# getsignal() gives None for a signal whose handler Python did not install (the docs): the
# default too.
ps.say("SIGKILL's action is ", "still SIG_DFL"
       if signal.getsignal(signal.SIGKILL) in (signal.SIG_DFL, None) else "changed")
about_to_pause = ps.shared_bytes(1)
with ps.Child(catcher_body) as catcher:
    ps.await_(lambda: about_to_pause[0] == 1, "catching child never started")
    ps.check(ps.wait_for_state(catcher.pid, "S"), "catching child never blocked")
    ps.say("parent: catching child is blocked in pause(); sending SIGKILL")
    catcher.kill(signal.SIGKILL)
    ps.say("parent: catching child ", catcher.wait().describe())
failed = ps.act_on_every_other_signal(signal.SIG_IGN)
ps.say("program: every other signal ignored, ", failed, " failed; sending itself SIGKILL")
os.kill(os.getpid(), 0)  # the deviation: SIGKILL has no effect, as if it were the null signal
ps.say("program: still running after SIGKILL")
