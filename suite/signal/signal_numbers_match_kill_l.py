# SIG-04: each standard signal name maps to the number the platform's `kill -l` reports.
# The signal module's constant of every name is handed to `kill -l N` in /bin/sh, which
# prints the name it knows for that number. Only agreement is printed, never a number.
import os
import signal
import subprocess
import sys

import procsync as ps

# POSIX <signal.h> names (and SIGWINCH), without the SIG prefix as `kill -l` writes them,
# with an older name a shell may print instead.
SIGNALS = [("HUP", None), ("INT", None), ("QUIT", None), ("ILL", None), ("TRAP", None),
           ("ABRT", "IOT"), ("BUS", None), ("FPE", None), ("KILL", None), ("USR1", None),
           ("SEGV", None), ("USR2", None), ("PIPE", None), ("ALRM", None), ("TERM", None),
           ("CHLD", "CLD"), ("CONT", None), ("STOP", None), ("TSTP", None), ("TTIN", None),
           ("TTOU", None), ("URG", None), ("XCPU", None), ("XFSZ", None), ("VTALRM", None),
           ("PROF", None), ("SYS", None), ("WINCH", None)]
# One shell for all numbers: `kill -l N` for each argument, one line each ("?" on error).
SCRIPT = "for n do kill -l \"$n\" 2>/dev/null || echo '?'; done"


def elf_identity(path):
    # The ELF class, byte order and machine of a file, or None when it is not ELF.
    try:
        with open(path, "rb") as f:
            h = f.read(20)
    except OSError:
        return None
    if len(h) < 20 or h[:4] != b"\x7fELF":
        return None
    return h[4:6] + h[18:20]


# `kill -l` must be the platform's own: the interpreter's architecture and the shell's agree.
mine = elf_identity(os.path.realpath(sys.executable))
shell = elf_identity("/bin/sh")
if mine and shell and mine != shell:
    ps.unsupported("/bin/sh is built for another architecture than the interpreter; "
                   "its kill -l would report that architecture's signal numbers")
numbers = [str(int(getattr(signal, "SIG" + name))) for name, _ in SIGNALS]
result = subprocess.run(["/bin/sh", "-c", SCRIPT, "sh"] + numbers, stdout=subprocess.PIPE)
# returncode back to a wait status: -N for a signal N, else the exit code.
ps.say("/bin/sh ", ps.Status(
    (-result.returncode) if result.returncode < 0 else result.returncode << 8, True).describe())
names = [line.rstrip(" \r") for line in result.stdout.decode().split("\n")]
if names and names[-1] == "":
    names.pop()
for i, (name, alias) in enumerate(SIGNALS):
    said = names[i] if i < len(names) else "(nothing)"
    agrees = said == name or (alias is not None and said == alias)
    ps.say("SIG", name, ": kill -l ", "agrees" if agrees else "disagrees")
if len(names) > len(SIGNALS):
    ps.say("kill -l printed extra lines")
