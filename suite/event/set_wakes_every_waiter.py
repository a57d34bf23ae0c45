# EVT-05: multiprocessing.Event.set() wakes every waiting process at once: three child
# processes asleep in wait() all return True at the set.
import multiprocessing

import procsync as ps

WAITERS = 3
HOLD_SECONDS = 0.5  # the waiters stay blocked this long


def waiter(n, event, entering):
    entering[n - 1] = 1
    woke = event.wait()
    ps.say("waiter ", n, ": wait returned ", woke)


if __name__ == "__main__":
    multiprocessing.set_start_method("fork")  # the children inherit the shared memory
    event = multiprocessing.Event()
    entering = ps.shared_bytes(WAITERS)
    children = []
    for n in range(1, WAITERS + 1):
        child = multiprocessing.Process(target=waiter, args=(n, event, entering))
        child.start()
        children.append(child)
        ps.await_blocked(child.pid, lambda: entering[n - 1] == 1, "waiter never blocked")
        ps.say("parent: waiter ", n, " is blocked in wait")
    ps.sleep_for(HOLD_SECONDS)
    ps.say("parent: setting the event")
    event.set()
    for child in children:  # every waiter's line comes before the first report
        child.join()
    for n, child in enumerate(children, 1):
        ps.say("parent: waiter ", n, " ", ps.exit_description(child))
