# SCN-04: the tutorial's thread-class example as the tutorial writes it: MyThread inherits
# threading.Thread, calls the parent's __init__, keeps a target, a name ("tedu" by default)
# and the target's arguments, and overrides run() to call target(*args, **kwargs). The target,
# player(song, sec), prints "Playing <song>" twice, one period apart. Two changes only: the
# period is 0.3 s instead of 3 s, and the ctime() stamp is left out of the line (wall-clock
# text); the trace checks the times instead.
from threading import Thread
from time import sleep

import procsync as ps

# The tutorial ran on a terminal, where print() is line-buffered; under the harness stdout is
# a pipe.
ps.print_as_on_a_terminal()


class MyThread(Thread):
    def __init__(self, target, name="tedu", args=(), kwargs={}):
        super().__init__()
        self.target = target
        self.name = name
        self.args = args
        self.kwargs = kwargs

    def run(self):
        self.target(*self.args, **self.kwargs)


def player(song, sec):
    for i in range(2):
        print("Playing %s" % song)
        sleep(sec)


t = MyThread(target=player, args=("calories", 0.3))
t.start()
t.join()
ps.say("main: joined thread ", t.name)
