# EVT-04: multiprocessing.Event.wait(timeout) returns True as soon as another process sets
# the event, long before the timeout. The parent proves the waiter is asleep inside the wait
# first.
import multiprocessing

import procsync as ps

TIMEOUT_SECONDS = 3.0  # far beyond the set, so a late return shows
HOLD_SECONDS = 0.5  # the waiter stays blocked this long


def waiter(event, entering):
    ps.say("waiter: waiting up to 3 s")
    start = ps.monotonic_seconds()
    entering[0] = 1
    woke = event.wait(TIMEOUT_SECONDS)
    waited = ps.monotonic_seconds() - start
    ps.say("waiter: wait_for returned ", woke, ", ",
           "before" if waited < TIMEOUT_SECONDS else "not before", " the timeout")


if __name__ == "__main__":
    multiprocessing.set_start_method("fork")  # the children inherit the shared memory
    event = multiprocessing.Event()
    entering = ps.shared_bytes(1)
    child = multiprocessing.Process(target=waiter, args=(event, entering))
    child.start()
    ps.await_blocked(child.pid, lambda: entering[0] == 1, "waiter never blocked")
    ps.say("parent: waiter is blocked in wait_for")
    ps.sleep_for(HOLD_SECONDS)
    ps.say("parent: setting the event")
    event.set()
    child.join()
    ps.say("parent: waiter ", ps.exit_description(child))
