# THR-11: threads run concurrently. Two threading.Thread that each time.sleep(0.5) both wake
# about 0.5 s after the start, not one after the other at 0.5 s and 1 s: time.sleep releases
# the interpreter lock. Each thread also records when its sleep began and ended, and main
# prints whether the two sleeps overlapped: a check that does not depend on how late a slow
# platform is.
import threading

import procsync as ps

SLEEP_SECONDS = 0.5
sleeps = [[0.0, 0.0], [0.0, 0.0]]  # written by thread i, read by main after join


def body(i):
    name = "AB"[i]
    ps.say("thread ", name, ": sleeping 0.5 s")
    sleeps[i][0] = ps.monotonic_seconds()
    ps.sleep_for(SLEEP_SECONDS)
    sleeps[i][1] = ps.monotonic_seconds()
    ps.say("thread ", name, ": woke")


threads = [threading.Thread(target=body, args=(i,)) for i in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
later_begin = max(sleeps[0][0], sleeps[1][0])
earlier_end = min(sleeps[0][1], sleeps[1][1])
ps.say("main: both joined; the two sleeps overlapped: ",
       "yes" if later_begin < earlier_end else "no")
