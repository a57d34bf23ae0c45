# Violation of LCK-01 (with the lock): a runtime whose multiprocessing.Lock is copied into
# each forked process instead of shared (a lock in private memory): both writers hold "the"
# lock at once, and their lines interleave, A B A B.
import multiprocessing
import threading

import procsync as ps

LINES = 3
turn = None  # made by the parent before it forks


def print_in_turn(me, text):
    while turn.value != me:
        ps.sleep_for(0.001)
    ps.say("writer ", "AB"[me], ": ", text)
    turn.value = 1 - me


def writer(me, inside):
    lock = threading.Lock()  # the broken runtime's copy: private to this process
    with lock:
        ps.say("writer ", "AB"[me], ": holds the lock")
        inside[me] = 1
        for i in range(1, LINES + 1):
            print_in_turn(me, "line %d" % i)
        print_in_turn(me, "releasing the lock")


if __name__ == "__main__":
    multiprocessing.set_start_method("fork")  # the children inherit the shared memory
    turn = multiprocessing.Value("i", 2, lock=False)
    inside = ps.shared_bytes(2)
    a = multiprocessing.Process(target=writer, args=(0, inside))
    a.start()
    ps.await_(lambda: inside[0] == 1, "writer A never entered")
    b = multiprocessing.Process(target=writer, args=(1, inside))
    b.start()
    ps.await_(lambda: inside[1] == 1, "writer B never entered")
    ps.say("parent: writer B is blocked on the lock")
    turn.value = 0
    a.join()
    b.join()
    ps.say("parent: writer A ", ps.exit_description(a), ", writer B ", ps.exit_description(b))
