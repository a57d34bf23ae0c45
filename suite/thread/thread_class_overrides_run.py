# THR-08: a thread class can override its run method. threading.Thread's start() runs run()
# in a new thread; the base run() calls the target it was given, and a subclass (the
# tutorial's MyThread) overrides run() with its own body.
import threading

import procsync as ps

main_ident = threading.get_ident()


class MyThread(threading.Thread):
    def __init__(self, name):
        super().__init__(name=name)

    def run(self):
        own_thread = threading.get_ident() != main_ident
        ps.say(self.name, ": MyThread.run, the override, in a new thread: ",
               "yes" if own_thread else "no")


plain = threading.Thread(target=lambda: ps.say("plain: Thread.run called the target"))
plain.start()
plain.join()
mine = MyThread("tedu")
mine.start()
mine.join()
ps.say("main: joined both")
