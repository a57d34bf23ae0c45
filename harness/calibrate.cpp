#include "calibrate.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cmath>

namespace procsync {

void add_result(RunNeed& need, const nlohmann::json& result, double timeout, double allowance) {
  const std::string name = result.value("name", "");
  ++need.tests;
  const double factor = result.value("time_factor", 1.0);
  if (need.tests == 1)
    need.time_factor = factor;
  else if (need.time_factor != factor)
    need.time_factor = 0;
  const std::string verdict = result.value("verdict", "");
  if (verdict == "TIMEOUT") need.timed_out.push_back(name);
  // Only a run that kept to its trace but for lateness says how slow the platform is: in any
  // other failure a line may be matched out of place or waited for by a broken mechanism.
  bool late_only = verdict == "FAIL";
  for (const auto& d : result.value("divergences", nlohmann::json::array())) {
    const std::string problem = d.value("problem", "");
    if (problem.find("late by") == std::string::npos) late_only = false;
  }
  if (verdict != "PASS" && !late_only) {
    ++need.not_timing_evidence;
    return;
  }
  for (const auto& t : result.value("timing", nlohmann::json::array())) {
    const double a = t.value("allowance", allowance);
    if (!(a > 0)) continue;
    const double n = t.value("lateness", 0.0) / a;
    if (n > need.lateness_need) {
      need.lateness_need = n;
      need.lateness_test = name;
    }
  }
  if (timeout > 0) {
    const double n = result.value("duration", 0.0) / timeout;
    if (n > need.timeout_need) {
      need.timeout_need = n;
      need.timeout_test = name;
    }
  }
}

Recommendation recommend_factor(const std::vector<RunNeed>& runs, double margin) {
  Recommendation r;
  for (const auto& n : runs) {
    if (n.lateness_need > r.worst) {
      r.worst = n.lateness_need;
      r.from = fmt::format("{}: {} (lateness)", n.run, n.lateness_test);
    }
    if (n.timeout_need > r.worst) {
      r.worst = n.timeout_need;
      r.from = fmt::format("{}: {} (duration)", n.run, n.timeout_test);
    }
  }
  r.factor = std::max(1, static_cast<int>(std::ceil(r.worst * margin - 1e-9)));
  return r;
}

std::string render_calibration(const std::vector<RunNeed>& runs, const Recommendation& r,
                               double margin) {
  std::string out =
      "| run | tests | not timing evidence | factor used | worst lateness / allowance | worst "
      "duration / %timeout | timed out |\n|---|---|---|---|---|---|---|\n";
  for (const auto& n : runs)
    out += fmt::format(
        "| {} | {} | {} | {} | {:.2f} ({}) | {:.2f} ({}) | {} |\n", n.run, n.tests,
        n.not_timing_evidence, n.time_factor > 0 ? fmt::format("{:g}", n.time_factor) : "mixed",
        n.lateness_need, n.lateness_test.empty() ? "-" : n.lateness_test, n.timeout_need,
        n.timeout_test.empty() ? "-" : n.timeout_test, fmt::join(n.timed_out, ", "));
  out += fmt::format(
      "\nrecommended time factor: {} (worst need {:.2f}, {}; margin x{:g}, rounded up)\n", r.factor,
      r.worst, r.from.empty() ? "nothing timed" : r.from, margin);
  bool any_timeout = false;
  for (const auto& n : runs) any_timeout = any_timeout || !n.timed_out.empty();
  if (any_timeout)
    out +=
        "warning: some tests timed out, so their need is not measured: re-run them at a "
        "larger factor before trusting the recommendation\n";
  return out;
}

}  // namespace procsync
