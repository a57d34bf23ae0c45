# LCK-06 (flock): an exclusive fcntl.flock() taken by one process, on its own open of the
# file, excludes the others: a second process's flock(LOCK_EX|LOCK_NB) fails at once, and a
# third one's flock(LOCK_EX) blocks. When the holder is killed with SIGKILL, its descriptor is
# closed, the lock goes with it, and the blocked flock returns at once. Each process opens the
# file itself: a flock lock belongs to the open file description, which a descriptor
# inherited across fork would share.
import fcntl
import os
import signal

import procsync as ps

path = os.path.join(ps.work_dir(), "flock_released_when_holder_dies.lock")
held, about_to_lock = ps.shared_bytes(1), ps.shared_bytes(1)


def open_rw():
    return os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o600)


def holder():
    fd = open_rw()
    ps.say("holder: flock(LOCK_EX) ", ps.outcome(fcntl.flock, fd, fcntl.LOCK_EX))
    held[0] = 1
    while True:
        signal.pause()


def waiter():
    fd = open_rw()
    ps.say("waiter: flock(LOCK_EX)")
    about_to_lock[0] = 1
    ps.say("waiter: flock(LOCK_EX) ", ps.outcome(fcntl.flock, fd, fcntl.LOCK_EX))


os.close(open_rw())
holding = ps.Child(holder)
ps.await_(lambda: held[0] == 1, "holder never locked")

# The parent is a second process: its non-blocking attempt must fail at once.
fd = open_rw()
ps.say("parent: flock(LOCK_EX|LOCK_NB) ",
       ps.outcome(fcntl.flock, fd, fcntl.LOCK_EX | fcntl.LOCK_NB))
os.close(fd)

waiting = ps.Child(waiter)
ps.await_blocked(waiting.pid, lambda: about_to_lock[0] == 1, "waiter never blocked")
ps.say("parent: waiter is blocked in flock")

ps.say("parent: killing the holder with SIGKILL")
holding.kill(signal.SIGKILL)
ps.say("parent: waiter ", waiting.wait().describe())
ps.say("parent: holder ", holding.wait().describe())
os.unlink(path)
