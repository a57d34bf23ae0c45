// Violates THR-08: start() calls the base run() by name, so the override never runs.
#include <functional>
#include <thread>
#include <utility>

#include "procsync.hpp"

namespace {
class Thread {
 public:
  explicit Thread(std::function<void()> target = {}) : target_(std::move(target)) {}
  virtual ~Thread() = default;
  void start() {
    thread_ = std::thread([this] { Thread::run(); });
  }
  void join() { thread_.join(); }

 protected:
  virtual void run() {
    if (target_) target_();
  }

 private:
  std::function<void()> target_;
  std::thread thread_;
};

class MyThread : public Thread {
 protected:
  void run() override { ps::say("tedu: MyThread::run, the override, in a new thread: yes"); }
};
}  // namespace

int main() {
  Thread plain([] { ps::say("plain: Thread::run called the target"); });
  plain.start();
  plain.join();
  MyThread mine;
  mine.start();
  mine.join();
  ps::say("main: joined both");
  return 0;
}
