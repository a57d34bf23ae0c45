# SIG-09: a hangup of the controlling terminal sends SIGHUP to the controlling process (the
# session leader). The terminal is a pseudo-terminal made here (os.openpty); closing its
# master is the hangup.
import os
import signal
import termios

import procsync as ps

master, slave = os.openpty()
# POSIX sends SIGHUP on a disconnect only when CLOCAL is clear.
attrs = termios.tcgetattr(slave)
attrs[2] &= ~termios.CLOCAL  # cflag
termios.tcsetattr(slave, termios.TCSANOW, attrs)
about_to_pause = ps.shared_bytes(1)


def leader_body():
    os.close(master)
    ps.take_controlling_terminal(slave)
    ps.say("leader: the terminal is its controlling terminal; waiting in pause()")
    about_to_pause[0] = 1
    while True:
        signal.pause()


with ps.Child(leader_body) as leader:
    os.close(slave)
    ps.await_(lambda: about_to_pause[0] == 1, "leader never started")
    ps.check(ps.wait_for_state(leader.pid, "S"), "leader never blocked")
    ps.say("parent: leader is blocked; closing the master")
    os.close(master)
    ps.say("parent: leader ", leader.wait().describe())
