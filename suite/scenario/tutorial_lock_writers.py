# SCN-03: the tutorial's lock example as the tutorial writes it: two multiprocessing.Process
# writers share sys.stdout and one multiprocessing.Lock. writer1 takes it with
# lock.acquire()/lock.release(), writer2 with "with lock:"; each writes "writerN output" five
# times, one period apart, while holding it. Changes: the period is 0.2 s instead of 1 s, and
# which writer goes first is forced (writer2 is started once writer1 holds the lock, and
# writer1 begins writing once writer2 is proven blocked on it), with the lines that say so.
import sys
from multiprocessing import Lock, Process
from time import sleep

import procsync as ps

PERIOD = 0.2  # the tutorial sleeps 1 s

# The tutorial ran on a terminal, where print() is line-buffered; under the harness stdout is
# a pipe.
ps.print_as_on_a_terminal()

writer1_holds, writer2_locking, go = ps.shared_bytes(1), ps.shared_bytes(1), ps.shared_bytes(1)


def writer1():
    lock.acquire()  # locked
    ps.say("writer1: took the lock")
    writer1_holds[0] = 1
    while go[0] == 0:
        sleep(0.001)
    for i in range(5):
        sleep(PERIOD)
        sys.stdout.write("writer1 output \n")
    lock.release()  # unlocked


def writer2():
    ps.say("writer2: waiting for the lock")
    writer2_locking[0] = 1
    with lock:
        for i in range(5):
            sleep(PERIOD)
            sys.stdout.write("writer2 output \n")


if __name__ == "__main__":
    lock = Lock()
    w1 = Process(target=writer1)
    w1.start()
    ps.await_(lambda: writer1_holds[0] == 1, "writer1 never took the lock")
    w2 = Process(target=writer2)
    w2.start()
    ps.await_blocked(w2.pid, lambda: writer2_locking[0] == 1, "writer2 never blocked")
    ps.say("parent: writer2 is blocked on the lock")
    go[0] = 1
    w1.join()
    w2.join()
    ps.say("parent: writer1 ", ps.exit_description(w1), ", writer2 ", ps.exit_description(w2))
