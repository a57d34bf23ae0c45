# SIG-36 in Python: a blocked signal can be accepted synchronously, without a handler.
# SIGUSR1, SIGUSR2 and SIGRTMIN are blocked and have no handler (their default action would
# end the process). First signal.sigtimedwait() waits 1 s with nothing sent and returns None
# at its timeout, never before; with a zero timeout it returns None at once. Then a child,
# once it has proved this process blocked (/proc state S), sends each signal in turn:
# sigwait() takes SIGUSR1, sigwaitinfo() takes SIGRTMIN with the sender's pid, and a 5 s
# sigtimedwait() returns SIGUSR2 as soon as it is sent. Python has no sigqueue(), so no value
# travels with the real-time signal.
import os
import signal

import procsync as ps

for name in ("sigtimedwait", "sigwaitinfo", "sigwait"):
    if not hasattr(signal, name):
        ps.unsupported("the signal module has no " + name + "()")

waiting = ps.shared_bytes(1)  # which step this process is about to wait in


def sender(step, call, sig):
    parent = os.getpid()

    def body():
        ps.await_(lambda: waiting[0] == step, "parent never reached its wait")
        ps.check(ps.wait_for_state(parent, "S"), "parent never blocked")
        ps.say("child: parent is blocked in ", call, "; sending ", ps.signal_name(sig))
        os.kill(parent, sig)
        return 0

    return ps.Child(body)


def from_child(info, child):
    return "yes" if info.si_pid == child.pid and info.si_uid == os.getuid() else "no"


usr1, usr2, rt = signal.SIGUSR1, signal.SIGUSR2, signal.SIGRTMIN
signal.pthread_sigmask(signal.SIG_BLOCK, {usr1, usr2, rt})
ps.say("SIGUSR1, SIGUSR2 and SIGRTMIN+0 blocked, no handlers; sigtimedwait for 1 s, nothing sent")
ps.say("sigtimedwait(1 s) returned ", signal.sigtimedwait({usr1}, 1.0))
ps.say("sigtimedwait(0 s) returned ", signal.sigtimedwait({usr1}, 0))
with sender(1, "sigwait", usr1) as child:
    waiting[0] = 1
    ps.say("sigwait returned ", ps.signal_name(signal.sigwait({usr1})))
    ps.check(child.wait().exited(), "child")
with sender(2, "sigwaitinfo", rt) as child:
    waiting[0] = 2
    info = signal.sigwaitinfo({rt})
    ps.say("sigwaitinfo returned ", ps.signal_name(info.si_signo), ", from the child: ",
           from_child(info, child))
    ps.check(child.wait().exited(), "child")
with sender(3, "sigtimedwait(5 s)", usr2) as child:
    waiting[0] = 3
    info = signal.sigtimedwait({usr2}, 5.0)
    if info is None:
        ps.say("sigtimedwait(5 s) returned None")
    else:
        ps.say("sigtimedwait(5 s) returned ", ps.signal_name(info.si_signo), ", from the child: ",
               from_child(info, child))
    ps.check(child.wait().exited(), "child")
left = sum(1 for sig in (usr1, usr2, rt) if sig in signal.sigpending())
ps.say("signals still pending: ", left)
