# LCK-01: two writer processes share stdout and try to take turns at it, handing the turn to
# the other after every line.
#   with-lock     each writes its lines while holding one multiprocessing.Lock. A writer that
#                 finds the other blocked on the lock keeps the turn, so the lock, not the
#                 turn-taking, decides the order: all of A, then all of B.
#   without-lock  nothing keeps the second writer out: their lines interleave, A B A B.
# One program for both, so that the lock is the only difference between the two traces.
import multiprocessing
import os
import sys

import procsync as ps

LINES = 3
PROVE_SECONDS = 3.0  # how long the parent looks for writer B's state
STARTING, LOCKING, INSIDE, DONE = range(4)
NAME = ("A", "B")

# Shared between the processes, made by the parent before it forks: each writer's phase and
# pid, and whose turn it is (2: none yet, until the parent says go).
phase = pids = turn = None


def cannot_take_turn(w):
    # It has finished, or it is blocked on the lock (it said it was locking, and the kernel
    # shows it asleep: nothing else sleeps there). Without the lock a writer never reaches
    # LOCKING, so only a finished one gives up turns.
    return phase[w] == DONE or (phase[w] == LOCKING and ps.process_state(pids[w]) == "S")


def print_in_turn(me, text):
    while not (turn.value == me or (turn.value != 2 and cannot_take_turn(1 - me))):
        ps.sleep_for(0.001)
    ps.say("writer ", NAME[me], ": ", text)
    turn.value = 1 - me


def writer(me, lock):
    pids[me] = os.getpid()
    if lock is not None:
        phase[me] = LOCKING
        lock.acquire()
        ps.say("writer ", NAME[me], ": holds the lock")
    else:
        ps.say("writer ", NAME[me], ": in the critical section without a lock")
    phase[me] = INSIDE
    for i in range(1, LINES + 1):
        print_in_turn(me, "line %d" % i)
    print_in_turn(me, "releasing the lock" if lock is not None else "leaving the critical section")
    phase[me] = DONE
    if lock is not None:
        lock.release()


if __name__ == "__main__":
    multiprocessing.set_start_method("fork")  # the children inherit the shared memory
    phase = multiprocessing.Array("i", 2, lock=False)
    pids = multiprocessing.Array("i", 2, lock=False)
    turn = multiprocessing.Value("i", 2, lock=False)
    mode = sys.argv[1] if len(sys.argv) > 1 else ""
    if mode not in ("with-lock", "without-lock"):
        ps.say("usage: writers_share_stdout with-lock|without-lock")
        sys.exit(2)
    stdout_lock = multiprocessing.Lock() if mode == "with-lock" else None

    # A enters first; B is started only once A is inside, so the order is forced.
    a = multiprocessing.Process(target=writer, args=(0, stdout_lock))
    a.start()
    ps.await_(lambda: phase[0] == INSIDE, "writer A never entered")
    b = multiprocessing.Process(target=writer, args=(1, stdout_lock))
    b.start()
    deadline = ps.monotonic_seconds() + PROVE_SECONDS * ps.time_factor()
    while phase[1] != INSIDE and not cannot_take_turn(1):
        ps.check(ps.monotonic_seconds() < deadline, "writer B neither entered nor blocked")
        ps.sleep_for(0.001)
    ps.say("parent: writer B entered the critical section too" if phase[1] == INSIDE else
           "parent: writer B is blocked on the lock")
    turn.value = 0  # go: A has the first turn
    a.join()
    b.join()
    ps.say("parent: writer A ", ps.exit_description(a), ", writer B ", ps.exit_description(b))
