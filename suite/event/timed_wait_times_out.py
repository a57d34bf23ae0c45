# EVT-03: multiprocessing.Event.wait(timeout) on a clear event returns False once the timeout
# has passed, never before it ("Return ... False if the method timed out", docs of
# threading.Event.wait, which multiprocessing.Event clones).
import multiprocessing

import procsync as ps

TIMEOUT_SECONDS = 0.5

if __name__ == "__main__":
    event = multiprocessing.Event()
    ps.say("waiting up to 0.5 s on a clear event")
    start = ps.monotonic_seconds()
    woke = event.wait(TIMEOUT_SECONDS)
    waited = ps.monotonic_seconds() - start
    ps.say("wait_for returned ", woke, ", ",
           "not before" if waited >= TIMEOUT_SECONDS else "before", " the timeout")
    ps.say("is_set ", event.is_set())
