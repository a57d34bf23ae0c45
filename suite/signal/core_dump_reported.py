# SIG-42 in Python: a signal whose default action is "terminate with core" is reported as a
# core dump when the core size limit allows one, and not when the limit is 0. Each
# experiment runs in a child that works in a fresh directory under the per-run work
# directory, so its core lands there; only that child raises RLIMIT_CORE (to 64 MiB, or its
# hard limit if lower). The parent reads the end with os.waitid(WNOWAIT) (si_code
# CLD_DUMPED or CLD_KILLED) and then os.waitpid (WCOREDUMP), counts the files the child left
# in its directory and removes them. UNSUPPORTED where core_pattern hands cores to a program
# or names a directory, or where the os module lacks waitid().
import mmap
import os
import resource
import signal

import procsync as ps

ENOUGH = 64 * 1024 * 1024  # enough for any core of the interpreter; the hard limit if lower


def read_core_pattern():
    try:
        with open("/proc/sys/kernel/core_pattern") as f:
            return f.read().rstrip("\n ")
    except OSError:
        return ""


def touch_forbidden_memory():
    mmap.mmap(-1, mmap.PAGESIZE, prot=0)[0]  # the mmap module has no PROT_NONE: prot 0


def si_code_name(code):
    names = {os.CLD_EXITED: "CLD_EXITED", os.CLD_KILLED: "CLD_KILLED",
             os.CLD_DUMPED: "CLD_DUMPED", os.CLD_TRAPPED: "CLD_TRAPPED",
             os.CLD_STOPPED: "CLD_STOPPED", os.CLD_CONTINUED: "CLD_CONTINUED"}
    return names.get(code, "?")


def run(directory, what, core_allowed, die):
    def body():
        soft, hard = resource.getrlimit(resource.RLIMIT_CORE)
        limit = (min(hard, ENOUGH) if hard != resource.RLIM_INFINITY else ENOUGH) \
            if core_allowed else 0
        resource.setrlimit(resource.RLIMIT_CORE, (limit, hard))
        # An interpreter's memory makes a core of tens of megabytes, slow to write: keep its
        # mappings out of it (core(5), /proc/<pid>/coredump_filter). The core is still
        # written, with its headers and notes; where the file is missing, nothing changes.
        try:
            with open("/proc/self/coredump_filter", "w") as f:
                f.write("0")
        except OSError:
            pass
        os.chdir(directory)
        die()
        ps.say("child: still alive after ", what)
        return 0

    with ps.Child(body) as child:
        info = os.waitid(os.P_PID, child.pid, os.WEXITED | os.WNOWAIT)
        status = child.wait()
        left = os.listdir(directory)
        for name in left:
            os.unlink(os.path.join(directory, name))
        ps.say(what, ", RLIMIT_CORE ", "raised" if core_allowed else "0", ": child ",
               status.describe(), "; waitid: ", si_code_name(info.si_code),
               "; a core file in its directory: ", "yes" if left else "no")


if not hasattr(os, "waitid") or not hasattr(os, "CLD_DUMPED"):
    ps.unsupported("the os module has no waitid() or CLD_DUMPED")
pattern = read_core_pattern()
if pattern.startswith("|"):
    ps.unsupported("core_pattern hands cores to a program (" + pattern +
                   "), so no core lands in the program's directory")
if "/" in pattern:
    ps.unsupported("core_pattern writes cores into another directory (" + pattern + ")")
if resource.getrlimit(resource.RLIMIT_CORE)[1] == 0:
    ps.unsupported("the hard RLIMIT_CORE is 0: no core can be allowed")
dumps = os.path.join(ps.work_dir(), "dumps")
os.mkdir(dumps, 0o700)
run(dumps, "abort()", True, os.abort)
run(dumps, "raise(SIGQUIT)", True, lambda: signal.raise_signal(signal.SIGQUIT))
run(dumps, "invalid memory access", True, touch_forbidden_memory)
run(dumps, "raise(SIGTERM)", True, lambda: signal.raise_signal(signal.SIGTERM))
run(dumps, "raise(SIGQUIT)", False, lambda: signal.raise_signal(signal.SIGQUIT))
os.rmdir(dumps)
