# EVT-01: a new multiprocessing.Event is clear: is_set() is false, in the process that made it
# and in a child process that shares it. Setting it then shows is_set() really reads the flag.
import multiprocessing

import procsync as ps


def report(prefix, event):
    ps.say("child: ", prefix, "is_set ", event.is_set())


if __name__ == "__main__":
    event = multiprocessing.Event()
    ps.say("parent: new event, is_set ", event.is_set())

    reader = multiprocessing.Process(target=report, args=("", event))
    reader.start()
    reader.join()
    ps.say("parent: child ", ps.exit_description(reader))

    event.set()
    after_set = multiprocessing.Process(target=report, args=("after set, ", event))
    after_set.start()
    after_set.join()
    ps.say("parent: child ", ps.exit_description(after_set))
