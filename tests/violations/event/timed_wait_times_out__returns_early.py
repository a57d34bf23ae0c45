# Violation of EVT-03: a runtime whose Event.wait(timeout) gives up early (it polls the flag
# once and returns instead of sleeping, as a timeout lost on the way to the C call would):
# wait(0.5) on a clear event returns False at once.
import multiprocessing

import procsync as ps

if __name__ == "__main__":
    event = multiprocessing.Event()
    ps.say("waiting up to 0.5 s on a clear event")
    woke = event.wait(0)
    ps.say("wait_for returned ", woke, ", not before the timeout")
    ps.say("is_set ", event.is_set())
