# SEM-01: a semaphore starts at the count it is created with, and get_value() reports it, for
# multiprocessing.Semaphore and BoundedSemaphore; the largest count the platform's semaphores
# hold (SEM_VALUE_MAX, which multiprocessing.synchronize repeats) is accepted, and one more is
# refused, as is a negative count.
import multiprocessing
import multiprocessing.synchronize
import threading

import procsync as ps

SEM_VALUE_MAX = multiprocessing.synchronize.SEM_VALUE_MAX


def refusal(make, value):
    try:
        make(value)
    except OSError as e:
        return "refused with OSError " + ps.errno_name(e.errno)
    except Exception as e:  # the type is the answer: OverflowError, ValueError
        return "refused with " + type(e).__name__
    return "accepted"


if __name__ == "__main__":
    ps.say("multiprocessing.Semaphore(0): value ", multiprocessing.Semaphore(0).get_value())
    ps.say("multiprocessing.Semaphore(3): value ", multiprocessing.Semaphore(3).get_value())
    at_max = multiprocessing.Semaphore(SEM_VALUE_MAX).get_value()
    ps.say("multiprocessing.Semaphore(SEM_VALUE_MAX): value is SEM_VALUE_MAX: ",
           "yes" if at_max == SEM_VALUE_MAX else "no, %d" % at_max)
    ps.say("multiprocessing.Semaphore(SEM_VALUE_MAX + 1): ",
           refusal(multiprocessing.Semaphore, SEM_VALUE_MAX + 1))
    ps.say("multiprocessing.Semaphore(-1): ", refusal(multiprocessing.Semaphore, -1))
    ps.say("multiprocessing.BoundedSemaphore(3): value ",
           multiprocessing.BoundedSemaphore(3).get_value())
    ps.say("threading.Semaphore(-1): ", refusal(threading.Semaphore, -1))
