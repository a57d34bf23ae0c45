# SEM-07 (named, with an exec'd process): a semaphore made by the spawn start method's context
# is one count for processes that share nothing but its name. The child is a fresh
# interpreter (spawn: fork and exec), which inherits no memory; the Semaphore passed to it is
# opened there by name (sem_open without O_CREAT, in CPython and PyPy alike). The parent
# creates it with 1; the child sees 1 and takes it, and the parent then reads 0; the child
# sleeps in a second acquire() until the parent's release() lets it through.
import multiprocessing
from multiprocessing import resource_tracker

import procsync as ps

set_by_the_parent = None  # the parent sets it after import: an exec'd child does not see it


def exec_child(sem, about_to_wait):
    ps.say("exec child: a fresh interpreter (the parent's global is unset): ",
           "yes" if set_by_the_parent is None else "no")
    ps.say("exec child: the Semaphore it received by name, value ", sem.get_value())
    sem.acquire()
    ps.say("exec child: took one, value ", sem.get_value())
    about_to_wait.release()
    sem.acquire()
    ps.say("exec child: second acquire() returned, value ", sem.get_value())


if __name__ == "__main__":
    set_by_the_parent = "parent"
    spawn = multiprocessing.get_context("spawn")
    sem = spawn.Semaphore(1)
    about_to_wait = spawn.Semaphore(0)
    ps.say("parent: spawn-context Semaphore(1), value ", sem.get_value())
    child = spawn.Process(target=exec_child, args=(sem, about_to_wait))
    child.start()
    ps.check(about_to_wait.acquire(timeout=10 * ps.time_factor()), "child never took one")
    ps.check(ps.wait_for_state(child.pid, "S", 10 * ps.time_factor()), "child never blocked")
    ps.say("parent: exec'd child is asleep in its second acquire()")
    ps.say("parent: value ", sem.get_value())
    ps.say("parent: release()")
    sem.release()
    child.join()
    ps.say("parent: exec'd child ", ps.exit_description(child))
    ps.say("parent: value ", sem.get_value())
    # The spawn context's named semaphores are watched by a resource tracker process, which
    # may otherwise outlive this one for a moment: unlink the names now (the semaphores'
    # finalizers) and end the tracker before exiting.
    del sem, about_to_wait
    import gc
    gc.collect()
    resource_tracker._resource_tracker._stop()
