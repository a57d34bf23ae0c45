# THR-02: a thread function receives positional and named arguments: threading.Thread(
# target=player, args=(...), kwargs={...}) calls player(*args, **kwargs) in the new thread.
# Arguments are passed as references to the caller's objects: the thread can change a mutable
# one the caller sees, while rebinding its own parameter changes nothing for the caller.
import threading

import procsync as ps


def player(song, times, plays_out, copy, singer="unknown", seconds=3.0, loud=False):
    ps.say("thread: positional song=", song, " times=", times)
    ps.say("thread: named singer=", singer, " seconds=", float(seconds), " loud=", loud)
    plays_out.append(times)  # the caller's list object
    copy = -1  # rebinds the thread's own name only
    ps.say("thread: rebound its parameter to ", copy)


plays = []
original = 7
t = threading.Thread(target=player, args=("calories", 2, plays, original),
                     kwargs={"singer": "tedu", "seconds": 0.3})
t.start()
t.join()
ps.say("main: the list argument now holds ", plays)
ps.say("main: the int argument still holds ", original)
