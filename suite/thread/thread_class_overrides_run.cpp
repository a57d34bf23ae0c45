// THR-08: a thread class can override its run method. As in Python's threading.Thread, the
// base class's start() runs run() in a new thread; the base run() calls the target it was
// given, and a derived class (the tutorial's MyThread) overrides run() with its own body.
#include <functional>
#include <string>
#include <thread>
#include <utility>

#include "procsync.hpp"

namespace {
std::thread::id g_main_id;

class Thread {
 public:
  explicit Thread(std::function<void()> target = {}) : target_(std::move(target)) {}
  virtual ~Thread() = default;
  Thread(const Thread&) = delete;
  Thread& operator=(const Thread&) = delete;

  void start() {
    thread_ = std::thread([this] { run(); });  // virtual call: the most derived run()
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
 public:
  explicit MyThread(std::string name) : name_(std::move(name)) {}

 protected:
  void run() override {
    const bool own_thread = std::this_thread::get_id() != g_main_id;
    ps::say(name_, ": MyThread::run, the override, in a new thread: ", own_thread ? "yes" : "no");
  }

 private:
  std::string name_;
};
}  // namespace

int main() {
  g_main_id = std::this_thread::get_id();

  Thread plain([] { ps::say("plain: Thread::run called the target"); });
  plain.start();
  plain.join();

  MyThread mine("tedu");
  mine.start();
  mine.join();
  ps::say("main: joined both");
  return 0;
}
