// Reading the program's start mark (fixtures/protocol.hpp): its time zero and protocol version.
#pragma once

#include <optional>
#include <string_view>

namespace procsync {

struct StartMark {
  double stamp = 0;            // the program's CLOCK_MONOTONIC, in seconds
  std::optional<int> version;  // unset when the mark names no protocol (an older program)
  std::optional<long> pid;     // the program's own pid (protocol 3 on)
};

// "start <seconds>.<nanoseconds> protocol <N> pid <P>" (older programs: without the pid, or
// without protocol and pid) with or without the newline; nullopt when
// the line is no start mark at all.
std::optional<StartMark> parse_start_mark(std::string_view line);

}  // namespace procsync
