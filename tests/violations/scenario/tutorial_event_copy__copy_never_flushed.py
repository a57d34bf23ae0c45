# Violation of SCN-02: the tutorial's unclosed copy on a runtime that does not finalise the
# file object as wait_event returns (PyPy, whose garbage collector is not reference counting):
# 1.bin is still empty when child 1 reads it back. Here the file object is kept alive on
# purpose, which shows the same on any runtime.
import os
from multiprocessing import Event, Process
from time import sleep

import procsync as ps

os.chdir(ps.work_dir())
asleep = ps.shared_bytes(2)
kept = []  # what a non-reference-counting collector has not finalised yet


def wait_event(file):
    ps.say("child 1: prepare to operate critical resources")
    asleep[0] = 1
    e.wait()
    ps.say("child 1: start operation of critical resources, is_set true")
    fw = open('1.bin', 'wb')
    with open(file, 'rb') as f:
        fw.write(f.read())
    kept.append(fw)


def wait_event_timeout(file):
    ps.say("child 2: also want to operate critical resources")
    asleep[1] = 1
    e.wait(2)
    ps.say("child 2: It's not going to wait")


def child_1(file):
    wait_event(file)
    with open('1.bin', 'rb') as f:
        copy = f.read()
    ps.say("child 1: copied file.bin to 1.bin: ", len(copy), " bytes, ",
           "the same as " if copy == picture else "different from ", "fixtures/data/picture.bin")


if __name__ == "__main__":
    path = os.path.join(ps.data_dir(), "data", "picture.bin")
    with open(path, "rb") as f:
        picture = f.read()
    e = Event()
    p1 = Process(target=child_1, args=('file.bin',))
    p2 = Process(target=wait_event_timeout, args=('file.bin',))
    p1.start()
    p2.start()
    ps.await_blocked(p1.pid, lambda: asleep[0] == 1, "child 1 never blocked")
    ps.await_blocked(p2.pid, lambda: asleep[1] == 1, "child 2 never blocked")
    ps.say("main: both children are waiting")
    ps.say("main: the main process is operating critical resources")
    sleep(3)
    with open('file.bin', 'wb') as fw:
        fw.write(picture)
    ps.say("main: wrote file.bin (4096 bytes) from fixtures/data/picture.bin")
    ps.say("main: setting the event")
    e.set()
    ps.say("main: the main process has finished operation")
    p1.join()
    p2.join()
    ps.say("main: child 1 ", ps.exit_description(p1))
    ps.say("main: child 2 ", ps.exit_description(p2))
    for name in ("file.bin", "1.bin"):
        os.unlink(name)
