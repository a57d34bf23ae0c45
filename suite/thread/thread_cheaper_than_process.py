# THR-12: creating a thread costs much less than creating a process (the tutorial says about
# 1/20). Each sample starts one threading.Thread and joins it, or os.fork()s one child that
# os._exit()s at once and reaps it with os.waitpid(); the samples alternate so that a change of
# machine load hits both kinds. The medians and their ratio are printed as "measure:" lines;
# the trace checks only that a thread is cheaper.
import os
import statistics
import threading

import procsync as ps

SAMPLES = 200


def nothing():
    pass


def time_thread():
    t0 = ps.monotonic_seconds()
    t = threading.Thread(target=nothing)
    t.start()
    t.join()
    return ps.monotonic_seconds() - t0


def time_process():
    t0 = ps.monotonic_seconds()
    pid = os.fork()
    if pid == 0:
        os._exit(0)
    os.waitpid(pid, 0)
    return ps.monotonic_seconds() - t0


threads, processes = [], []
for _ in range(SAMPLES):
    threads.append(time_thread())
    processes.append(time_process())
thread_s = statistics.median(threads)
process_s = statistics.median(processes)
ps.say("created ", SAMPLES, " threads (create+join) and ", SAMPLES, " processes (fork+waitpid)")
ps.say("thread creation is cheaper than process creation: ",
       "yes" if thread_s < process_s else "no")
ps.say("measure: thread_create_join_us=", thread_s * 1e6)
ps.say("measure: fork_waitpid_us=", process_s * 1e6)
ps.say("measure: process_to_thread_ratio=", process_s / thread_s)
