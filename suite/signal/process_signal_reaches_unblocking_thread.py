# SIG-37 in Python: signals and threads. The main thread blocks SIGUSR1 before starting
# threads A and B, which inherit that mask; A unblocks it, B keeps it blocked. Each thread's
# own mask is printed. SIGUSR1 sent to the process (os.kill) reaches A at the system level,
# the only thread that does not block it, and pthread_kill(B, SIGUSR2) reaches B; but a
# Python handler always runs in the main thread, so each line names the main thread.
# pthread_kill(B, SIGUSR1) stays pending for B although A could take SIGUSR1 (the handler
# does not run), and is handled once B unblocks it.
import os
import signal
import threading

import procsync as ps

USR1, USR2 = signal.SIGUSR1, signal.SIGUSR2
handled = 0
handler_thread = None
handler_sig = None
state = {"a_tid": 0, "b_tid": 0, "a_blocks": None, "b_blocks": None, "a_step": 0, "b_step": 0,
         "b_done": False}


def on_signal(sig, frame):
    global handled, handler_thread, handler_sig
    handler_thread = threading.get_native_id()
    handler_sig = sig
    handled += 1


def blocks_usr1():
    return USR1 in signal.pthread_sigmask(signal.SIG_BLOCK, [])


def await_(cond, what):
    ps.await_(cond, what, 5)


def thread_a():
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {USR1})
    state["a_blocks"] = blocks_usr1()
    state["a_tid"] = threading.get_native_id()
    await_(lambda: state["a_step"] == 99, "thread A is told to end")


def thread_b():
    state["b_blocks"] = blocks_usr1()
    state["b_tid"] = threading.get_native_id()
    await_(lambda: state["b_step"] == 1, "thread B is told to check its pending signals")
    ps.say("thread B: SIGUSR1 pending: ", "yes" if USR1 in signal.sigpending() else "no",
           "; handled so far in all: ", handled)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {USR1})
    state["b_done"] = True
    await_(lambda: state["b_step"] == 99, "thread B is told to end")


def who(tid):
    if tid == main_tid:
        return "the main thread"
    if tid == state["a_tid"]:
        return "thread A"
    if tid == state["b_tid"]:
        return "thread B"
    return "an unknown thread"


def report(what, count):
    # The main thread polls: its Python handler runs between two of these bytecodes.
    await_(lambda: handled >= count, "the handler runs")
    ps.say(what, ": ", ps.signal_name(handler_sig), " handled in ", who(handler_thread))


def yes_no(blocked):
    return "yes" if blocked else "no"


main_tid = threading.get_native_id()
ps.install(USR1, on_signal)
ps.install(USR2, on_signal)
signal.pthread_sigmask(signal.SIG_BLOCK, {USR1})
a = threading.Thread(target=thread_a)
b = threading.Thread(target=thread_b)
a.start()
b.start()
await_(lambda: state["a_tid"] and state["b_tid"], "both threads start")
ps.say("SIGUSR1 blocked in the main thread: ", yes_no(blocks_usr1()), ", thread A: ",
       yes_no(state["a_blocks"]), ", thread B: ", yes_no(state["b_blocks"]))
# Both threads are waiting (sleeping) before anything is sent.
ps.check(ps.wait_for_thread_state(state["a_tid"], "S"), "thread A never slept")
ps.check(ps.wait_for_thread_state(state["b_tid"], "S"), "thread B never slept")
os.kill(os.getpid(), USR1)
report("kill(process, SIGUSR1)", 1)
signal.pthread_kill(b.ident, USR2)
report("pthread_kill(B, SIGUSR2)", 2)
signal.pthread_kill(b.ident, USR1)
state["b_step"] = 1
await_(lambda: state["b_done"], "thread B unblocks SIGUSR1")
report("pthread_kill(B, SIGUSR1), once B unblocked it", 3)
state["a_step"] = 99
state["b_step"] = 99
a.join()
b.join()
ps.say("handled ", handled, " signals in all")
