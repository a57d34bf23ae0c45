# EVT-06: waiting on a multiprocessing.Event that is already set returns True at once, both
# without and with a timeout, in another process than the one that set it.
import multiprocessing

import procsync as ps

TIMEOUT_SECONDS = 2.0  # never reached: the event is already set


def waiter(event):
    ps.say("waiter: wait returned ", event.wait())
    ps.say("waiter: wait_for(2) returned ", event.wait(TIMEOUT_SECONDS))
    ps.say("waiter: is_set ", event.is_set())


if __name__ == "__main__":
    event = multiprocessing.Event()
    event.set()
    ps.say("parent: event set, is_set ", event.is_set())
    child = multiprocessing.Process(target=waiter, args=(event,))
    child.start()
    child.join()
    ps.say("parent: waiter ", ps.exit_description(child))
