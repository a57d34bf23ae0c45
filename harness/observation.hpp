// What the runner saw of one program run: the input of the comparator.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace procsync {

struct ObservedLine {
  double t = 0;  // seconds since time zero
  std::string text;
};

struct ObservedStimulus {
  double t = 0;
  int trace_line = 0;
  std::string what;
  std::string error;  // empty when it was performed
};

// How the program ended, as the harness saw it.
struct ObservedEnd {
  enum class Kind { None, Exit, Signal, Stopped };
  Kind kind = Kind::None;
  int code = 0;
  int signal = 0;
  bool core = false;
  std::string describe() const;
};

struct Observation {
  std::vector<ObservedLine> lines;
  std::vector<ObservedStimulus> stimuli;
  ObservedEnd end;
  double end_time = 0;  // seconds since time zero when the end was seen
  bool timed_out = false;
  bool start_mark = false;              // time zero came from the program's start mark
  bool start_mark_seen = false;         // a start mark arrived (its stamp trusted or not)
  std::optional<int> program_protocol;  // the protocol version that mark gave
  double startup_latency = 0;           // spawn to start mark (or 0 without one)
  bool output_truncated = false;
  std::size_t discarded_bytes = 0;
  std::string stderr_text;
  bool stderr_truncated = false;
  std::vector<std::string> leftovers;        // processes still running after the end
  std::vector<std::string> removed_objects;  // named objects the harness removed
  std::string token;                         // the run's token (names, work directory)
  std::string spawn_error;                   // the program could not be started
  std::vector<std::string> launcher;         // the command prefix it ran under (may be empty)
  std::string containment;      // how its processes were kept together (containment.hpp)
  double harness_startup = 0;   // spawn to the start mark (to the first line without one)
  double harness_teardown = 0;  // the later of last line and end, to the verdict
};

}  // namespace procsync
