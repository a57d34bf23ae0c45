# LCK-06 (flock): an exclusive fcntl.flock() taken by one process, on its own open of the
# file, excludes the others: a second process's flock(LOCK_EX|LOCK_NB) fails at once, and a
# third one's flock(LOCK_EX) blocks. When the holder is killed with SIGKILL, its descriptor is
# closed, the lock goes with it, and the blocked flock returns at once. Each process opens the
# file itself: a flock lock belongs to the open file description, which a descriptor
# inherited across fork would share.
# Then what tells a flock lock from the fcntl record locks a network file system client
# emulates it with: two open()s in one process conflict; a child's copy of an inherited
# descriptor shares the lock (and keeps it after the parent closes its copy); closing another
# descriptor of the file releases nothing.
import fcntl
import os
import signal

import procsync as ps

path = os.path.join(ps.work_dir(), "flock_released_when_holder_dies.lock")
held, about_to_lock, child_tried = ps.shared_bytes(1), ps.shared_bytes(1), ps.shared_bytes(1)
NB = fcntl.LOCK_EX | fcntl.LOCK_NB


def open_rw():
    return os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o600)


def holder():
    fd = open_rw()
    ps.say("holder: flock(LOCK_EX) ", ps.outcome(fcntl.flock, fd, fcntl.LOCK_EX))
    held[0] = 1
    while True:
        signal.pause()


def another_process_attempt():
    """What another process, on its own open of the file, gets for a non-blocking attempt."""
    answer = ps.shared_bytes(64)

    def attempt():
        text = ps.outcome(fcntl.flock, open_rw(), NB).encode()
        answer[:len(text)] = text

    ps.check(ps.Child(attempt).wait().exited(), "the other process did not exit")
    return bytes(answer).rstrip(b"\0").decode()


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

# One process, two open()s: two open file descriptions, so the second lock conflicts.
first, second = open_rw(), open_rw()
ps.say("same process: first open flock(LOCK_EX) ", ps.outcome(fcntl.flock, first, fcntl.LOCK_EX))
ps.say("same process: second open flock(LOCK_EX|LOCK_NB) ", ps.outcome(fcntl.flock, second, NB))
os.close(second)
os.close(first)

# A descriptor inherited across fork shares the open file description and its lock.
shared = open_rw()
ps.say("inherited: parent flock(LOCK_EX) ", ps.outcome(fcntl.flock, shared, fcntl.LOCK_EX))


def inheriting_child():
    ps.say("inherited: child flock(LOCK_EX|LOCK_NB) on the inherited descriptor ",
           ps.outcome(fcntl.flock, shared, NB))
    child_tried[0] = 1
    while True:
        signal.pause()


child = ps.Child(inheriting_child)
ps.await_(lambda: child_tried[0] == 1, "the child's attempt")
os.close(shared)
ps.say("inherited: parent closed its descriptor, another process's flock(LOCK_EX|LOCK_NB) ",
       another_process_attempt())
child.kill(signal.SIGKILL)
child_end = child.wait().describe()  # before the next attempt
ps.say("inherited: child ", child_end, ", another process's flock(LOCK_EX|LOCK_NB) ",
       another_process_attempt())

# Closing another descriptor of the file leaves the lock of this one alone.
locked = open_rw()
ps.say("other descriptor: flock(LOCK_EX) ", ps.outcome(fcntl.flock, locked, fcntl.LOCK_EX))
os.close(open_rw())
ps.say("other descriptor: opened and closed, another process's flock(LOCK_EX|LOCK_NB) ",
       another_process_attempt())
os.close(locked)
os.unlink(path)
