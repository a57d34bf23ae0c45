#include "cleanup.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/file.h>
#include <sys/ipc.h>
#include <sys/msg.h>
#include <sys/sem.h>
#include <sys/shm.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iterator>
#include <random>
#include <regex>
#include <sstream>

#include "protocol.hpp"

namespace procsync {

namespace {

namespace fs = std::filesystem;
namespace protocol = ps::protocol;

// The state letter and name of a process, from /proc/<pid>/stat.
bool process_state(const std::string& pid, char& state, std::string& comm) {
  std::ifstream in("/proc/" + pid + "/stat");
  std::string s;
  if (!std::getline(in, s)) return false;
  const auto open = s.find('(');
  const auto close = s.rfind(')');
  if (open == std::string::npos || close == std::string::npos || close + 2 >= s.size())
    return false;
  comm = s.substr(open + 1, close - open - 1);
  state = s[close + 2];
  return true;
}

// A harness killed outright stays a zombie until its new parent reaps it, which some init
// processes do late: a zombie is as dead as a harness can be.
bool harness_is_dead(long pid) {
  if (pid <= 0 || pid == ::getpid()) return false;
  if (::kill(static_cast<pid_t>(pid), 0) != 0) return errno == ESRCH;
  char state = '?';
  std::string comm;
  return process_state(std::to_string(pid), state, comm) && (state == 'Z' || state == 'X');
}

constexpr const char* kRunLock = ".procsync-run.lock";

// Whether a work directory of another run may be removed. Its lock decides where it has one
// (held: the run is alive, whatever its pid says). Without one (a run of an older harness, or
// one caught in the moment between mkdtemp and its lock), only a directory at least ten
// seconds old whose harness pid is dead here.
bool work_dir_is_stale(const fs::path& dir, long owner) {
  const std::string lock = (dir / kRunLock).string();
  const int fd = ::open(lock.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
  if (fd >= 0) {
    const bool free = ::flock(fd, LOCK_EX | LOCK_NB) == 0;
    ::close(fd);
    return free;
  }
  std::error_code ec;
  const auto written = fs::last_write_time(dir, ec);
  if (ec) return false;
  const auto age = fs::file_time_type::clock::now() - written;
  return age > std::chrono::seconds(10) && harness_is_dead(owner);
}

struct SysvTable {
  const char* proc_file;
  const char* kind;
  std::function<int(int id)> remove;
};

const SysvTable kSysvTables[] = {
    {"/proc/sysvipc/sem", "semaphore set", [](int id) { return ::semctl(id, 0, IPC_RMID); }},
    {"/proc/sysvipc/shm", "shared memory segment",
     [](int id) { return ::shmctl(id, IPC_RMID, nullptr); }},
    {"/proc/sysvipc/msg", "message queue", [](int id) { return ::msgctl(id, IPC_RMID, nullptr); }},
};

// Removes every System V object whose key `wanted` accepts. /proc/sysvipc/* start each
// row with the key and the id, after one header line.
std::vector<std::string> remove_sysv(const std::function<bool(int key)>& wanted, const char* why) {
  std::vector<std::string> removed;
  for (const auto& table : kSysvTables) {
    std::ifstream in(table.proc_file);
    std::string row;
    std::getline(in, row);  // the header
    while (std::getline(in, row)) {
      std::istringstream cells(row);
      int key = 0, id = 0;
      if (!(cells >> key >> id) || !wanted(key)) continue;
      if (table.remove(id) == 0)
        removed.push_back(
            fmt::format("System V {} key 0x{:08x}{}", table.kind, static_cast<unsigned>(key), why));
    }
  }
  return removed;
}

// Kills the processes of runs whose harness is dead: without a PID namespace they outlive a
// harness killed outright (reparented to init, often blocked for good).
std::vector<std::string> kill_stale_processes(const std::string& why) {
  std::vector<std::string> killed;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator("/proc", ec)) {
    const std::string pid = e.path().filename().string();
    if (pid.empty() || pid.find_first_not_of("0123456789") != std::string::npos) continue;
    std::ifstream in(e.path() / "environ", std::ios::binary);
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const std::string token = token_in_environment(text);
    if (token.empty() || !harness_is_dead(token_owner(token))) continue;
    char state = '?';
    std::string comm;
    if (!process_state(pid, state, comm) || state == 'Z' || state == 'X') continue;
    if (::kill(static_cast<pid_t>(std::stol(pid)), SIGKILL) == 0)
      killed.push_back(fmt::format("process {} ({}) of run {}, killed{}", pid, comm, token, why));
  }
  return killed;
}

}  // namespace

std::string token_in_environment(std::string_view environ_text) {
  const std::string prefix = std::string(protocol::kEnvToken) + "=";
  std::size_t at = 0;
  while (at < environ_text.size()) {
    auto end = environ_text.find('\0', at);
    if (end == std::string_view::npos) end = environ_text.size();
    const std::string_view entry = environ_text.substr(at, end - at);
    if (entry.substr(0, prefix.size()) == prefix) return std::string(entry.substr(prefix.size()));
    at = end + 1;
  }
  return "";
}

long token_owner(std::string_view token) {
  static const std::regex shape(R"(([0-9]{1,9})-[0-9a-f]{8})");
  std::match_results<std::string_view::const_iterator> m;
  if (!std::regex_match(token.begin(), token.end(), m, shape)) return -1;
  return std::stol(m[1].str());
}

std::string make_run_token() {
  std::random_device rd;
  return fmt::format("{}-{:08x}", ::getpid(), rd());
}

int hold_work_dir(const std::string& work_dir) {
  // The lock is taken under a name the sweep does not read and only then given its own: a
  // sweep of another run that opened the file between its creation and its lock would have
  // found it free and removed the directory of a live run.
  const std::string lock = work_dir + "/" + kRunLock;
  const std::string unnamed = lock + ".new";
  const int fd = ::open(unnamed.c_str(), O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd >= 0 && ::flock(fd, LOCK_EX) == 0 && ::rename(unnamed.c_str(), lock.c_str()) == 0)
    return fd;
  const int e = errno;
  if (fd >= 0) ::close(fd);
  throw std::runtime_error(fmt::format("cannot lock {}: {}", lock, std::strerror(e)));
}

std::vector<std::string> sweep_stale(const std::string& tmp_dir) {
  static const std::string kWhy = " (left by an earlier run whose harness was killed)";
  static const std::regex owned(
      "^(sem\\.)?" +
      std::regex_replace(std::string(protocol::kObjectPrefix), std::regex(R"([.])"), R"(\.)") +
      R"(([0-9]+)-[0-9a-f]{8}\..*)");
  // The processes first: they may still be using the objects.
  std::vector<std::string> removed = kill_stale_processes(kWhy);
  for (const std::string& dir : {tmp_dir, std::string("/dev/shm")}) {
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(dir, ec)) {
      const std::string name = e.path().filename().string();
      std::smatch m;
      if (!std::regex_match(name, m, owned)) continue;
      const long owner = std::stol(m[2].str());
      if (e.is_directory(ec) ? !work_dir_is_stale(e.path(), owner) : !harness_is_dead(owner))
        continue;
      std::error_code rm;
      if (fs::remove_all(e.path(), rm) > 0) removed.push_back(e.path().string() + kWhy);
    }
  }
  for (auto& r : remove_sysv(
           [](int key) {
             return protocol::is_sysv_key(key) && harness_is_dead(protocol::sysv_key_owner(key));
           },
           kWhy.c_str()))
    removed.push_back(std::move(r));
  return removed;
}

std::vector<std::string> remove_run_objects(const std::string& token, const std::string& work_dir) {
  std::vector<std::string> removed;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator("/dev/shm", ec)) {
    const std::string name = e.path().filename().string();
    if (name.find(token) == std::string::npos) continue;
    if (fs::remove(e.path(), ec)) removed.push_back("/dev/shm/" + name);
  }
  const long self = ::getpid();
  for (auto& r : remove_sysv(
           [self](int key) {
             return protocol::is_sysv_key(key) &&
                    protocol::sysv_key_owner(key) == (self & 0x3fffff);
           },
           ""))
    removed.push_back(std::move(r));
  fs::remove_all(work_dir, ec);
  return removed;
}

}  // namespace procsync
