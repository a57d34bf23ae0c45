// The time factor from measurement: what each run's timed lines and durations needed, and the
// smallest factor that covers the worst of them with a margin.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace procsync {

// The largest need of one run: lateness / allowance over every timed line, and duration /
// %timeout over every test; the test each came from.
struct RunNeed {
  std::string run;
  int tests = 0;
  double lateness_need = 0;
  std::string lateness_test;
  double timeout_need = 0;
  std::string timeout_test;
  std::vector<std::string> timed_out;  // TIMEOUT results: their need is unknown (too small)
  int not_timing_evidence = 0;  // failed otherwise than by lateness: their times are not used
  double time_factor = 0;       // the factor the run used (0 when the results disagree)
};

// Folds one per-test result (`procsync run --json`) into the run's need: a PASS, or a FAIL
// whose every divergence is lateness; any other result is counted as not timing evidence.
// `timeout` is the trace's %timeout (0 when unknown); a timing entry without "allowance" uses
// `allowance`.
void add_result(RunNeed& need, const nlohmann::json& result, double timeout, double allowance);

struct Recommendation {
  double worst = 0;  // the largest need over all runs
  std::string from;  // "run: test (lateness|duration)"
  int factor = 1;    // ceil(worst * margin), at least 1
};
Recommendation recommend_factor(const std::vector<RunNeed>& runs, double margin);

std::string render_calibration(const std::vector<RunNeed>& runs, const Recommendation& r,
                               double margin);

}  // namespace procsync
