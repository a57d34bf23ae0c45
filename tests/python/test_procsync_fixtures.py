# Unit tests of fixtures/procsync.py: the words it prints are those of the C++ fixtures
# (procsync.cpp), and its start mark is the protocol's.
import errno
import os
import signal
import subprocess
import sys
import unittest

import procsync as ps


class Names(unittest.TestCase):
    def test_signal_names(self):
        self.assertEqual(ps.signal_name(signal.SIGALRM), "SIGALRM")
        self.assertEqual(ps.signal_name(signal.SIGCHLD), "SIGCHLD")  # not SIGCLD
        self.assertEqual(ps.signal_name(signal.SIGABRT), "SIGABRT")  # not SIGIOT
        self.assertEqual(ps.signal_name(signal.SIGRTMIN + 3), "SIGRTMIN+3")
        self.assertEqual(ps.signal_name(0), "SIG?")

    def test_errno_names(self):
        self.assertEqual(ps.errno_name(errno.EINVAL), "EINVAL")
        self.assertEqual(ps.errno_name(errno.EAGAIN), "EAGAIN")  # not EWOULDBLOCK
        self.assertEqual(ps.errno_name(0), "E?")


class Describe(unittest.TestCase):
    def test_texts(self):
        self.assertEqual(ps.Status(7 << 8, True).describe(), "exited 7")
        self.assertEqual(ps.Status(signal.SIGTERM, True).describe(), "killed by SIGTERM")
        self.assertEqual(ps.Status(signal.SIGABRT | 0x80, True).describe(),
                         "killed by SIGABRT (core dumped)")
        self.assertEqual(ps.Status((signal.SIGSTOP << 8) | 0x7f, True).describe(),
                         "stopped by SIGSTOP")
        self.assertEqual(ps.Status(0xffff, True).describe(), "continued")
        self.assertEqual(ps.Status().describe(), "no status")

    def test_child(self):
        with ps.Child(lambda: 3) as child:
            self.assertEqual(child.wait().describe(), "exited 3")


class Output(unittest.TestCase):
    def run_program(self, code, env=None):
        return subprocess.run([sys.executable, "-c", code], capture_output=True,
                              env=dict(os.environ, **(env or {})))

    def test_say_formats_like_cpp(self):
        r = self.run_program("import procsync as ps; ps.say('a', 1, ' ', 0.5, ' ', True)")
        self.assertEqual(r.stdout, b"a1 0.500 true\n")

    def test_unsupported(self):
        r = self.run_program("import procsync as ps; ps.unsupported('no such thing')")
        self.assertEqual(r.returncode, ps.protocol.kUnsupportedExit)
        self.assertEqual(r.stderr, b"UNSUPPORTED: no such thing\n")

    def test_fail(self):
        r = self.run_program("import errno, procsync as ps; ps.fail('open x', errno.ENOENT)")
        self.assertEqual((r.returncode, r.stdout), (1, b"error: open x: ENOENT\n"))

    def test_await_gives_up_as_cpp(self):
        r = self.run_program("import procsync as ps; ps.await_(lambda: False, 'a peer', 0.01)",
                             {"PROCSYNC_TIME_FACTOR": "2"})
        self.assertEqual((r.returncode, r.stdout),
                         (1, b"error: gave up waiting for a peer after 0.020 s\n"))

    def test_bad_time_factor_fails_loudly(self):
        for bad in ("fast", "0.5", "1001", "nan"):
            r = self.run_program("import procsync as ps; ps.say(ps.time_factor())",
                                 {"PROCSYNC_TIME_FACTOR": bad})
            self.assertEqual(r.returncode, 1, bad)
            self.assertTrue(r.stdout.startswith(b"error: PROCSYNC_TIME_FACTOR must be"), bad)
        r = self.run_program("import procsync as ps; ps.say(ps.time_factor())",
                             {"PROCSYNC_TIME_FACTOR": "2.5"})
        self.assertEqual(r.stdout, b"2.500\n")

    def test_exec_self_goes_through_the_launcher(self):
        # The interpreter is the launcher and the .py file the program, as the harness has it.
        code = ("import sys, procsync as ps\n"
                "if sys.argv[1:] == ['again']: ps.say('again under ', sys.executable)\n"
                "else: ps.exec_self(['again'])\n")
        program = os.path.join(os.environ.get("TMPDIR", "/tmp"), "exec_self_%d.py" % os.getpid())
        with open(program, "w") as f:
            f.write(code)
        try:
            r = subprocess.run([sys.executable, program], capture_output=True,
                               env=dict(os.environ, PROCSYNC_SELF=program,
                                        PROCSYNC_LAUNCHER=sys.executable))
        finally:
            os.unlink(program)
        self.assertEqual(r.stdout.decode(), "again under %s\n" % sys.executable)

    def test_start_mark(self):
        read_end, write_end = os.pipe()
        os.set_inheritable(write_end, True)
        code = "import os, procsync; print(os.environ.get('PROCSYNC_START_FD'))"
        r = subprocess.run([sys.executable, "-c", code], capture_output=True,
                           env=dict(os.environ, PROCSYNC_START_FD=str(write_end)),
                           pass_fds=(write_end,))
        os.close(write_end)
        mark = os.read(read_end, 100).decode()
        os.close(read_end)
        words = mark.split()
        self.assertEqual(words[0], ps.protocol.kStartWord)
        self.assertRegex(words[1], r"^[0-9]+\.[0-9]{9}$")
        self.assertEqual(words[2:4], [ps.protocol.kProtocolWord, str(ps.protocol.kVersion)])
        self.assertEqual(words[4], ps.protocol.kPidWord)
        self.assertRegex(words[5], r"^[1-9][0-9]*$")
        self.assertTrue(mark.endswith("\n"))
        # The variable is gone, so that a program that execs itself writes no second mark.
        self.assertEqual(r.stdout, b"None\n")


