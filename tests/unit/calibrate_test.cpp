// The time factor recommended from measured lateness.
#include "calibrate.hpp"

#include <doctest/doctest.h>

using namespace procsync;
using nlohmann::json;

namespace {
json result(const std::string& name, double lateness, double allowance, double duration,
            const std::string& verdict = "PASS") {
  return json{{"name", name},
              {"verdict", verdict},
              {"duration", duration},
              {"time_factor", 3.0},
              {"timing", {{{"lateness", lateness}, {"allowance", allowance}}}}};
}
}  // namespace

TEST_CASE("Calibrate.WorstLinePerRun") {
  RunNeed n;
  n.run = "r1";
  add_result(n, result("a", 0.25, 0.5, 1.0), 5, 0.5);  // needs 0.5
  add_result(n, result("b", 0.9, 0.3, 1.0), 5, 0.5);   // needs 3.0
  add_result(n, result("c", 0.1, 0.5, 8.0), 4, 0.5);   // duration needs 2.0
  CHECK(n.tests == 3);
  CHECK(n.lateness_need == doctest::Approx(3.0));
  CHECK(n.lateness_test == "b");
  CHECK(n.timeout_need == doctest::Approx(2.0));
  CHECK(n.timeout_test == "c");
  CHECK(n.time_factor == doctest::Approx(3.0));
}

TEST_CASE("Calibrate.AllowanceFromTheTraceForOlderResults") {
  RunNeed n;
  json r = result("a", 0.6, 0, 1.0);
  r["timing"][0].erase("allowance");
  add_result(n, r, 0, 0.2);
  CHECK(n.lateness_need == doctest::Approx(3.0));
  CHECK(n.timeout_need == 0);  // no %timeout known
}

TEST_CASE("Calibrate.SmallestSafeFactorOverRuns") {
  RunNeed a, b;
  a.run = "quiet";
  a.lateness_need = 0.3;
  a.lateness_test = "x";
  b.run = "loaded";
  b.lateness_need = 1.04;
  b.lateness_test = "y";
  b.timeout_need = 0.71;
  const Recommendation r = recommend_factor({a, b}, 2.0);
  CHECK(r.worst == doctest::Approx(1.04));
  CHECK(r.factor == 3);  // ceil(2.08)
  CHECK(r.from == "loaded: y (lateness)");
  CHECK(recommend_factor({a}, 2.0).factor == 1);
  CHECK(recommend_factor({}, 2.0).factor == 1);
  RunNeed exact;
  exact.lateness_need = 1.5;
  CHECK(recommend_factor({exact}, 2.0).factor == 3);
}

TEST_CASE("Calibrate.OnlyPassesAndLatenessOnlyFailuresCount") {
  RunNeed n;
  json wrong = result("wrong_text", 30, 0.5, 1.0, "FAIL");
  wrong["divergences"] =
      json::array({json{{"problem", "wrong text"}}, json{{"problem", "late by 15.000 s"}}});
  add_result(n, wrong, 5, 0.5);
  CHECK(n.lateness_need == 0);
  CHECK(n.not_timing_evidence == 1);
  json late = result("late", 1.5, 0.5, 1.0, "FAIL");
  late["divergences"] = json::array({json{{"problem", "late by 1.500 s"}}});
  add_result(n, late, 5, 0.5);
  CHECK(n.lateness_need == doctest::Approx(3.0));
  CHECK(n.lateness_test == "late");
}

TEST_CASE("Calibrate.TimeoutsAreFlagged") {
  RunNeed n;
  add_result(n, result("hung", 0, 0.5, 15, "TIMEOUT"), 5, 0.5);
  CHECK(n.timed_out == std::vector<std::string>{"hung"});
  CHECK(n.timeout_need == 0);
  CHECK(n.not_timing_evidence == 1);
  const std::string out = render_calibration({n}, recommend_factor({n}, 2), 2);
  CHECK(out.find("warning: some tests timed out") != std::string::npos);
}
