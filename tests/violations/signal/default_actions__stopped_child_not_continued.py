# Violation of SIG-05 in Python: SIGCONT does not resume a stopped child (shown by not
# sending it), so the child stays stopped.
import os
import resource
import signal
import sys

import procsync as ps

# For the stop signals: the parent marks that it saw the stop, and lets the child go on only
# after it has seen the continue, so the child cannot exit first.
RUNNING, PARENT_SAW_STOP, GO_ON = 0, 1, 2


def raise_at_default(sig, phase):
    # Its own process group, whose parent (this program) is in another group of the same
    # session: not an orphaned group, so a stop signal's default action applies.
    os.setpgid(0, 0)
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    # SIGSTOP's action cannot be changed at all (even to SIG_DFL: EINVAL).
    if sig != signal.SIGSTOP:
        signal.signal(sig, signal.SIG_DFL)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {sig})
    # An unblocked signal sent to oneself is delivered before raise() returns.
    signal.raise_signal(sig)
    if phase[0] != RUNNING:
        while phase[0] != GO_ON:
            ps.sleep_for(0.001)
    ps.say("child: still running after ", ps.signal_name(sig))
    return 0


def ending(st):
    # Only the signal of a termination: whether a core was written is not part of the check.
    if st.signaled():
        return "killed by " + ps.signal_name(st.term_signal())
    return st.describe()


def run(action, sig):
    ps.say(action, ": ", ps.signal_name(sig))
    phase = ps.shared_bytes(1)
    with ps.Child(lambda: raise_at_default(sig, phase)) as child:
        st = child.wait(os.WUNTRACED)
        ps.say("parent: child ", ending(st))
        if st.stopped():
            # Still stopped a moment later (the kernel's job-control stop, 'T'), not run on by a
            # platform that only tells the parent of the stop (a ptrace launcher restarting it).
            ps.say("parent: the child stays stopped (state T): ",
                   "yes" if ps.stays_in_state(child.pid, "T", 0.02) else "no")
            phase[0] = PARENT_SAW_STOP
            # the deviation: no SIGCONT reaches the stopped child
            # A stopped child that SIGCONT does not resume would block waitpid for good.
            st = child.wait_within(os.WCONTINUED)
            if not st.valid:
                ps.say("parent: the child stopped by ", ps.signal_name(sig),
                       " was not continued by SIGCONT")
                return False  # leaving the with-block ends it
            ps.say("parent: child ", ending(st), " after SIGCONT")
            phase[0] = GO_ON
            st = child.wait(os.WUNTRACED)
            ps.say("parent: child ", ending(st))
    return True


S = signal.Signals
for sig in (S.SIGHUP, S.SIGINT, S.SIGTERM, S.SIGALRM, S.SIGUSR1, S.SIGUSR2, S.SIGPIPE):
    run("terminate", sig)
for sig in (S.SIGQUIT, S.SIGABRT):
    run("terminate with core", sig)
for sig in (S.SIGSTOP, S.SIGTSTP):
    if not run("stop", sig):
        sys.exit(1)
for sig in (S.SIGCHLD, S.SIGURG, S.SIGWINCH):
    run("ignore", sig)
run("continue", S.SIGCONT)
