// SIG-41: a handler can run on an alternate signal stack. With an alternate stack set up
// (sigaltstack), a handler installed with SA_ONSTACK runs on it and sigaltstack() reports
// SS_ONSTACK inside it; a handler installed without SA_ONSTACK runs on the ordinary stack.
// Then unbounded recursion overflows the stack: the SIGSEGV handler, on the alternate stack,
// still runs, jumps back to main (siglongjmp), and the process goes on and exits normally.
#include <setjmp.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <unistd.h>

#include <atomic>
#include <csignal>
#include <cstdint>

#include "procsync.hpp"

namespace {
constexpr std::size_t kAltStackSize = 256 * 1024;
char* g_alt = nullptr;
sigjmp_buf g_back;
std::atomic<bool> g_overflowing{false};
volatile int g_depth_limit = 1 << 30;  // a run-time bound, so the recursion is not infinite
                                       // in the compiler's eyes

const char* yes_no(bool b) {
  return b ? "yes" : "no";
}

// Where the handler runs: on the alternate stack (by the address of a local) and what
// sigaltstack() says.
void report(const char* what) {
  char here = 0;
  const auto addr = reinterpret_cast<std::uintptr_t>(&here);
  const auto lo = reinterpret_cast<std::uintptr_t>(g_alt);
  const bool on_alt = addr >= lo && addr < lo + kAltStackSize;
  stack_t now{};
  const bool flagged = sigaltstack(nullptr, &now) == 0 && (now.ss_flags & SS_ONSTACK) != 0;
  ps::say_safe(what, ": on the alternate stack: ", yes_no(on_alt),
               ", SS_ONSTACK: ", yes_no(flagged));
}

void on_usr(int sig) {
  report(sig == SIGUSR1 ? "SIGUSR1 handler (SA_ONSTACK)" : "SIGUSR2 handler (no SA_ONSTACK)");
}

void on_segv(int) {
  if (!g_overflowing) _exit(3);  // a fault this program did not cause
  report("SIGSEGV handler (SA_ONSTACK) after the stack overflowed");
  siglongjmp(g_back, 1);
}

int recurse(int depth) {
  volatile char frame[512];
  frame[0] = static_cast<char>(depth);
  if (depth >= g_depth_limit) return frame[0];
  return recurse(depth + 1) + frame[0];  // not a tail call: every frame stays
}
}  // namespace

int main() {
  // A bounded stack, so the overflow comes quickly even where the limit is "unlimited".
  rlimit stack{};
  ps::check(getrlimit(RLIMIT_STACK, &stack) == 0, "getrlimit");
  if (stack.rlim_cur == RLIM_INFINITY || stack.rlim_cur > 8u * 1024 * 1024) {
    stack.rlim_cur = 8u * 1024 * 1024;
    ps::check(setrlimit(RLIMIT_STACK, &stack) == 0, "setrlimit");
  }
  void* mem =
      mmap(nullptr, kAltStackSize, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  ps::check(mem != MAP_FAILED, "mmap");
  g_alt = static_cast<char*>(mem);
  stack_t ss{};
  ss.ss_sp = g_alt;
  ss.ss_size = kAltStackSize;
  ps::check(sigaltstack(&ss, nullptr) == 0, "sigaltstack");
  ps::say("alternate signal stack of 256 KiB set up");

  ps::install(SIGUSR1, on_usr, SA_ONSTACK);
  ps::install(SIGUSR2, on_usr);
  ps::install(SIGSEGV, on_segv, SA_ONSTACK);
  ps::check(raise(SIGUSR1) == 0, "raise");
  ps::check(raise(SIGUSR2) == 0, "raise");

  if (sigsetjmp(g_back, 1) == 0) {
    ps::say("recursing until the stack overflows");
    g_overflowing = true;
    const int r = recurse(0);
    ps::say("recursion ended without an overflow: ", r);
  } else {
    g_overflowing = false;
    ps::say("main: back from the SIGSEGV handler; going on");
  }
  stack_t after{};
  ps::check(sigaltstack(nullptr, &after) == 0, "sigaltstack");
  ps::say("main: on the alternate stack now: ", yes_no((after.ss_flags & SS_ONSTACK) != 0));
  return 0;
}
