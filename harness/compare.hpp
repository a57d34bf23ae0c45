// The comparator: lines up an observation with an expected trace and names each divergence.
// It states facts; judge() (verdict.hpp) turns them into a verdict.
#pragma once

#include <string>
#include <vector>

#include "observation.hpp"
#include "trace.hpp"

namespace procsync {

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
  std::string summary;  // the first divergence in words (empty when all agrees)
  std::vector<Row> rows;
  std::string end_problem;  // empty when the end status agrees
  bool agrees() const { return summary.empty() && end_problem.empty(); }
};

Comparison compare(const Trace& trace, const Observation& obs, const Timing& timing);

}  // namespace procsync