# The multiprocessing and threading section of the fixtures.
class ProcessesAndThreads(unittest.TestCase):
    def test_exit_description(self):
        class Exited:
            exitcode = None
        p = Exited()
        self.assertEqual(ps.exit_description(p), "still running")
        p.exitcode = 0
        self.assertEqual(ps.exit_description(p), "exited 0")
        p.exitcode = -signal.SIGTERM  # multiprocessing's way of saying "killed by"
        self.assertEqual(ps.exit_description(p), "killed by SIGTERM")

    def test_await_blocked_sees_a_sleeping_child(self):
        entered = ps.shared_bytes(1)

        def body():
            entered[0] = 1
            signal.pause()

        with ps.Child(body) as child:
            ps.await_blocked(child.pid, lambda: entered[0] == 1, "never blocked")
            self.assertEqual(ps.process_state(child.pid), "S")

    def test_wait_within_gives_up_then_sees_the_end(self):
        with ps.Child(signal.pause) as child:
            start = ps.monotonic_seconds()
            self.assertFalse(child.wait_within(0, 0.05).valid)  # still paused: given up
            self.assertGreaterEqual(ps.monotonic_seconds() - start, 0.05 * ps.time_factor())
            child.kill(signal.SIGTERM)
            self.assertEqual(child.wait_within(0, 5.0).describe(), "killed by SIGTERM")

    def test_stays_in_state_holds_for_a_stopped_child_only(self):
        with ps.Child(signal.pause) as child:
            self.assertTrue(ps.wait_for_state(child.pid, "S"))
            self.assertFalse(ps.stays_in_state(child.pid, "T", 0.01))  # asleep, not stopped
            child.kill(signal.SIGSTOP)
            self.assertTrue(child.wait(os.WUNTRACED).stopped())
            self.assertTrue(ps.stays_in_state(child.pid, "T", 0.05))
            child.kill(signal.SIGKILL)

    def test_await_thread_blocked_sees_a_sleeping_thread(self):
        import threading
        event = threading.Event()
        t = threading.Thread(target=event.wait)
        t.start()
        ps.await_thread_blocked(t, lambda: len(event._cond._waiters) == 1, "never blocked")
        event.set()
        t.join()

    def test_print_as_on_a_terminal_writes_each_line_once(self):
        # Under PYTHONUNBUFFERED print() writes its text and its newline separately; after
        # print_as_on_a_terminal() each line leaves in one write(), seen here as one read.
        code = ("import procsync, time; procsync.print_as_on_a_terminal(); "
                "print('a', 'b'); time.sleep(0.2); print('c')")
        read_end, write_end = os.pipe()
        child = subprocess.Popen([sys.executable, "-c", code], stdout=write_end,
                                 env=dict(os.environ, PYTHONUNBUFFERED="1"))
        os.close(write_end)
        first = os.read(read_end, 100)
        child.wait()
        os.close(read_end)
        self.assertEqual(first, b"a b\n")


if __name__ == "__main__":
    unittest.main()
