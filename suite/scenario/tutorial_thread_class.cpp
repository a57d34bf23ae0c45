// SCN-04: the tutorial's thread-class example. MyThread derives from a Thread base class,
// keeps a target, a name ("tedu" by default) and the target's arguments, and overrides run()
// to call target(args...). The target, player(song, sec), prints "Playing <song>" twice, one
// period apart; main starts the thread and joins it. The tutorial's period is 3 s and it
// prints ctime() stamps; here the period is 0.3 s and the time is checked by the trace.
#include <string>
#include <thread>
#include <tuple>
#include <utility>

#include "procsync.hpp"

namespace {
constexpr double kPeriod = 0.3;  // the tutorial's sec = 3

class Thread {
 public:
  virtual ~Thread() = default;
  void start() {
    thread_ = std::thread([this] { run(); });
  }
  void join() { thread_.join(); }

 protected:
  virtual void run() {}

 private:
  std::thread thread_;
};

template <typename Target, typename... Args>
class MyThread : public Thread {
 public:
  // Python: MyThread(target, name="tedu", args=(), kwargs={}).
  MyThread(Target target, std::tuple<Args...> args, std::string name = "tedu")
      : target_(std::move(target)), name_(std::move(name)), args_(std::move(args)) {}
  const std::string& name() const { return name_; }

 protected:
  void run() override { std::apply(target_, args_); }

 private:
  Target target_;
  std::string name_;
  std::tuple<Args...> args_;
};

void player(const std::string& song, double sec) {
  for (int i = 0; i < 2; ++i) {
    ps::say("Playing ", song);
    ps::sleep_for(sec);
  }
}
}  // namespace

int main() {
  MyThread t(player, std::tuple{std::string("calories"), kPeriod});
  t.start();
  t.join();
  ps::say("main: joined thread ", t.name());
  return 0;
}
