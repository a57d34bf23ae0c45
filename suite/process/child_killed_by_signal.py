# PRC-02: a child killed by a signal is reported as such: os.waitpid's status has
# os.WIFSIGNALED true (and os.WIFEXITED false), and os.WTERMSIG names the signal. Two cases:
# SIGTERM sent by the parent to a child blocked in signal.pause(), and SIGUSR1 the child
# raises itself with signal.raise_signal().
import os
import signal

import procsync as ps


def report(who, status):
    ps.say("parent: ", who, ": WIFEXITED ", os.WIFEXITED(status.raw), ", WIFSIGNALED ",
           os.WIFSIGNALED(status.raw), ", WTERMSIG ",
           ps.signal_name(os.WTERMSIG(status.raw)) if os.WIFSIGNALED(status.raw) else "-")


def sleeper():
    signal.pause()
    ps.say("child 1: pause returned")


def raiser():
    ps.say("child 2: raising SIGUSR1")
    signal.raise_signal(signal.SIGUSR1)
    ps.say("child 2: still running after SIGUSR1")


child1 = ps.Child(sleeper)
ps.check(ps.wait_for_state(child1.pid, "S"), "child 1 never blocked")
ps.say("parent: child 1 is blocked in pause; sending SIGTERM")
child1.kill(signal.SIGTERM)
report("child 1", child1.wait())

child2 = ps.Child(raiser)
report("child 2", child2.wait())
