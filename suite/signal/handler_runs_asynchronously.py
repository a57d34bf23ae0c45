# SIG-24: handlers run asynchronously: a signal's handler runs at the moment of delivery,
# whatever the main flow is doing, and the main flow then goes on where it was. The main
# flow never looks for signals, in two phases the harness signals half-way through:
# - tick 0 to tick 1 (2 s), a blocking sleep: SIGUSR1's handler must run when it comes, not
#   when the sleep ends. Python runs the handler in the main thread as soon as time.sleep()
#   is interrupted, then resumes the sleep (PEP 475);
# - tick 1 to tick 2 (1 s), a pure Python computation (a forked child ends it by setting a
#   byte in shared memory): the interpreter runs the handler between two bytecodes of the
#   main thread, so the computation's counter stands still while the handler runs and goes
#   on after it; main prints both from what the handler read.
import signal

import procsync as ps

TICK1 = 2.0
TICK2 = 3.0
HANDLER_WATCH = 0.1

progress = 0
in_computation = False
seen = []


def on_signal(sig, frame):
    ps.say("handler: caught ", ps.signal_name(sig))
    if in_computation:
        on_entry = progress
        until = ps.monotonic_seconds() + HANDLER_WATCH
        while ps.monotonic_seconds() < until:
            pass
        seen.append((on_entry, progress))


def sleep_until(start, offset):
    # Python has no absolute sleep; time.sleep() recomputes its remaining time after an
    # interruption, so the deadline holds.
    left = start + offset - ps.monotonic_seconds()
    if left > 0:
        ps.sleep_for(left)


def stop_computation():
    sleep_until(start, TICK2)
    stop[0] = 1
    return 0


ps.install(signal.SIGUSR1, on_signal)
ps.install(signal.SIGUSR2, on_signal)
start = ps.monotonic_seconds()
stop = ps.shared_bytes(1)
stopper = ps.Child(stop_computation)

ps.say("main: tick 0, sleeping until tick 1")
sleep_until(start, TICK1)
ps.say("main: tick 1, computing until tick 2")
in_computation = True
while not stop[0]:
    progress += 1
in_computation = False
final_progress = progress
ps.say("main: tick 2")
# A platform that held the signal until now delivers it here: the lines below say so.
in_computation = True
ps.await_(lambda: seen, "SIGUSR2's handler")
in_computation = False
on_entry, on_exit = seen[0]
ps.say("main: the computation stood still while the handler ran: ",
       "yes" if on_entry == on_exit else "no")
ps.say("main: the computation went on after the handler: ",
       "yes" if final_progress > on_exit else "no")
ps.check(stopper.wait().exited(), "the stopping child")
