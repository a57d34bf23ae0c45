# SCN-01: the tutorial's signal example, in the tutorial's own API: one handler for SIGALRM
# and SIGINT, alarm(5), and a loop printing "waiting for a signal" every 2 s with time.sleep.
# SIGINT comes from outside (the harness, as Ctrl+C would send it) and the program survives
# it; the clock signal comes at 5 s. Two changes from the tutorial's text: lines go out with
# ps.say (print() to a pipe sits in a block buffer until exit), and the loop ends at its next
# turn after the clock signal instead of running forever, so the run ends by itself.
from signal import SIGALRM, SIGINT, alarm, signal
import time

import procsync as ps

clock_rang = False


def handler(sig, frame):  # custom processing of the signals, as in the tutorial
    global clock_rang
    if sig == SIGALRM:  # judge the signal type
        clock_rang = True
        ps.say("receive clock signal")
    elif sig == SIGINT:
        ps.say("it doesn't end a little bit ~")


alarm(5)  # the 5-second clock signal
signal(SIGALRM, handler)
signal(SIGINT, handler)  # Ctrl+C
while not clock_rang:
    ps.say("waiting for a signal")
    time.sleep(2)  # resumes after a handler has run (PEP 475)
ps.say("the clock signal came: leaving the loop")
