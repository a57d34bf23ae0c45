# SIG-38: job control on a terminal. A shell-like session leader owns a pseudo-terminal made
# here (os.openpty; ECHO off, so the terminal shows only what jobs write) and ignores
# SIGTSTP, SIGTTIN and SIGTTOU as job-control shells do. Each job runs in a process group of
# its own with the stop signals at their default action:
# 1. a background job reads the terminal: SIGTTIN stops it (WUNTRACED); the shell brings it
#    to the foreground (os.tcsetpgrp, SIGCONT) and the read goes on and returns the line.
# 2. a background job writes to the terminal while TOSTOP is clear: the write goes through.
# 3. with TOSTOP set, a background job that writes gets SIGTTOU and stops; brought to the
#    foreground, its write completes.
# 4. a foreground job writes and reads with TOSTOP set: it never stops.
# At the end the program prints what the terminal showed.
import os
import select
import signal
import termios

import procsync as ps

STOP_SIGNALS = (signal.SIGTSTP, signal.SIGTTIN, signal.SIGTTOU)
# Shared between the processes: the reader's pid, which reader is about to block, and
# flags. The TOSTOP writer holds its exit until the shell has reported its continue:
# waitpid reports a continue only while the child lives, and a zombie's exit status instead.
READER, READING, READER_RESUMED, FOREGROUND_MAY_START = 0, 8, 9, 10
WRITER_STOP_SEEN, WRITER_CONTINUE_SEEN = 11, 12
shared = ps.shared_bytes(13)


def reader_pid():
    return int.from_bytes(shared[READER:READER + 8], "little")


def read_line(tty, who, reader):
    shared[READER:READER + 8] = os.getpid().to_bytes(8, "little")
    shared[READING] = reader
    try:
        data = os.read(tty, 64)  # restarts by itself after a stop and continue
    except OSError as e:
        ps.say(who, ": read failed: ", ps.errno_name(e.errno))
        return 1
    ps.say(who, ": read \"", data.decode().rstrip("\r\n"), "\" from the terminal")
    return 0


def write_line(tty, who, text, hold=False):
    # With hold, a write the shell saw stopped waits, once through, until the shell has
    # reported the continue, so that the job is still alive for that wait.
    try:
        os.write(tty, (text + "\n").encode())
    except OSError as e:
        ps.say(who, ": write failed: ", ps.errno_name(e.errno))
        return 1
    if hold and shared[WRITER_STOP_SEEN] == 1:
        ps.await_(lambda: shared[WRITER_CONTINUE_SEEN] == 1,
                  "the shell has reported the continue")
    ps.say(who, ": wrote \"", text, "\" to the terminal")
    return 0


def start_job(body):
    # A child that is the only member of a new process group.
    def job():
        os.setpgid(0, 0)
        for s in STOP_SIGNALS:
            signal.signal(s, signal.SIG_DFL)
        return body()

    child = ps.Child(job)
    try:
        os.setpgid(child.pid, child.pid)  # as shells do: whichever runs first
    except OSError:
        pass
    return child


def report_kept_stopped(job, what):
    # A job reported stopped is still stopped a moment later (the kernel's job-control stop,
    # 'T'), not run on by a platform that only tells the shell of the stop.
    ps.say("shell: the ", what, " stays stopped (state T): ",
           "yes" if ps.stays_in_state(job.pid, "T", 0.02) else "no")


def bring_to_foreground(tty, job, what):
    # "fg": the terminal to the stopped job's group, SIGCONT to it; reports the continue.
    os.tcsetpgrp(tty, job.pid)
    os.killpg(job.pid, signal.SIGCONT)
    ps.say("shell: fg: terminal to the ", what, ", SIGCONT to its group; it ",
           job.wait(os.WUNTRACED | os.WCONTINUED).describe())


