// The conformance report and the comparison of two runs.
#include "conformance.hpp"

#include <doctest/doctest.h>

#include "result_record.hpp"

using namespace procsync;
using nlohmann::json;

namespace {
const char* kCatalogue =
    "# The behaviour catalogue\n\n"
    "## SIG — signals\n\n"
    "| ID | behaviour | mechanism |\n|---|---|---|\n"
    "| SIG-01 | sending a signal delivers it | `kill` |\n"
    "| SIG-02 | signal 0 probes a pid | `kill(pid, 0)` |\n"
    "| SIG-03 | a negative pid reaches a group | |\n\n"
    "## SCN — the tutorial's worked examples\n\n"
    "| ID | scenario |\n|---|---|\n"
    "| SCN-01 | one handler for two signals |\n";

json result(const std::string& name, const std::string& claim, const std::string& verdict,
            double duration = 1.0) {
  return json{{"schema", ResultRecord::kSchemaVersion},
              {"launcher", json::array()},
              {"time_factor", 1.0},
              {"startup_latency", 0.0},
              {"observed", json::array()},
              {"name", name},
              {"claims", {claim}},
              {"verdict", verdict},
              {"reason", verdict == "PASS" ? "" : "line 4: late by 1.000 s: expected \"x\""},
              {"duration", duration},
              {"end", "exit 0"},
              {"text", "procsync: " + name + ": " + verdict + "\n   the table\n"},
              {"measures", json::object()},
              {"max_lateness", 0.01}};
}

json sample_run() {
  return build_conformance(
      {result("signal/kill_term", "SIG-01", "PASS"), result("signal/kill_probe", "SIG-02", "FAIL"),
       result("scenario/tutorial", "SCN-01", "UNSUPPORTED")},
      parse_catalogue(kCatalogue), json{{"kernel", "Linux"}});
}
}  // namespace

TEST_CASE("Conformance.CatalogueRowsAndAreas") {
  const auto rows = parse_catalogue(kCatalogue);
  REQUIRE(rows.size() == 4);
  CHECK(rows[0].id == "SIG-01");
  CHECK(rows[0].area == "SIG — signals");
  CHECK(rows[1].title == "signal 0 probes a pid");
  CHECK(rows[3].id == "SCN-01");
}

TEST_CASE("Conformance.VerdictsPerBehaviourWithNotCovered") {
  const auto c = sample_run();
  CHECK(c["totals"]["PASS"] == 1);
  CHECK(c["totals"]["FAIL"] == 1);
  CHECK(c["totals"]["UNSUPPORTED"] == 1);
  CHECK(c["totals"]["NOT COVERED"] == 1);
  CHECK(c["behaviours"][2]["id"] == "SIG-03");
  CHECK(c["behaviours"][2]["verdict"] == "NOT COVERED");
  CHECK(c["behaviours"][1]["verdict"] == "FAIL");
  CHECK(c["behaviours"][1]["note"] == "line 4: late by 1.000 s: expected \"x\"");
  CHECK(c["areas"]["SIG"]["FAIL"] == 1);
}

TEST_CASE("Conformance.AFailureShowsInEveryFormat") {
  const auto c = sample_run();
  const std::string md = render_markdown(c);
  CHECK(
      md.find("| SIG-02 | signal 0 probes a pid | `signal/kill_probe` | **FAIL** | line 4: late") !=
      std::string::npos);
  CHECK(md.find("| SIG-03 | a negative pid reaches a group |  | **NOT COVERED** |") !=
        std::string::npos);
  CHECK(md.find("### signal/kill_probe — FAIL") != std::string::npos);
  const std::string junit = render_junit(c);
  CHECK(junit.find("<failure message=\"FAIL: line 4: late by 1.000 s") != std::string::npos);
  CHECK(junit.find("<skipped message=") != std::string::npos);
  const std::string ktap = render_ktap(c);
  CHECK(ktap.rfind("KTAP version 1\n1..3\n", 0) == 0);
  CHECK(ktap.find("not ok 2 signal/kill_probe") != std::string::npos);
  CHECK(ktap.find("ok 1 scenario/tutorial # SKIP") != std::string::npos);
  CHECK(ktap.find("# procsync: signal/kill_probe: FAIL") != std::string::npos);
  const std::string console = render_console(c);
  CHECK(console.find("3 tests: 1 passed, 1 failed") != std::string::npos);
  CHECK(console.find("FAIL signal/kill_probe: line 4") != std::string::npos);
}

TEST_CASE("Conformance.DiffNamesExactlyTheBehaviourThatChanged") {
  const auto a = build_conformance(
      {result("signal/a", "SIG-01", "PASS"), result("signal/b", "SIG-02", "PASS")},
      parse_catalogue(kCatalogue), json::object());
  const auto b = build_conformance(
      {result("signal/a", "SIG-01", "PASS"), result("signal/b", "SIG-02", "FAIL")},
      parse_catalogue(kCatalogue), json::object());
  const auto d = diff_runs(a, b, 0.2);
  REQUIRE(d.newly_failing.size() == 1);
  CHECK(d.newly_failing[0].rfind("signal/b: PASS -> FAIL", 0) == 0);
  CHECK(d.regressed());
  CHECK(d.timing_moved.empty());
  const auto back = diff_runs(b, a, 0.2);
  CHECK_FALSE(back.regressed());
  CHECK(back.newly_passing.size() == 1);
}

TEST_CASE("Conformance.DiffReportsTimingThatMoved") {
  const auto a = build_conformance({result("signal/a", "SIG-01", "PASS", 1.0)},
                                   parse_catalogue(kCatalogue), json::object());
  const auto b = build_conformance({result("signal/a", "SIG-01", "PASS", 1.5)},
                                   parse_catalogue(kCatalogue), json::object());
  CHECK(diff_runs(a, b, 0.2).timing_moved.size() == 1);
  CHECK(diff_runs(a, b, 1.0).timing_moved.empty());
  CHECK_FALSE(diff_runs(a, b, 0.2).regressed());
}

TEST_CASE("Conformance.DiffTreatsAMissingTestAsARegression") {
  const auto a = build_conformance({result("signal/a", "SIG-01", "PASS")},
                                   parse_catalogue(kCatalogue), json::object());
  const auto b = build_conformance({}, parse_catalogue(kCatalogue), json::object());
  CHECK(diff_runs(a, b, 0.2).regressed());
}

TEST_CASE("ResultRecord.RoundTripAndSchema") {
  ResultRecord r;
  r.name = "signal/x";
  r.claims = {"SIG-01"};
  r.verdict = Verdict::Timeout;
  r.reason = "did not end";
  r.measures = {{"ratio", 2.5}};
  r.launcher = {"qemu-mips", "-L", "/usr/mips-linux-gnu"};
  r.time_factor = 3;
  json j{{"stderr", "kept beside the record"}};
  write_record(j, r);
  const ResultRecord back = read_record(j);
  CHECK(back.name == r.name);
  CHECK(back.claims == r.claims);
  CHECK(back.verdict == Verdict::Timeout);
  CHECK(back.measures == r.measures);
  CHECK(back.launcher == r.launcher);
  CHECK(back.time_factor == 3);

  j["schema"] = ResultRecord::kSchemaVersion + 1;
  const ResultRecord other = read_record(j);
  CHECK(other.verdict == Verdict::Broken);
  CHECK(other.reason.find("schema") != std::string::npos);
  j.erase("schema");
  CHECK(read_record(j).verdict == Verdict::Broken);
  j["schema"] = ResultRecord::kSchemaVersion;
  j.erase("verdict");
  CHECK(read_record(j).verdict == Verdict::Broken);
}
