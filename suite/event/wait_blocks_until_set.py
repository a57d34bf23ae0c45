# EVT-02: multiprocessing.Event.wait() blocks until another process sets the event, then
# returns True. The parent proves the waiter is asleep inside wait() before it holds it there
# for 1 s.
import multiprocessing

import procsync as ps

HOLD_SECONDS = 1.0  # how long the parent keeps the waiter blocked


def waiter(event, entering):
    ps.say("waiter: waiting, is_set ", event.is_set())
    entering[0] = 1
    woke = event.wait()
    ps.say("waiter: wait returned ", woke, ", is_set ", event.is_set())


if __name__ == "__main__":
    multiprocessing.set_start_method("fork")  # the children inherit the shared memory
    event = multiprocessing.Event()
    entering = ps.shared_bytes(1)
    child = multiprocessing.Process(target=waiter, args=(event, entering))
    child.start()
    ps.await_blocked(child.pid, lambda: entering[0] == 1, "waiter never blocked")
    ps.say("parent: waiter is blocked in wait")
    ps.sleep_for(HOLD_SECONDS)
    ps.say("parent: setting the event")
    event.set()
    child.join()
    ps.say("parent: waiter ", ps.exit_description(child))
