# Violation of SIG-10/SIG-11 in Python: a runtime whose signal.signal() drops the error of
# sigaction(), so SIGKILL seems to take a handler and SIG_IGN (PyPy 7.3 does this; here it is
# printed as such a runtime would show it, whatever this interpreter does).
import os
import signal

import procsync as ps

ps.say("signal.signal(SIGKILL, handler) returned")
ps.say("signal.signal(SIGKILL, SIG_IGN) returned")
ps.say("SIGKILL's action is changed")
ps.say("catching child: a handler for every other signal, 0 failed")
ps.say("parent: catching child is blocked in pause(); sending SIGKILL")
ps.say("parent: catching child killed by SIGKILL")
ps.say("program: every other signal ignored, 0 failed; sending itself SIGKILL")
os.kill(os.getpid(), signal.SIGKILL)
