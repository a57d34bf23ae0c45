# THR-01: one process holds several threading.Thread at once. They share its memory (a global
# written by one is read by another) and its pid (os.getpid() is the same everywhere), and each
# has its own kernel thread id (threading.get_native_id() differs), listed under
# /proc/self/task.
import os
import threading

import procsync as ps

THREADS = 2
seen = [{} for _ in range(THREADS)]  # each thread's pid, tid and what it read from main
from_main = ""
from_threads = [0] * THREADS
all_running = threading.Barrier(THREADS + 1)  # every thread has started and recorded its ids
go = threading.Event()  # main has written from_main


def yes_no(b):
    return "yes" if b else "no"


def body(i):
    seen[i]["pid"] = os.getpid()
    seen[i]["tid"] = threading.get_native_id()
    all_running.wait()
    go.wait()  # stay alive until main has looked at every thread
    seen[i]["read"] = from_main
    from_threads[i] = 100 + i


main_pid = os.getpid()
main_tid = threading.get_native_id()
threads = [threading.Thread(target=body, args=(i,)) for i in range(THREADS)]
for t in threads:
    t.start()
# Both threads are alive here: neither returns before go is set.
all_running.wait()
listed = all(os.path.exists("/proc/self/task/%d" % s["tid"]) for s in seen)
ps.say("main: ", THREADS, " threads running at once, each listed in /proc/self/task: ",
       yes_no(listed))
# Written after the threads started, so they can only see it through shared memory.
from_main = "hello from main"
go.set()
for t in threads:
    t.join()
for i in range(THREADS):
    ps.say("thread ", i + 1, ": getpid() is the same as main's: ",
           yes_no(seen[i]["pid"] == main_pid))
    ps.say("thread ", i + 1, ": read main's global: ", seen[i]["read"])
    ps.say("main: read thread ", i + 1, "'s global: ", from_threads[i])
tids = {main_tid, seen[0]["tid"], seen[1]["tid"]}
ps.say("gettid() differs between main, thread 1 and thread 2: ", yes_no(len(tids) == 3))
