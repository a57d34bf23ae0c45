# THR-05: each thread knows its own identity, and it is the one its Thread object reports:
# threading.get_ident() in the thread equals the object's ident, get_native_id() equals its
# native_id, current_thread() is the object itself, and the id differs from main's. After
# join the object keeps its ident (Python does not reset it).
import threading

import procsync as ps

main_ident = threading.get_ident()
seen = {}


def yes_no(b):
    return "yes" if b else "no"


def body():
    seen["ident"] = threading.get_ident()
    seen["native"] = threading.get_native_id()
    seen["current"] = threading.current_thread()


t = threading.Thread(target=body)
t.start()
t.join()
ps.say("thread: threading.get_ident() equals its Thread's ident: ",
       yes_no(seen["ident"] == t.ident))
ps.say("thread: threading.get_native_id() equals its Thread's native_id: ",
       yes_no(seen["native"] == t.native_id))
ps.say("thread: threading.current_thread() is its Thread object: ", yes_no(seen["current"] is t))
ps.say("thread: its id differs from main's: ", yes_no(seen["ident"] != main_ident))
ps.say("main: after join the Thread still reports that ident: ", yes_no(t.ident == seen["ident"]))
