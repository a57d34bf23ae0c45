// Violates SIG-42: a core is dumped although RLIMIT_CORE is 0 (simulated by raising the
// limit in every child).
#ifndef _FILE_OFFSET_BITS
#define _FILE_OFFSET_BITS 64
#endif
#include <dirent.h>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <functional>
#include <string>
#include <vector>

#include "procsync.hpp"
#include "siginfo.hpp"

namespace {
std::string read_core_pattern() {
  const int fd = open("/proc/sys/kernel/core_pattern", O_RDONLY | O_CLOEXEC);
  if (fd < 0) return "";
  char buf[256];
  const ssize_t n = read(fd, buf, sizeof buf - 1);
  close(fd);
  std::string s(buf, n > 0 ? static_cast<std::size_t>(n) : 0);
  while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
  return s;
}

std::vector<std::string> files_in(const std::string& dir) {
  std::vector<std::string> out;
  DIR* d = opendir(dir.c_str());
  if (d == nullptr) ps::fail("opendir");
  errno = 0;
  while (const dirent* e = readdir(d)) {
    const std::string name = e->d_name;
    if (name != "." && name != "..") out.push_back(name);
  }
  if (errno != 0) ps::fail("readdir");
  closedir(d);
  return out;
}

void touch_forbidden_memory() {
  void* page = mmap(nullptr, 4096, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (page == MAP_FAILED) ps::fail("mmap");
  *static_cast<volatile char*>(page) = 1;
}

void run(const std::string& dir, const char* what, bool core_allowed,
         const std::function<void()>& die) {
  ps::Child child([&] {
    rlimit core{};
    ps::check(getrlimit(RLIMIT_CORE, &core) == 0, "getrlimit");
    // Enough for any core of this program; the hard limit where that is lower.
    constexpr rlim_t kEnough = 64u * 1024 * 1024;
    (void)core_allowed;
    core.rlim_cur = core.rlim_max < kEnough ? core.rlim_max : kEnough;
    ps::check(setrlimit(RLIMIT_CORE, &core) == 0, "setrlimit RLIMIT_CORE");
    ps::check(chdir(dir.c_str()) == 0, "chdir");
    die();
    ps::say("child: still alive after ", what);
    return 0;
  });
  siginfo_t info{};
  ps::check(waitid(P_PID, static_cast<id_t>(child.pid()), &info, WEXITED | WNOWAIT) == 0, "waitid");
  const ps::Status status = child.wait();
  const std::vector<std::string> left = files_in(dir);
  for (const std::string& name : left) unlink((dir + "/" + name).c_str());
  ps::say(what, ", RLIMIT_CORE ", core_allowed ? "raised" : "0", ": child ", status.describe(),
          "; waitid: ", ps::si_code_name(SIGCHLD, info.si_code),
          "; a core file in its directory: ", left.empty() ? "no" : "yes");
}
}  // namespace

int main() {
  const std::string pattern = read_core_pattern();
  if (!pattern.empty() && pattern[0] == '|')
    ps::unsupported("core_pattern hands cores to a program (" + pattern +
                    "), so no core lands in the program's directory");
  if (pattern.find('/') != std::string::npos)
    ps::unsupported("core_pattern writes cores into another directory (" + pattern + ")");
  rlimit core{};
  ps::check(getrlimit(RLIMIT_CORE, &core) == 0, "getrlimit");
  if (core.rlim_max == 0) ps::unsupported("the hard RLIMIT_CORE is 0: no core can be allowed");

  const std::string dir = ps::work_dir() + "/dumps";
  ps::check(mkdir(dir.c_str(), 0700) == 0, "mkdir");
  run(dir, "abort()", true, [] { std::abort(); });
  run(dir, "raise(SIGQUIT)", true, [] { raise(SIGQUIT); });
  run(dir, "invalid memory access", true, touch_forbidden_memory);
  run(dir, "raise(SIGTERM)", true, [] { raise(SIGTERM); });
  run(dir, "raise(SIGQUIT)", false, [] { raise(SIGQUIT); });
  ps::check(rmdir(dir.c_str()) == 0, "rmdir");
  return 0;
}
