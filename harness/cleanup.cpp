#include "cleanup.hpp"

#include <fmt/format.h>
#include <sys/ipc.h>
#include <sys/msg.h>
#include <sys/sem.h>
#include <sys/shm.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <functional>
#include <random>
#include <regex>
#include <sstream>

#include "protocol.hpp"

namespace procsync {

namespace {

namespace fs = std::filesystem;
namespace protocol = ps::protocol;

bool harness_is_dead(long pid) {
  return pid != ::getpid() && ::kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH;
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

}  // namespace

std::string make_run_token() {
  std::random_device rd;
  return fmt::format("{}-{:08x}", ::getpid(), rd());
}

std::vector<std::string> sweep_stale(const std::string& tmp_dir) {
  static const std::string kWhy = " (left by an earlier run whose harness was killed)";
  static const std::regex owned(
      "^(sem\\.)?" +
      std::regex_replace(std::string(protocol::kObjectPrefix), std::regex(R"([.])"), R"(\.)") +
      R"(([0-9]+)-[0-9a-f]{8}\..*)");
  std::vector<std::string> removed;
  for (const std::string& dir : {tmp_dir, std::string("/dev/shm")}) {
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(dir, ec)) {
      const std::string name = e.path().filename().string();
      std::smatch m;
      if (!std::regex_match(name, m, owned)) continue;
      if (!harness_is_dead(std::stol(m[2].str()))) continue;
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
