// Violates SCN-02: child 2's timed wait gives up 0.1 s before its 2 s (a timed condition wait
// that rounds its deadline down). The line still arrives inside the harness's window; only the
// child's own measure shows it. It also starts 0.15 s late, so that the early return lands
// inside the harness's window: a wait that started late and ended early, which only the
// program's own measure sees.
#include <unistd.h>

#include <fstream>
#include <iterator>
#include <string>

#include "event.hpp"
#include "procsync.hpp"

namespace {
constexpr double kWorkSeconds = 3.0;          // the main process's work before it sets
constexpr double kPatientChildSeconds = 2.0;  // child 2's timeout: shorter than the work
const char* const kPictureName = "fixtures/data/picture.bin";

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) ps::fail("cannot open " + path);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void write_file(const std::string& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  out.close();
  if (!out) ps::fail("cannot write " + path);
}

// Copies `from` to `to` in the work directory, as the tutorial's children copy the picture.
std::string copy_in_work_dir(const char* from, const char* to) {
  const std::string bytes = read_file(ps::work_dir() + "/" + from);
  write_file(ps::work_dir() + "/" + to, bytes);
  return read_file(ps::work_dir() + "/" + to);
}
}  // namespace

int main() {
  const std::string picture = read_file(ps::data_dir() + "/data/picture.bin");
  ps::Shared<ps::SharedEvent> event;

  ps::Child waits_forever([&] {
    ps::say("child 1: prepare to operate critical resources");
    event->wait();
    ps::say("child 1: start operation of critical resources, is_set ", event->is_set());
    const std::string copy = copy_in_work_dir("file.bin", "1.bin");
    ps::say("child 1: copied file.bin to 1.bin: ", copy.size(), " bytes, ",
            copy == picture ? "the same as " : "different from ", kPictureName);
    return 0;
  });
  ps::Child waits_2s([&] {
    ps::say("child 2: also want to operate critical resources");
    ps::sleep_for(0.15);  // the platform starts the wait late: the line stays in its window
    const double start = ps::monotonic_seconds();
    event->wait_for(kPatientChildSeconds - 0.1);
    // Measured here too: the harness sees a line only late, never a wait that started late
    // and ended a little early.
    const bool waited_it_out = ps::monotonic_seconds() - start >= kPatientChildSeconds;
    if (event->is_set()) {
      ps::say("child 2: also started to operate critical resources");
      copy_in_work_dir("file.bin", "2.bin");
    } else if (!waited_it_out) {
      ps::say("child 2: gave up before its ", kPatientChildSeconds, " s were up");
    } else {
      ps::say("child 2: It's not going to wait");
    }
    return 0;
  });

  // Both children are inside their waits and asleep there before the work starts.
  ps::check(event->await_waiters(2), "children never entered wait");
  ps::check(ps::wait_for_state(waits_forever.pid(), "S"), "child 1 never blocked");
  ps::check(ps::wait_for_state(waits_2s.pid(), "S"), "child 2 never blocked");
  ps::say("main: both children are waiting");
  ps::say("main: the main process is operating critical resources");
  ps::sleep_for(kWorkSeconds);
  write_file(ps::work_dir() + "/file.bin", picture);
  ps::say("main: wrote file.bin (", picture.size(), " bytes) from ", kPictureName);
  ps::say("main: setting the event");
  event->set();
  ps::say("main: the main process has finished operation");

  ps::say("main: child 1 ", waits_forever.wait().describe());
  ps::say("main: child 2 ", waits_2s.wait().describe());
  for (const char* name : {"file.bin", "1.bin", "2.bin"})
    unlink((ps::work_dir() + "/" + name).c_str());
  return 0;
}
