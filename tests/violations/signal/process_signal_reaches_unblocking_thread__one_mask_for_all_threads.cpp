// Violates SIG-37: the signal mask belongs to the process, not to each thread (an emulator
// that keeps one mask): thread A's unblocking unblocks SIGUSR1 everywhere (simulated by the
// main thread and B unblocking it as well).
#include <pthread.h>
#include <unistd.h>

#include <atomic>
#include <csignal>
#include <string>

#include "procsync.hpp"

namespace {
std::atomic<int> g_handled{0};
std::atomic<pid_t> g_handler_tid{0};
std::atomic<int> g_handler_sig{0};

void on_signal(int sig) {
  g_handler_tid = ps::this_thread_id();
  g_handler_sig = sig;
  ++g_handled;
}

struct ThreadState {
  std::atomic<pid_t> tid{0};
  std::atomic<int> blocks_usr1{-1};
  std::atomic<int> step{0};  // set by main: what the thread should do next
  std::atomic<bool> step_done{false};
};
ThreadState g_a, g_b;
pid_t g_main_tid = 0;

sigset_t usr1_set() {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGUSR1);
  return set;
}

int blocks_usr1() {
  sigset_t cur;
  ps::check_rc(pthread_sigmask(SIG_BLOCK, nullptr, &cur), "pthread_sigmask");
  return sigismember(&cur, SIGUSR1);
}

std::string who(pid_t tid) {
  if (tid == g_main_tid) return "the main thread";
  if (tid == g_a.tid) return "thread A";
  if (tid == g_b.tid) return "thread B";
  return "an unknown thread";
}

void* thread_a(void*) {
  const sigset_t set = usr1_set();
  ps::check_rc(pthread_sigmask(SIG_UNBLOCK, &set, nullptr), "pthread_sigmask");
  ps::await([] { return g_b.tid.load() != 0; }, "thread B to start", 5);
  g_a.blocks_usr1 = blocks_usr1();
  g_a.tid = ps::this_thread_id();
  ps::await([] { return g_a.step.load() == 99; }, "thread A to be told to end", 5);
  return nullptr;
}

void* thread_b(void*) {
  g_b.tid = ps::this_thread_id();
  const sigset_t usr1 = usr1_set();
  ps::check_rc(pthread_sigmask(SIG_UNBLOCK, &usr1, nullptr), "pthread_sigmask");
  g_b.blocks_usr1 = blocks_usr1();
  ps::await([] { return g_b.step.load() == 1; }, "thread B to be told to check its pending signals",
            5);
  sigset_t pending;
  ps::check(sigpending(&pending) == 0, "sigpending");
  ps::say("thread B: SIGUSR1 pending: ", sigismember(&pending, SIGUSR1) == 1 ? "yes" : "no",
          "; handled so far in all: ", g_handled.load());
  const sigset_t set = usr1_set();
  ps::check_rc(pthread_sigmask(SIG_UNBLOCK, &set, nullptr), "pthread_sigmask");
  g_b.step_done = true;
  ps::await([] { return g_b.step.load() == 99; }, "thread B to be told to end", 5);
  return nullptr;
}

// Waits until the handler has run `count` times in all, then names where it last ran.
void report(const char* what, int count) {
  ps::await([count] { return g_handled.load() >= count; }, "the handler to run", 5);
  ps::say(what, ": ", ps::signal_name(g_handler_sig), " handled by ", who(g_handler_tid));
}
}  // namespace

int main() {
  g_main_tid = ps::this_thread_id();
  ps::install(SIGUSR1, on_signal);
  ps::install(SIGUSR2, on_signal);
  const sigset_t set = usr1_set();
  ps::check_rc(pthread_sigmask(SIG_BLOCK, &set, nullptr), "pthread_sigmask");
  pthread_t a, b;
  ps::check_rc(pthread_create(&a, nullptr, thread_a, nullptr), "pthread_create");
  ps::check_rc(pthread_create(&b, nullptr, thread_b, nullptr), "pthread_create");
  ps::await([] { return g_a.tid.load() != 0 && g_b.tid.load() != 0; }, "both threads to start", 5);
  ps::check_rc(pthread_sigmask(SIG_UNBLOCK, &set, nullptr), "pthread_sigmask");
  auto yes_no = [](int blocked) { return blocked == 1 ? "yes" : "no"; };
  ps::say("SIGUSR1 blocked in the main thread: ", yes_no(blocks_usr1()),
          ", thread A: ", yes_no(g_a.blocks_usr1), ", thread B: ", yes_no(g_b.blocks_usr1));

  // Both threads are waiting (sleeping in nanosleep) before anything is sent.
  ps::check(ps::wait_for_thread_state(g_a.tid, "S"), "thread A never slept");
  ps::check(ps::wait_for_thread_state(g_b.tid, "S"), "thread B never slept");
  ps::check(kill(getpid(), SIGUSR1) == 0, "kill");
  report("kill(process, SIGUSR1)", 1);

  ps::check_rc(pthread_kill(b, SIGUSR2), "pthread_kill");
  report("pthread_kill(B, SIGUSR2)", 2);

  ps::check_rc(pthread_kill(b, SIGUSR1), "pthread_kill");
  g_b.step = 1;
  ps::await([] { return g_b.step_done.load(); }, "thread B to unblock SIGUSR1", 5);
  report("pthread_kill(B, SIGUSR1), once B unblocked it", 3);

  g_a.step = 99;
  g_b.step = 99;
  ps::check_rc(pthread_join(a, nullptr), "pthread_join");
  ps::check_rc(pthread_join(b, nullptr), "pthread_join");
  ps::say("handled ", g_handled.load(), " signals in all");
  return 0;
}
