# LCK-06 (fcntl record locks and open file description locks): a write lock on a whole file,
# taken by one process, excludes the others: a second process's non-blocking attempt fails at
# once, and a third one's blocking attempt blocks. When the holder is killed with SIGKILL its
# locks go with it and the blocked attempt returns at once.
#   fcntl  fcntl.lockf(fd, LOCK_EX | LOCK_NB) and fcntl.lockf(fd, LOCK_EX), which are F_SETLK
#          and F_SETLKW on a whole-file write lock ("a wrapper around the fcntl() locking
#          calls", docs.python.org/3/library/fcntl.html#fcntl.lockf)
#   ofd    fcntl.fcntl(fd, F_OFD_SETLK / F_OFD_SETLKW, struct flock) (the constants are in
#          the fcntl module since Python 3.9), each process on its own open
# Then what tells the two kinds apart: a record lock belongs to the process (two open()s in
# one process never conflict, a forked child does not inherit it, closing any descriptor of
# the file releases it); an OFD lock belongs to the open file description (two open()s in one
# process conflict, a child's copy of an inherited descriptor shares it and keeps it after the
# parent closes its copy, closing another descriptor releases nothing).
import errno
import fcntl
import os
import signal
import struct
import sys

import procsync as ps

flavour = sys.argv[1] if len(sys.argv) > 1 else ""
if flavour not in ("fcntl", "ofd"):
    ps.say("usage: record_lock_released_when_holder_dies fcntl|ofd")
    sys.exit(2)
prefix = "F_OFD_" if flavour == "ofd" else "F_"
set_name, setw_name = prefix + "SETLK", prefix + "SETLKW"

path = os.path.join(ps.work_dir(), "record_lock_released_when_holder_dies.lock")
held, about_to_lock, child_tried = ps.shared_bytes(1), ps.shared_bytes(1), ps.shared_bytes(1)


def whole_file_write_lock():
    # struct flock: l_type, l_whence, l_start, l_len (0: to the end), l_pid (0, which OFD
    # locks require), in the C layout (off_t is 64 bits: Python is built with large files).
    return struct.pack("@hhqqi", fcntl.F_WRLCK, os.SEEK_SET, 0, 0, 0)


def lock(fd, wait):
    if flavour == "fcntl":
        fcntl.lockf(fd, fcntl.LOCK_EX if wait else fcntl.LOCK_EX | fcntl.LOCK_NB)
    else:
        fcntl.fcntl(fd, fcntl.F_OFD_SETLKW if wait else fcntl.F_OFD_SETLK,
                    whole_file_write_lock())


def open_rw():
    return os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o600)


def holder():
    fd = open_rw()
    ps.say("holder: ", setw_name, " ", ps.outcome(lock, fd, True))
    held[0] = 1
    while True:
        signal.pause()


def another_process_attempt():
    """What another process, on its own open of the file, gets for a non-blocking attempt."""
    answer = ps.shared_bytes(64)

    def attempt():
        text = ps.outcome(lock, open_rw(), False).encode()
        answer[:len(text)] = text

    ps.check(ps.Child(attempt).wait().exited(), "the other process did not exit")
    return bytes(answer).rstrip(b"\0").decode()


def waiter():
    fd = open_rw()
    ps.say("waiter: ", setw_name)
    about_to_lock[0] = 1
    ps.say("waiter: ", setw_name, " ", ps.outcome(lock, fd, True))


os.close(open_rw())
if flavour == "ofd":
    if not hasattr(fcntl, "F_OFD_SETLK"):
        os.unlink(path)
        ps.unsupported("the fcntl module has no F_OFD_SETLK (Python 3.9 or later on Linux)")
    # A kernel older than Linux 3.15 may know the constant but not the command. EINVAL is
    # taken for absence only when it is the answer to every OFD command while the same
    # request as a record lock is accepted: a platform that knows some OFD commands and
    # refuses others is broken, not lacking them, and must fail.
    fd = open_rw()
    try:
        fcntl.fcntl(fd, fcntl.F_OFD_GETLK, whole_file_write_lock())
    except OSError as e:
        if e.errno == errno.EINVAL:
            unlock = struct.pack("@hhqqi", fcntl.F_UNLCK, os.SEEK_SET, 0, 0, 0)
            setlk = ps.outcome(fcntl.fcntl, fd, fcntl.F_OFD_SETLK, unlock)
            try:
                fcntl.fcntl(fd, fcntl.F_GETLK, whole_file_write_lock())
            except OSError as g:
                ps.fail("F_GETLK with the request F_OFD_GETLK refused", g)
            if setlk != "failed: EINVAL":
                ps.say("F_OFD_GETLK failed: EINVAL, but F_OFD_SETLK ", setlk)
                os.unlink(path)
                sys.exit(1)
            os.unlink(path)
            ps.unsupported("the kernel refuses F_OFD_GETLK and F_OFD_SETLK with EINVAL: "
                           "no OFD locks")
    os.close(fd)

holding = ps.Child(holder)
ps.await_(lambda: held[0] == 1, "holder never locked")

# The parent is a second process: its non-blocking attempt must fail at once.
fd = open_rw()
ps.say("parent: ", set_name, " ", ps.outcome(lock, fd, False))
os.close(fd)

waiting = ps.Child(waiter)
ps.await_blocked(waiting.pid, lambda: about_to_lock[0] == 1, "waiter never blocked")
ps.say("parent: waiter is blocked in ", setw_name)

ps.say("parent: killing the holder with SIGKILL")
holding.kill(signal.SIGKILL)
ps.say("parent: waiter ", waiting.wait().describe())
ps.say("parent: holder ", holding.wait().describe())

# One process, two open()s.
first, second = open_rw(), open_rw()
ps.say("same process: first open ", set_name, " ", ps.outcome(lock, first, False))
ps.say("same process: second open ", set_name, " ", ps.outcome(lock, second, False))
os.close(second)
os.close(first)

# A descriptor inherited across fork.
shared = open_rw()
ps.say("inherited: parent ", set_name, " ", ps.outcome(lock, shared, False))


def inheriting_child():
    ps.say("inherited: child ", set_name, " on the inherited descriptor ",
           ps.outcome(lock, shared, False))
    child_tried[0] = 1
    while True:
        signal.pause()


child = ps.Child(inheriting_child)
ps.await_(lambda: child_tried[0] == 1, "the child's attempt")
os.close(shared)
ps.say("inherited: parent closed its descriptor, another process's ", set_name, " ",
       another_process_attempt())
child.kill(signal.SIGKILL)
child_end = child.wait().describe()  # before the next attempt
ps.say("inherited: child ", child_end, ", another process's ", set_name, " ",
       another_process_attempt())

# Closing another descriptor of the file.
locked = open_rw()
ps.say("other descriptor: ", set_name, " ", ps.outcome(lock, locked, False))
os.close(open_rw())
ps.say("other descriptor: opened and closed, another process's ", set_name, " ",
       another_process_attempt())
os.close(locked)
os.unlink(path)
