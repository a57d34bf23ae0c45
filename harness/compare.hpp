// The comparator: judges an observation against an expected trace.
#pragma once

#include <string>
#include <vector>

#include "observation.hpp"
#include "trace.hpp"

namespace procsync {

enum class Verdict { Pass, Fail, Unsupported, Timeout, Broken };
const char* verdict_name(Verdict v);
int verdict_exit_code(Verdict v);  // what CTest sees

// The timing rule: a line expected at T must arrive in [T - early, T + late * factor].
struct Timing {
  static constexpr double kEarly = 0.010;      // clock noise only; never scaled
  static constexpr double kDefaultLate = 0.5;  // when the trace has no %late
  double early = kEarly;
  double late = kDefaultLate;
  double factor = 1.0;
};

// One row of the side-by-side view: an expected line, an observed line, or both.
struct Row {
  const Expect* expect = nullptr;  // points into the Trace
  int observed = -1;               // index into Observation::lines
  std::string problem;             // empty when the pair agrees
  double window_from = 0;          // the allowed window, for timed expectations
  double window_to = 0;
};

struct Comparison {
  Verdict verdict = Verdict::Pass;
  std::string summary;  // the first divergence in words (empty on PASS)
  std::vector<Row> rows;
  std::string end_problem;  // empty when the end status agrees
};

Comparison compare(const Trace& trace, const Observation& obs, const Timing& timing);

}  // namespace procsync
