// Violates SIG-04: the program was built with another architecture's numbers (MIPS) for
// SIGUSR1, SIGCHLD, SIGCONT, SIGSTOP and SIGTSTP, so the platform's shell disagrees (on a
// MIPS host the x86 numbers are used instead).
#include <sys/wait.h>
#include <unistd.h>

#include <csignal>
#include <string>
#include <vector>

#include "procsync.hpp"

namespace {
struct Sig {
  int number;
  const char* name;
};
const bool kMips = SIGCHLD == 18;
const Sig kSignals[] = {
    {SIGHUP, "HUP"},           {SIGINT, "INT"},           {SIGQUIT, "QUIT"},
    {SIGILL, "ILL"},           {SIGTRAP, "TRAP"},         {SIGABRT, "ABRT"},
    {SIGBUS, "BUS"},           {SIGFPE, "FPE"},           {SIGKILL, "KILL"},
    {kMips ? 10 : 16, "USR1"}, {SIGSEGV, "SEGV"},         {SIGUSR2, "USR2"},
    {SIGPIPE, "PIPE"},         {SIGALRM, "ALRM"},         {SIGTERM, "TERM"},
    {kMips ? 17 : 18, "CHLD"}, {kMips ? 18 : 25, "CONT"}, {kMips ? 19 : 23, "STOP"},
    {kMips ? 20 : 24, "TSTP"}, {SIGTTIN, "TTIN"},         {SIGTTOU, "TTOU"},
    {SIGURG, "URG"},           {SIGXCPU, "XCPU"},         {SIGXFSZ, "XFSZ"},
    {SIGVTALRM, "VTALRM"},     {SIGPROF, "PROF"},         {SIGSYS, "SYS"},
    {SIGWINCH, "WINCH"},
};
}  // namespace

int main() {
  std::vector<std::string> words = {"/bin/sh", "-c",
                                    "for n do kill -l \"$n\" 2>/dev/null || echo '?'; done", "sh"};
  for (const auto& s : kSignals) words.push_back(std::to_string(s.number));
  std::vector<char*> argv;
  for (auto& w : words) argv.push_back(w.data());
  argv.push_back(nullptr);
  int out[2];
  ps::check(pipe(out) == 0, "pipe");
  const pid_t pid = fork();
  if (pid == 0) {
    dup2(out[1], 1);
    execv("/bin/sh", argv.data());
    _exit(127);
  }
  close(out[1]);
  std::string text;
  char buf[512];
  ssize_t n;
  while ((n = read(out[0], buf, sizeof buf)) > 0) text.append(buf, static_cast<std::size_t>(n));
  int status = 0;
  waitpid(pid, &status, 0);
  ps::say("/bin/sh exited ", WEXITSTATUS(status));
  std::size_t start = 0;
  for (const auto& s : kSignals) {
    const std::size_t end = text.find('\n', start);
    const std::string said = text.substr(start, end - start);
    start = end + 1;
    ps::say("SIG", s.name, ": kill -l ", said == s.name ? "agrees" : "disagrees");
  }
  return 0;
}
