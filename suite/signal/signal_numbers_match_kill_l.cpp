// SIG-04: each standard signal name maps to the number the platform's `kill -l` reports.
// The compiled constant of every name is handed to `kill -l N` in /bin/sh, which prints the
// name it knows for that number. Only agreement is printed, never a number, so the trace
// is the same on every architecture (signal numbers differ, e.g. on MIPS).
#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <csignal>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "procsync.hpp"

namespace {
struct Sig {
  int number;
  const char* name;   // without the SIG prefix, as `kill -l` writes it
  const char* alias;  // an older name a shell may print instead, or nullptr
};

// POSIX <signal.h> names (and SIGWINCH, standard since POSIX.1-2024).
// clang-format off
const Sig kSignals[] = {
    {SIGHUP, "HUP", nullptr},     {SIGINT, "INT", nullptr},       {SIGQUIT, "QUIT", nullptr},
    {SIGILL, "ILL", nullptr},     {SIGTRAP, "TRAP", nullptr},     {SIGABRT, "ABRT", "IOT"},
    {SIGBUS, "BUS", nullptr},     {SIGFPE, "FPE", nullptr},       {SIGKILL, "KILL", nullptr},
    {SIGUSR1, "USR1", nullptr},   {SIGSEGV, "SEGV", nullptr},     {SIGUSR2, "USR2", nullptr},
    {SIGPIPE, "PIPE", nullptr},   {SIGALRM, "ALRM", nullptr},     {SIGTERM, "TERM", nullptr},
    {SIGCHLD, "CHLD", "CLD"},     {SIGCONT, "CONT", nullptr},     {SIGSTOP, "STOP", nullptr},
    {SIGTSTP, "TSTP", nullptr},   {SIGTTIN, "TTIN", nullptr},     {SIGTTOU, "TTOU", nullptr},
    {SIGURG, "URG", nullptr},     {SIGXCPU, "XCPU", nullptr},     {SIGXFSZ, "XFSZ", nullptr},
    {SIGVTALRM, "VTALRM", nullptr}, {SIGPROF, "PROF", nullptr},   {SIGSYS, "SYS", nullptr},
    {SIGWINCH, "WINCH", nullptr},
};
// clang-format on

// One shell for all numbers: `kill -l N` for each argument, one line each ("?" on error).
const char kScript[] = "for n do kill -l \"$n\" 2>/dev/null || echo '?'; done";

// Runs /bin/sh with the numbers and returns its output lines.
std::vector<std::string> ask_shell(const std::vector<std::string>& numbers) {
  int out[2];
  ps::check(pipe(out) == 0, "pipe");
  std::vector<std::string> words = {"/bin/sh", "-c", kScript, "sh"};
  words.insert(words.end(), numbers.begin(), numbers.end());
  std::vector<char*> argv;
  for (auto& w : words) argv.push_back(w.data());
  argv.push_back(nullptr);

  const pid_t pid = fork();
  if (pid < 0) ps::fail("fork");
  if (pid == 0) {
    dup2(out[1], 1);
    close(out[0]);
    close(out[1]);
    execv("/bin/sh", argv.data());
    _exit(127);
  }
  close(out[1]);
  std::string text;
  char buf[512];
  for (;;) {
    const ssize_t n = read(out[0], buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    text.append(buf, static_cast<std::size_t>(n));
  }
  close(out[0]);
  int status = 0;
  while (waitpid(pid, &status, 0) < 0) ps::check(errno == EINTR, "waitpid");
  ps::Status st;
  st.raw = status;
  st.valid = true;
  ps::say("/bin/sh ", st.describe());

  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    std::string line = text.substr(start, end - start);
    while (!line.empty() && (line.back() == ' ' || line.back() == '\r')) line.pop_back();
    lines.push_back(line);
    start = end + 1;
  }
  return lines;
}

// The ELF identity (class, byte order, machine) of a file, or "" when it is not ELF.
std::string elf_identity(const char* path) {
  std::array<unsigned char, 20> h{};
  const int fd = open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0) return "";
  const ssize_t n = read(fd, h.data(), h.size());
  close(fd);
  if (n < 20 || h[0] != 0x7f || h[1] != 'E' || h[2] != 'L' || h[3] != 'F') return "";
  return std::string(h.begin() + 4, h.begin() + 6) + std::string(h.begin() + 18, h.begin() + 20);
}

}  // namespace

int main() {
  // `kill -l` must be the platform's own: under an emulator without a target root file
  // system, /bin/sh is the host's and would answer with the host's numbers.
  const char* self = std::getenv("PROCSYNC_SELF");
  const std::string mine = elf_identity(self != nullptr ? self : "/proc/self/exe");
  const std::string shell = elf_identity("/bin/sh");
  if (!mine.empty() && !shell.empty() && mine != shell)
    ps::unsupported(
        "/bin/sh is built for another architecture than this program; "
        "its kill -l would report that architecture's signal numbers");
  std::vector<std::string> numbers;
  for (const auto& s : kSignals) numbers.push_back(std::to_string(s.number));
  const std::vector<std::string> names = ask_shell(numbers);

  std::size_t i = 0;
  for (const auto& s : kSignals) {
    const std::string said = i < names.size() ? names[i] : std::string("(nothing)");
    ++i;
    const bool agrees = said == s.name || (s.alias != nullptr && said == s.alias);
    ps::say("SIG", s.name, ": kill -l ", agrees ? "agrees" : "disagrees");
  }
  if (names.size() > std::size(kSignals)) ps::say("kill -l printed extra lines");
  return 0;
}
