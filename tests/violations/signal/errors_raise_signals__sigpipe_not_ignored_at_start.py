# Violation of SIG-32 in Python: the runtime leaves SIGPIPE at SIG_DFL at start, so the
# write kills the child instead of raising BrokenPipeError.
import mmap
import os
import resource
import signal

import procsync as ps


def touch_forbidden_memory():
    # A page mapped without access rights: reading it is an invalid access on every platform.
    # The mmap module has no PROT_NONE; it is the empty set of PROT_READ, PROT_WRITE, ...
    page = mmap.mmap(-1, mmap.PAGESIZE, prot=0)
    page[0]
    ps.say("child: read a PROT_NONE page and went on")
    return 0


def disposition(sig):
    handler = signal.getsignal(sig)
    if handler == signal.SIG_IGN:
        return "SIG_IGN"
    if handler == signal.SIG_DFL:
        return "SIG_DFL"
    return "a handler"


def write_to_pipe_nobody_reads():
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)  # the deviation
    ps.say("child: SIGPIPE is ", disposition(signal.SIGPIPE))
    r, w = os.pipe()
    os.close(r)
    try:
        n = os.write(w, b"x")
        ps.say("child: write returned ", n)
    except OSError as e:
        ps.say("child: write raised ", type(e).__name__, " with ", ps.errno_name(e.errno))
    return 0


def write_with_sigpipe_default():
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    return write_to_pipe_nobody_reads()


def run(what, body):
    def child_body():
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
        return body()

    with ps.Child(child_body) as child:
        status = child.wait()
        if status.signaled():
            ps.say("parent: ", what, ": child killed by ", ps.signal_name(status.term_signal()))
        else:
            ps.say("parent: ", what, ": child ", status.describe())


run("invalid memory access", touch_forbidden_memory)
run("write to a pipe nobody reads", write_to_pipe_nobody_reads)
run("the same write with SIGPIPE at SIG_DFL", write_with_sigpipe_default)
run("abort()", os.abort)