def shell(tty):
    ps.take_controlling_terminal(tty)
    for s in STOP_SIGNALS:
        signal.signal(s, signal.SIG_IGN)
    own_group = os.getpgrp()

    # 1. A background job that reads.
    reader = start_job(lambda: read_line(tty, "background reader", 1))
    st = reader.wait(os.WUNTRACED)
    ps.say("shell: background reader ", st.describe())
    if st.stopped():
        report_kept_stopped(reader, "reader")
        bring_to_foreground(tty, reader, "reader")
        shared[READER_RESUMED] = 1
        ps.say("shell: reader ", reader.wait(os.WUNTRACED).describe())
    os.tcsetpgrp(tty, own_group)

    # 2. A background job that writes, TOSTOP clear.
    writer = start_job(lambda: write_line(tty, "background writer", "written without TOSTOP"))
    ps.say("shell: background writer, TOSTOP clear: ", writer.wait(os.WUNTRACED).describe())

    # 3. The same with TOSTOP set.
    attrs = termios.tcgetattr(tty)
    attrs[3] |= termios.TOSTOP
    termios.tcsetattr(tty, termios.TCSANOW, attrs)
    tostop_writer = start_job(
        lambda: write_line(tty, "background writer", "written with TOSTOP", hold=True))
    st = tostop_writer.wait(os.WUNTRACED)
    ps.say("shell: background writer, TOSTOP set: ", st.describe())
    if st.stopped():
        report_kept_stopped(tostop_writer, "writer")
        shared[WRITER_STOP_SEEN] = 1  # before the SIGCONT: the writer reads it once resumed
        bring_to_foreground(tty, tostop_writer, "writer")
        shared[WRITER_CONTINUE_SEEN] = 1
        ps.say("shell: writer ", tostop_writer.wait(os.WUNTRACED).describe())
    os.tcsetpgrp(tty, own_group)

    # 4. A foreground job that writes and reads, TOSTOP still set.
    def foreground_body():
        ps.await_(lambda: shared[FOREGROUND_MAY_START] == 1,
                  "the shell gives the terminal to the job", 5)
        if write_line(tty, "foreground job", "written in the foreground") != 0:
            return 1
        return read_line(tty, "foreground job", 2)

    foreground = start_job(foreground_body)
    os.tcsetpgrp(tty, foreground.pid)
    shared[FOREGROUND_MAY_START] = 1
    ps.say("shell: foreground job ", foreground.wait(os.WUNTRACED).describe())
    os.tcsetpgrp(tty, own_group)
    return 0


def wait_until_reading(reader):
    ps.await_(lambda: shared[READING] == reader, "reader %d never started" % reader, 5)
    ps.check(ps.wait_for_state(reader_pid(), "S", 5), "reader never blocked")


def print_terminal_output(master):
    # Everything the jobs wrote, line by line, once every slave descriptor is closed.
    data = b""
    while True:
        ready, _, _ = select.select([master], [], [], 2.0)  # nothing more within 2 s
        if not ready:
            break
        try:
            chunk = os.read(master, 256)
        except OSError:  # EIO once the slave side is closed and drained
            break
        if not chunk:
            break
        data += chunk
    lines = data.decode().split("\n")
    if lines[-1] == "":
        lines.pop()  # the end of the last line
    for line in lines:
        ps.say("parent: the terminal showed \"", line.rstrip("\r"), "\"")


def session_leader_body():
    os.close(master)
    return shell(slave)


master, slave = os.openpty()
ps.enable_signal_keys(slave)
attrs = termios.tcgetattr(slave)
attrs[3] &= ~(termios.ECHO | termios.TOSTOP)
attrs[3] |= termios.ICANON
termios.tcsetattr(slave, termios.TCSANOW, attrs)
with ps.Child(session_leader_body) as session_leader:
    os.close(slave)
    ps.await_(lambda: shared[READER_RESUMED] == 1,
              "the background reader is brought to the foreground", 5)
    wait_until_reading(1)
    ps.say("parent: reader is blocked reading the terminal in the foreground; typing \"fg line\"")
    os.write(master, b"fg line\n")
    wait_until_reading(2)
    ps.say("parent: foreground job is blocked reading; typing \"foreground line\"")
    os.write(master, b"foreground line\n")
    ps.say("parent: session leader ", session_leader.wait().describe())
    print_terminal_output(master)
    os.close(master)
