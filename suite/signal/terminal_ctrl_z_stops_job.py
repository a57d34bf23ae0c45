# SIG-08: Ctrl+Z on a terminal sends SIGTSTP to the foreground process group, which stops
# the job; SIGCONT resumes it. A process in an orphaned process group is not stopped.
#
# A shell-like session leader owns a pseudo-terminal made here (os.openpty). It ignores
# SIGTSTP, SIGTTIN and SIGTTOU as job-control shells do, and runs:
# 1. a job in its own process group, put in the foreground (os.tcsetpgrp). The job reads the
#    terminal; Ctrl+Z stops it, the shell sees the stop (WUNTRACED), takes the terminal
#    back, then gives it to the job again and sends SIGCONT ("fg"): the job continues
#    (WCONTINUED), reads the next line and exits.
# 2. a process in the shell's own group, which is orphaned: its only members' parents are
#    the shell (inside the group) and this program (in another session). Ctrl+Z there is
#    discarded, so the process reads the next line and exits without ever stopping.
import os
import signal
import sys

import procsync as ps

# Offsets in shared: flags, then the reader's pid.
JOB_IN_FOREGROUND, READING, JOB_RESUMED, STOP_KEY_TYPED, SHELL_GAVE_UP, READER = range(6)
shared = ps.shared_bytes(5 + 8)
# The shell's guard (scaled) for a stop or continue that comes at once after the key or the
# SIGCONT: below the parent's await_ guard and the trace's %timeout 5.
SHELL_GUARD_SECONDS = 2.0
STOP_SIGNALS = (signal.SIGTSTP, signal.SIGTTIN, signal.SIGTTOU)


def reader_pid():
    return int.from_bytes(shared[READER:READER + 8], "little")


def read_line(tty, who, part):
    # Stop signals at their default action; os.read restarts by itself after a stop and
    # continue (PEP 475 retries it on EINTR).
    for s in STOP_SIGNALS:
        signal.signal(s, signal.SIG_DFL)
    shared[READER:READER + 8] = os.getpid().to_bytes(8, "little")
    shared[READING] = part
    data = os.read(tty, 64)
    if not data:
        ps.fail("read terminal")
    ps.say(who, ": read \"", data.decode().rstrip("\r\n"), "\" from the terminal")
    return 0


def wait_until_reading(part):
    ps.await_(lambda: shared[READING] == part, "reader never started")
    ps.check(ps.wait_for_state(reader_pid(), "S"), "reader never blocked")


def job_body(tty):
    os.setpgid(0, 0)
    ps.await_(lambda: shared[JOB_IN_FOREGROUND] == 1, "job never put in the foreground")
    return read_line(tty, "job", 1)


def give_up(job):
    job.close()  # the Child body ends with os._exit, which skips the atexit reaping
    shared[SHELL_GAVE_UP] = 1
    return 1


def shell(tty):
    ps.take_controlling_terminal(tty)
    for s in STOP_SIGNALS:
        signal.signal(s, signal.SIG_IGN)
    # 1. A job in its own foreground process group.
    job = ps.Child(lambda: job_body(tty))
    job_group = job.pid
    try:
        os.setpgid(job.pid, job_group)  # as shells do: whichever runs first
    except OSError:
        pass
    os.tcsetpgrp(tty, job_group)
    ps.say("shell: job started in its own process group, in the foreground")
    shared[JOB_IN_FOREGROUND] = 1
    # A job that Ctrl+Z does not stop (or SIGCONT does not resume) would block waitpid for
    # good: the bounded waits say what did not happen instead, and the job is ended.
    ps.await_(lambda: shared[STOP_KEY_TYPED] == 1, "the parent to type Ctrl+Z")
    st = job.wait_within(os.WUNTRACED, SHELL_GUARD_SECONDS)
    if not st.valid:
        ps.say("shell: the job was not stopped by Ctrl+Z")
        return give_up(job)
    ps.say("shell: job ", st.describe())
    if st.stopped():
        os.tcsetpgrp(tty, os.getpgrp())
        ps.say("shell: took the terminal back; now fg: terminal to the job, SIGCONT to its group")
        os.tcsetpgrp(tty, job_group)
        os.killpg(job_group, signal.SIGCONT)
        st = job.wait_within(os.WUNTRACED | os.WCONTINUED, SHELL_GUARD_SECONDS)
        if not st.valid:
            ps.say("shell: the stopped job was not continued by SIGCONT")
            return give_up(job)
        ps.say("shell: job ", st.describe())
        shared[JOB_RESUMED] = 1
        st = job.wait(os.WUNTRACED)
        ps.say("shell: job ", st.describe())
    # 2. A process in the shell's own, orphaned, process group.
    os.tcsetpgrp(tty, os.getpgrp())
    orphaned = ps.Child(lambda: read_line(tty, "orphaned-group process", 2))
    st = orphaned.wait(os.WUNTRACED)
    ps.say("shell: orphaned-group process ", st.describe())
    return 0


def session_leader_body():
    os.close(master)
    return shell(slave)


master, slave = os.openpty()
ps.enable_signal_keys(slave)
with ps.Child(session_leader_body) as session_leader:
    os.close(slave)
    wait_until_reading(1)
    ps.say("parent: job is blocked reading the terminal; typing Ctrl+Z")
    os.write(master, b"\x1a")
    shared[STOP_KEY_TYPED] = 1
    ps.await_(lambda: shared[JOB_RESUMED] == 1 or shared[SHELL_GAVE_UP] == 1, "job never resumed")
    if shared[JOB_RESUMED] != 1:
        ps.say("parent: session leader ", session_leader.wait().describe())
        sys.exit(1)
    ps.say("parent: typing \"fg line\"")
    os.write(master, b"fg line\n")
    wait_until_reading(2)
    ps.say("parent: orphaned-group process is blocked reading the terminal; typing Ctrl+Z")
    os.write(master, b"\x1a")
    ps.say("parent: typing \"orphan line\"")
    os.write(master, b"orphan line\n")
    ps.say("parent: session leader ", session_leader.wait().describe())
    os.close(master)
