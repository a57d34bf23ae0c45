# EVT-07: multiprocessing.Event.clear() makes later waits block again. After set then clear,
# a timed wait in another process runs out its timeout and returns False, and a plain wait
# stays blocked until the event is set once more.
import multiprocessing

import procsync as ps

TIMEOUT_SECONDS = 0.3  # the timed wait after clear
HOLD_SECONDS = 0.5  # the plain wait stays blocked this long


def waiter(event, entering):
    # Measured here too: the harness sees a line only late, never a wait that started late
    # and ended early.
    start = ps.monotonic_seconds()
    woke = event.wait(TIMEOUT_SECONDS)
    whole = ps.monotonic_seconds() - start >= TIMEOUT_SECONDS
    ps.say("waiter: wait_for(0.3) returned ", woke, ", ",
           "not before" if whole else "before", " the timeout")
    entering[0] = 1
    ps.say("waiter: wait returned ", event.wait())


if __name__ == "__main__":
    multiprocessing.set_start_method("fork")  # the children inherit the shared memory
    event = multiprocessing.Event()
    event.set()
    ps.say("parent: set, is_set ", event.is_set())
    event.clear()
    ps.say("parent: cleared, is_set ", event.is_set())
    entering = ps.shared_bytes(1)
    child = multiprocessing.Process(target=waiter, args=(event, entering))
    child.start()
    # The second wait: the timed one has ended and the waiter is asleep in the plain one.
    ps.await_blocked(child.pid, lambda: entering[0] == 1, "waiter never blocked")
    ps.say("parent: waiter is blocked in wait")
    ps.sleep_for(HOLD_SECONDS)
    ps.say("parent: setting the event again")
    event.set()
    child.join()
    ps.say("parent: waiter ", ps.exit_description(child))
