# SIG-39 in Python: a caught signal and a blocking os.read() of an empty pipe. Three rounds;
# in each a child, once it has proved this process blocked (/proc state S), sends SIGUSR1.
# With SA_RESTART (signal.siginterrupt(SIGUSR1, False)) the kernel restarts the read, so the
# Python handler cannot run until the read returns: the child sees the parent still blocked
# and the handler not run 0.3 s later, then writes. Without SA_RESTART (signal.signal's own
# setting) the read fails with EINTR in C, the handler runs, and Python retries the read
# (PEP 475): the child waits until the handler has run and this process is blocked again,
# then writes. A handler that raises ends the read: os.read() raises its exception.
import os
import signal

import procsync as ps

READING, HANDLED, FINISHED = 0, 1, 2  # offsets in shared
HOLD = 0.3  # how long the child watches a restarted read before writing
shared = ps.shared_bytes(3)
raise_in_handler = False


class Interrupted(Exception):
    pass


def on_usr1(sig, frame):
    shared[HANDLED] += 1  # only this process writes it
    if raise_in_handler:
        ps.say_safe("handler: caught SIGUSR1; raising")
        raise Interrupted()
    ps.say_safe("handler: caught SIGUSR1")


def child_body(number, restart, child_writes, handled_before, parent, read_end, write_end):
    os.close(read_end)
    ps.await_(lambda: shared[READING] == number, "parent never started reading")
    ps.check(ps.wait_for_state(parent, "S", 5), "parent never blocked")
    ps.say("child: parent is blocked in read; sending SIGUSR1")
    os.kill(parent, signal.SIGUSR1)
    if restart:
        ps.sleep_for(HOLD)
        ps.say("child: 0.3 s later the parent is in state ", ps.process_state(parent),
               ", its handler has run: ", "yes" if shared[HANDLED] != handled_before else "no",
               "; writing \"data\"")
        os.write(write_end, b"data")
    elif child_writes:
        ps.await_(lambda: shared[HANDLED] == handled_before + 1, "the handler never ran")
        ps.check(ps.wait_for_state(parent, "S", 5), "parent never blocked again")
        ps.say("child: handler has run and the parent is blocked again; writing \"data\"")
        os.write(write_end, b"data")
    # The write end stays open until the read has returned: closing it would end the read
    # with end of file, whatever the signal did.
    ps.await_(lambda: shared[FINISHED] == number, "the parent's read never returned")
    return 0


def round_(number, label, restart, child_writes):
    global raise_in_handler
    read_end, write_end = os.pipe()
    ps.install(signal.SIGUSR1, on_usr1)
    if restart:
        signal.siginterrupt(signal.SIGUSR1, False)  # SA_RESTART
    raise_in_handler = not child_writes
    parent = os.getpid()
    handled_before = shared[HANDLED]
    with ps.Child(lambda: child_body(number, restart, child_writes, handled_before, parent, read_end,
                                     write_end)) as child:
        os.close(write_end)
        ps.say(label, ": reading the empty pipe")
        shared[READING] = number
        try:
            data = os.read(read_end, 16)
            ps.say(label, ": read returned \"", data.decode(), "\"")
        except Interrupted:
            ps.say(label, ": read raised the handler's exception")
        except OSError as e:
            ps.say(label, ": read failed: ", ps.errno_name(e.errno))
        shared[FINISHED] = number
        ps.check(child.wait().exited(), "child")
    os.close(read_end)


round_(1, "with SA_RESTART", True, True)
round_(2, "without SA_RESTART", False, True)
round_(3, "with a handler that raises", False, False)
