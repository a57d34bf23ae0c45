# SIG-02: os.kill(pid, 0) sends nothing but checks the pid: it succeeds while the process is
# alive, still while it is an unreaped zombie (the process exists until waited for), and
# raises OSError with ESRCH once it has been reaped (printed as the C call's -1 with ESRCH).
import os

import procsync as ps


def probe(pid, what):
    try:
        os.kill(pid, 0)
        ps.say("parent: kill(child, 0) ", what, " returned 0")
    except OSError as e:
        ps.say("parent: kill(child, 0) ", what, " returned -1 with ", ps.errno_name(e.errno))


read_end, write_end = os.pipe()
about_to_read = ps.shared_bytes(1)


def child_body():
    # Lives until the parent closes the pipe, then exits 0.
    os.close(write_end)
    about_to_read[0] = 1
    while os.read(read_end, 1):
        pass
    return 0


with ps.Child(child_body) as child:
    os.close(read_end)
    ps.await_(lambda: about_to_read[0] == 1, "child never started")
    ps.check(ps.wait_for_state(child.pid, "S"), "child never blocked")
    ps.say("parent: child is alive, blocked reading a pipe")
    probe(child.pid, "on the live child")
    os.close(write_end)
    ps.check(ps.wait_for_state(child.pid, "Z"), "child never became a zombie")
    ps.say("parent: child has exited and is a zombie, not yet waited for")
    probe(child.pid, "on the zombie")
    ps.say("parent: child ", child.wait().describe())
    probe(child.pid, "after reaping")
