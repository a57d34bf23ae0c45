// The trace format: parsing an expected trace into its model (docs/trace-format.md).
#pragma once

#include <memory>
#include <optional>
#include <regex>
#include <stdexcept>
#include <string>
#include <vector>

namespace procsync {

// One expected output line.
struct Expect {
  int line = 0;                // line number in the trace file
  std::optional<double> at;    // expected time (seconds since time zero), if timed
  std::optional<double> late;  // this line's own lateness allowance, overriding %late
  bool regex = false;          // text is an ECMAScript regular expression (full match)
  std::string text;
  std::shared_ptr<const std::regex> pattern;  // text compiled once by the parser (regex only)
};

// A group of expected lines: one line, or a `{ }` block whose lines may come in any order.
struct Item {
  bool unordered = false;
  int line = 0;
  std::vector<Expect> lines;
};

// Something the harness does to the program: `@T > signal SIGINT`, `> stdin text`, ...
struct Stimulus {
  enum class Kind { Signal, SignalGroup, Stdin, CloseStdin };
  int line = 0;
  Kind kind = Kind::Signal;
  std::optional<double> at;     // at this time; without it, once all lines before it arrived
  std::size_t after_lines = 0;  // number of expected lines written before the stimulus
  int signal = 0;               // host signal number (the harness sends host signals)
  std::string signal_name;
  std::string data;  // for Stdin, without the newline the harness adds
  std::string describe() const;
};

// The trace's last line: how the program ends.
struct EndStatus {
  enum class Kind { Exit, Signal, Stopped };
  int line = 0;
  Kind kind = Kind::Exit;
  int code = 0;    // Exit
  int signal = 0;  // Signal, Stopped
  std::string signal_name;
  std::optional<bool> core;  // Signal: `core` / `nocore`; unset means either
  std::optional<double> at;  // `@T exit 0`: the end must come in the timing window too
  std::optional<double> late;
  std::string describe() const;
};

struct Trace {
  std::string file;
  std::vector<std::string> description;  // leading comment lines, without '# '
  std::vector<std::string> claims;
  double timeout = 10.0;
  std::optional<double> late;  // %late, per-file lateness allowance
  std::vector<std::string> requires_features;
  std::vector<std::string> labels;
  std::vector<std::string> args;
  std::string program;  // %program <area>/<name>: run another trace's program
  std::vector<Item> items;
  std::vector<Stimulus> stimuli;
  EndStatus end;

  std::size_t expected_line_count() const;
};

// A malformed trace: BROKEN with `file:line: message`.
class TraceError : public std::runtime_error {
 public:
  TraceError(std::string file, int line, const std::string& message);
  const std::string& file() const { return file_; }
  int line() const { return line_; }
  const std::string& message() const { return message_; }

 private:
  std::string file_;
  int line_;
  std::string message_;
};

Trace parse_trace(const std::string& text, const std::string& file_name);
Trace load_trace(const std::string& path);

// Host signal numbers by name ("SIGINT" or "INT"); 0 when unknown.
int signal_number(const std::string& name);
// "SIGINT" for a host signal number; "SIG<n>" when it has no name.
std::string signal_name(int sig);

}  // namespace procsync
