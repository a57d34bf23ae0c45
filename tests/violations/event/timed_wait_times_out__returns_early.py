# Violation of EVT-03: a runtime whose Event.wait(timeout) gives up early (a timeout taken in
# the wrong unit or halved by a retry loop that does not subtract the time already waited):
# wait(0.5) on a clear event returns False at 0.25 s.
import multiprocessing

import procsync as ps

if __name__ == "__main__":
    event = multiprocessing.Event()
    ps.say("waiting up to 0.5 s on a clear event")
    woke = event.wait(0.25)
    ps.say("wait_for returned ", woke, ", not before the timeout")
    ps.say("is_set ", event.is_set())
