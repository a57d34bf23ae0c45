// Run inside User-Mode Linux before the suite when UML saves only the legacy FPU/SSE state
// (ci/uml.sh, PTRACE_GETFPREGS fallback): checks that what the suite relies on survives UML's
// process switches and page faults, so that a verdict can be trusted.
//
//   sse      16 XMM registers loaded with a pattern per thread, kept across page faults and
//            switches between threads and processes, then compared (they must survive).
//   avx      the same with 256-bit YMM registers: a control that shows the state UML loses
//            (expected to change; not run by ci/uml.sh).
//   strings  glibc's memcpy, memmove, memset, strlen, strcmp, memcmp, memchr (whichever
//            implementation its IFUNCs chose under GLIBC_TUNABLES) against byte loops.
//
// usage: uml-vector-check sse|avx|strings PROCESSES THREADS ROUNDS
// Prints one line per process and a summary; exit status 0 when everything was intact.
// Built by ci/uml.sh with the host compiler's defaults (x86-64 baseline: no AVX).
#include <pthread.h>
#include <sched.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

namespace {

enum class Mode { sse, avx, strings };
Mode mode = Mode::sse;
long rounds = 40;
constexpr long kSpin = 2000000;     // loop iterations with the registers live
constexpr std::size_t kPages = 64;  // pages touched (and faulted in) during the loop
constexpr std::size_t kBuffer = 1 << 18;

#define LOAD16(op, reg)                                                                           \
  op " 0(%[in]),%%" reg "0\n " op " 32(%[in]),%%" reg "1\n " op " 64(%[in]),%%" reg "2\n " op     \
     " 96(%[in]),%%" reg "3\n " op " 128(%[in]),%%" reg "4\n " op " 160(%[in]),%%" reg "5\n " op  \
     " 192(%[in]),%%" reg "6\n " op " 224(%[in]),%%" reg "7\n " op " 256(%[in]),%%" reg "8\n " op \
     " 288(%[in]),%%" reg "9\n " op " 320(%[in]),%%" reg "10\n " op " 352(%[in]),%%" reg          \
     "11\n " op " 384(%[in]),%%" reg "12\n " op " 416(%[in]),%%" reg "13\n " op                   \
     " 448(%[in]),%%" reg "14\n " op " 480(%[in]),%%" reg "15\n"
#define STORE16(op, reg)                                                                         \
  op " %%" reg "0,0(%[out])\n " op " %%" reg "1,32(%[out])\n " op " %%" reg "2,64(%[out])\n " op \
     " %%" reg "3,96(%[out])\n " op " %%" reg "4,128(%[out])\n " op " %%" reg                    \
     "5,160(%[out])\n " op " %%" reg "6,192(%[out])\n " op " %%" reg "7,224(%[out])\n " op       \
     " %%" reg "8,256(%[out])\n " op " %%" reg "9,288(%[out])\n " op " %%" reg                   \
     "10,320(%[out])\n " op " %%" reg "11,352(%[out])\n " op " %%" reg "12,384(%[out])\n " op    \
     " %%" reg "13,416(%[out])\n " op " %%" reg "14,448(%[out])\n " op " %%" reg                 \
     "15,480(%[out])\n"
// Touches page (i % kPages) of pg on every iteration: each first touch after MADV_DONTNEED is
// a page fault, which UML handles by stopping the process; its timer switches to the others.
#define SPIN                                                                                      \
  "xor %%rax,%%rax\n1: mov %%rax,%%rcx\n and $63,%%rcx\n shl $12,%%rcx\n movb $1,(%[pg],%%rcx)\n" \
  "inc %%rax\n cmp %[n],%%rax\n jb 1b\n"
#define CLOBBERS                                                                                  \
  "rax", "rcx", "memory", "xmm0", "xmm1", "xmm2", "xmm3", "xmm4", "xmm5", "xmm6", "xmm7", "xmm8", \
      "xmm9", "xmm10", "xmm11", "xmm12", "xmm13", "xmm14", "xmm15"

// Registers that came back different, over all rounds.
long check_registers(unsigned tag) {
  void* mapped =
      mmap(nullptr, kPages * 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (mapped == MAP_FAILED) return 1;
  auto* pages = static_cast<unsigned char*>(mapped);
  long changed = 0;
  for (long r = 0; r < rounds; r++) {
    alignas(32) unsigned char in[16][32];
    alignas(32) unsigned char out[16][32] = {};
    for (int i = 0; i < 16; i++)
      for (int j = 0; j < 32; j++)
        in[i][j] = static_cast<unsigned char>(tag * 31 + r * 7 + i * 3 + j);
    madvise(pages, kPages * 4096, MADV_DONTNEED);
    if (mode == Mode::avx) {
      __asm__ volatile(LOAD16("vmovdqa", "ymm") SPIN STORE16("vmovdqa", "ymm") "vzeroupper\n"
                       :
                       : [in] "r"(in), [out] "r"(out), [pg] "r"(pages), [n] "r"(kSpin)
                       : CLOBBERS);
    } else {
      __asm__ volatile(LOAD16("movdqa", "xmm") SPIN STORE16("movdqa", "xmm")
                       :
                       : [in] "r"(in), [out] "r"(out), [pg] "r"(pages), [n] "r"(kSpin)
                       : CLOBBERS);
    }
    const std::size_t width = mode == Mode::avx ? 32 : 16;
    for (int i = 0; i < 16; i++) changed += std::memcmp(in[i], out[i], width) != 0;
    sched_yield();
  }
  munmap(mapped, kPages * 4096);
  return changed;
}

// Wrong results of glibc's string functions, over all rounds.
long check_strings(unsigned seed) {
  void* ma = mmap(nullptr, kBuffer, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  void* mb = mmap(nullptr, kBuffer, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (ma == MAP_FAILED || mb == MAP_FAILED) return 1;
  auto* a = static_cast<char*>(ma);
  auto* b = static_cast<char*>(mb);
  long wrong = 0;
  for (long r = 0; r < rounds; r++) {
    const std::size_t len = static_cast<std::size_t>(rand_r(&seed)) % (kBuffer - 128) + 1;
    const std::size_t off = static_cast<std::size_t>(rand_r(&seed)) % 64;
    for (std::size_t i = 0; i < len; i++) a[i] = static_cast<char>(1 + (seed + i * 13) % 251);
    a[len] = 0;
    madvise(b, kBuffer, MADV_DONTNEED);  // the copy below faults its pages in again
    std::memcpy(b + off, a, len + 1);
    for (std::size_t i = 0; i <= len; i++)
      if (b[off + i] != a[i]) {
        wrong++;
        break;
      }
    wrong += std::strlen(b + off) != len;
    wrong += std::strcmp(b + off, a) != 0;
    wrong += std::memcmp(b + off, a, len) != 0;
    const char c = a[len / 2];
    const char* first = a;
    while (*first != c) first++;
    wrong += std::memchr(a, c, len) != first;
    std::memmove(b + off + 1, b + off, len);  // overlapping: shifts the string by one byte
    for (std::size_t i = 0; i < len; i += 997) wrong += b[off + 1 + i] != a[i];
    std::memset(b, 'x', len);
    for (std::size_t i = 0; i < len; i += 4093) wrong += b[i] != 'x';
    if (r % 16 == 0) sched_yield();
  }
  munmap(ma, kBuffer);
  munmap(mb, kBuffer);
  return wrong;
}

void* thread_main(void* arg) {
  const auto tag = static_cast<unsigned>(reinterpret_cast<std::uintptr_t>(arg));
  const long bad = mode == Mode::strings ? check_strings(tag) : check_registers(tag);
  return reinterpret_cast<void*>(bad);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 5) {
    std::fprintf(stderr, "usage: uml-vector-check sse|avx|strings PROCESSES THREADS ROUNDS\n");
    return 2;
  }
  const std::string name = argv[1];
  if (name == "sse") {
    mode = Mode::sse;
  } else if (name == "avx") {
    mode = Mode::avx;
  } else if (name == "strings") {
    mode = Mode::strings;
  } else {
    std::fprintf(stderr, "uml-vector-check: unknown check %s\n", argv[1]);
    return 2;
  }
  const int processes = std::atoi(argv[2]);
  const int threads = std::atoi(argv[3]);
  rounds = std::atol(argv[4]);
  if (processes < 1 || threads < 1 || threads > 16 || rounds < 1) return 2;
  for (int p = 0; p < processes; p++) {
    if (fork() != 0) continue;
    pthread_t t[16];
    long bad = 0;
    for (int i = 0; i < threads; i++)
      pthread_create(&t[i], nullptr, thread_main,
                     reinterpret_cast<void*>(static_cast<std::uintptr_t>(p * 16 + i + 1)));
    for (int i = 0; i < threads; i++) {
      void* result = nullptr;
      pthread_join(t[i], &result);
      bad += reinterpret_cast<long>(result);
    }
    std::printf("%s: process %d, %d thread(s) x %ld rounds: %ld %s\n", argv[1], p, threads, rounds,
                bad, mode == Mode::strings ? "wrong result(s)" : "register(s) changed");
    std::fflush(stdout);
    _exit(bad != 0);
  }
  int failed = 0;
  int status = 0;
  while (wait(&status) > 0) failed += !WIFEXITED(status) || WEXITSTATUS(status) != 0;
  std::printf("%s: %s\n", argv[1], failed != 0 ? "CORRUPTED" : "intact");
  return failed != 0 ? 1 : 0;
}
