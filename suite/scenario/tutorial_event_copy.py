# SCN-02: the tutorial's event example as the tutorial writes it. The main process operates
# the critical resource for 3 s (it writes file.bin from the fixtures' picture), then sets the
# multiprocessing.Event e. Child 1 (wait_event) waits without a timeout and then copies
# file.bin to 1.bin; child 2 (wait_event_timeout) waits 2 s, gives up and says so. Changes:
# the files are fixtures/data/picture.bin, file.bin, 1.bin and 2.bin in the work directory
# instead of /home/tarena/file.jpg and the tutorial's .jpg names; the lines name who speaks;
# the main process waits until both children are asleep in e.wait() before it works; each
# child's target reports what its copy holds once the tutorial's function has returned.
#
# The tutorial's copy never closes fw: fw = open('1.jpg', 'wb') ... fw.write(f.read()). Its
# bytes reach the file only when the file object is finalised, which CPython does by reference
# counting as wait_event returns; a runtime that finalises objects later (PyPy) leaves 1.bin
# empty when it is read. That is kept: it is the tutorial's program.
import os
from multiprocessing import Event, Process
from time import sleep

import procsync as ps

WORK_SECONDS = 3  # the tutorial's sleep(3)
PICTURE_NAME = "fixtures/data/picture.bin"

# The tutorial ran on a terminal, where print() is line-buffered; under the harness stdout is
# a pipe.
ps.print_as_on_a_terminal()
os.chdir(ps.work_dir())
asleep = ps.shared_bytes(2)  # each child is about to call e.wait()


def read_bytes(name):
    with open(name, "rb") as f:
        return f.read()


def wait_event(file):
    print("child 1: prepare to operate critical resources")
    asleep[0] = 1
    e.wait()  # wait for the main process to finish and set
    print("child 1: start operation of critical resources, is_set", str(e.is_set()).lower())
    fw = open('1.bin', 'wb')
    with open(file, 'rb') as f:  # copy the picture
        fw.write(f.read())


def wait_event_timeout(file):
    print("child 2: also want to operate critical resources")
    asleep[1] = 1
    e.wait(2)  # wait for the main process to set, at most 2 s
    if e.is_set():
        print("child 2: also started to operate critical resources")
        fw = open('2.bin', 'wb')
        with open(file, 'rb') as f:  # copy the picture
            fw.write(f.read())
    else:
        print("child 2: It's not going to wait")


def child_1(file):
    wait_event(file)
    copy = read_bytes('1.bin')
    ps.say("child 1: copied file.bin to 1.bin: ", len(copy), " bytes, ",
           "the same as " if copy == picture else "different from ", PICTURE_NAME)


if __name__ == "__main__":
    path = os.path.join(ps.data_dir(), "data", "picture.bin")
    picture = read_bytes(path)
    # create the event
    e = Event()
    file = 'file.bin'
    # two processes, each to copy the picture
    p1 = Process(target=child_1, args=(file,))
    p2 = Process(target=wait_event_timeout, args=(file,))
    p1.start()
    p2.start()
    ps.await_blocked(p1.pid, lambda: asleep[0] == 1, "child 1 never blocked")
    ps.await_blocked(p2.pid, lambda: asleep[1] == 1, "child 2 never blocked")
    ps.say("main: both children are waiting")
    # the main process copies the picture first, so the children wait
    print("main: the main process is operating critical resources")
    sleep(WORK_SECONDS)
    fw = open(file, 'wb')
    with open(path, 'rb') as f:
        fw.write(f.read())
    fw.close()
    ps.say("main: wrote file.bin (", len(picture), " bytes) from ", PICTURE_NAME)
    ps.say("main: setting the event")
    e.set()  # the children go on
    print("main: the main process has finished operation")
    p1.join()
    p2.join()
    ps.say("main: child 1 ", ps.exit_description(p1))
    ps.say("main: child 2 ", ps.exit_description(p2))
    for name in ("file.bin", "1.bin", "2.bin"):
        if os.path.exists(name):
            os.unlink(name)
