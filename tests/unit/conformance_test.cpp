// The conformance report and the comparison of two runs.
#include "conformance.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <pugixml.hpp>
#include <sstream>

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

json attempt(int n, const std::string& verdict) {
  return json{{"attempt", n},
              {"verdict", verdict},
              {"reason", verdict == "PASS" ? "" : "line 4: late by 1.000 s: expected \"x\""},
              {"started", fmt::format("2026-12-01T08:00:0{}.250Z", n)},
              {"duration", 1.0},
              {"end", "exit 0"},
              {"text", fmt::format("procsync: attempt {}: {}\n   the table\n", n, verdict)},
              {"observed", json::array()}};
}

// A result as `procsync run` writes it; `attempts` the verdicts of its runs (by default the
// one run, of the test's verdict).
json result(const std::string& name, const std::string& claim, const std::string& verdict,
            double duration = 1.0, std::vector<std::string> attempts = {}) {
  if (attempts.empty()) attempts = {verdict};
  json all = json::array();
  for (std::size_t i = 0; i < attempts.size(); ++i)
    all.push_back(attempt(static_cast<int>(i) + 1, attempts[i]));
  std::string reason = verdict == "PASS" ? "" : "line 4: late by 1.000 s: expected \"x\"";
  if (verdict == "UNSUPPORTED") reason = "needs eventfd, which configure did not find on this host";
  return json{{"schema", ResultRecord::kSchemaVersion},
              {"launcher", json::array()},
              {"time_factor", 1.0},
              {"startup_latency", 0.0},
              {"observed", json::array()},
              {"name", name},
              {"claims", {claim}},
              {"verdict", verdict},
              {"reason", reason},
              {"duration", duration},
              {"end", "exit 0"},
              {"text", "procsync: " + name + ": " + verdict + "\n   the table\n"},
              {"measures", json::object()},
              {"max_lateness", 0.01},
              {"started", all[0]["started"]},
              {"hostname", "runner-7"},
              {"attempts", all}};
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
  CHECK(console.find("3 tests: 1 passed, 0 flaky, 1 failed") != std::string::npos);
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

namespace {

// One test of each verdict, in two areas; the flaky one failed once, the failing one failed
// on its retry too.
json every_verdict() {
  return build_conformance(
      {result("signal/kill_term", "SIG-01", "PASS"),
       result("signal/kill_probe", "SIG-02", "FAIL", 1.0, {"FAIL", "FAIL"}),
       result("signal/group", "SIG-03", "FLAKY", 1.0, {"FAIL", "PASS"}),
       result("scenario/hang", "SCN-01", "TIMEOUT"), result("scenario/broken", "SCN-01", "BROKEN"),
       result("scenario/unsupported", "SCN-01", "UNSUPPORTED")},
      parse_catalogue(kCatalogue), json{{"kernel", "Linux 6.1"}});
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

}  // namespace

TEST_CASE("Conformance.SchemaVersionAndFlakyTotals") {
  const auto c = every_verdict();
  CHECK(c["schema"] == kConformanceSchemaVersion);
  CHECK(c["totals"]["FLAKY"] == 1);
  CHECK(c["totals"]["PASS"] == 1);
  CHECK(c["areas"]["SIG"]["FLAKY"] == 1);
  const auto& flaky = c["tests"][3];
  REQUIRE(flaky["name"] == "signal/group");
  CHECK(flaky["attempts"].size() == 2);
  CHECK(flaky["first_divergence"] == "line 4: late by 1.000 s: expected \"x\"");
  CHECK(flaky["hostname"] == "runner-7");
  CHECK(c["behaviours"][2]["verdict"] == "FLAKY");
}

TEST_CASE("Conformance.KtapDirectivesAndKselftestTotals") {
  const auto lines = lines_of(render_ktap(every_verdict()));
  const auto has = [&](const std::string& l) {
    return std::find(lines.begin(), lines.end(), l) != lines.end();
  };
  CHECK(lines[0] == "KTAP version 1");
  CHECK(lines[1] == "1..6");
  // Sorted by name: scenario/broken, scenario/hang, scenario/unsupported, signal/group, ...
  CHECK(has("not ok 1 scenario/broken # ERROR"));
  CHECK(has("not ok 2 scenario/hang # TIMEOUT"));
  CHECK(has("ok 3 scenario/unsupported # SKIP unsupported"));
  CHECK(has("ok 4 signal/group"));
  CHECK(has("not ok 5 signal/kill_probe"));
  CHECK(has("ok 6 signal/kill_term"));
  // The platform's reason on a diagnostic line just before the result, not in it.
  const auto skip =
      std::find(lines.begin(), lines.end(), "ok 3 scenario/unsupported # SKIP unsupported");
  CHECK(*(skip - 1) ==
        "# scenario/unsupported: UNSUPPORTED: needs eventfd, which configure did not find on this "
        "host");
  // Every attempt of the flaky test is a diagnostic.
  CHECK(has("# signal/group: FLAKY after 2 attempts"));
  CHECK(
      has("# attempt 1: FAIL: line 4: late by 1.000 s: expected \"x\" [1.00 s, started "
          "2026-12-01T08:00:01.250Z]"));
  CHECK(has("# procsync: attempt 1: FAIL"));
  CHECK(lines.back() == "# Totals: pass:2 fail:2 xfail:0 xpass:0 skip:1 error:1");
  for (const auto& l : lines)
    CHECK_MESSAGE((l.rfind("#", 0) == 0 || l.rfind("ok ", 0) == 0 || l.rfind("not ok ", 0) == 0 ||
                   l == "KTAP version 1" || l == "1..6"),
                  l);
}

TEST_CASE("Conformance.JunitSuitesPerAreaWithRetriesAndClaimsOutsideProperties") {
  const std::string xml = render_junit(every_verdict());
  pugi::xml_document doc;
  REQUIRE(doc.load_string(xml.c_str()));
  const auto suites = doc.child("testsuites");
  CHECK(std::string(suites.attribute("tests").value()) == "6");
  CHECK(std::string(suites.attribute("failures").value()) == "2");
  CHECK(std::string(suites.attribute("errors").value()) == "1");
  std::vector<std::string> names;
  for (const auto suite : suites.children("testsuite")) {
    names.push_back(suite.attribute("name").value());
    CHECK(std::string(suite.attribute("hostname").value()) == "runner-7");
    CHECK(std::string(suite.attribute("timestamp").value()) == "2026-12-01T08:00:01");
    CHECK_FALSE(std::string(suite.attribute("time").value()).empty());
    CHECK(suite.child("properties").find_child_by_attribute("property", "name", "kernel"));
    for (const auto tc : suite.children("testcase")) {
      CHECK_FALSE(tc.child("properties"));
      CHECK(std::string(tc.child_value("system-out")).rfind("claims: ", 0) == 0);
    }
  }
  CHECK(names == std::vector<std::string>{"scenario", "signal"});
  const auto signal = suites.find_child_by_attribute("testsuite", "name", "signal");
  CHECK(std::string(signal.attribute("failures").value()) == "1");
  CHECK(std::string(signal.attribute("time").value()) == "5.000");  // every attempt counts
  const auto flaky = signal.find_child_by_attribute("testcase", "name", "signal/group");
  CHECK_FALSE(flaky.child("failure"));
  CHECK(std::string(flaky.child("flakyFailure").attribute("type").value()) == "FAIL");
  CHECK(std::string(flaky.child("flakyFailure").child_value("stackTrace")) ==
        "procsync: attempt 1: FAIL\n   the table\n");
  CHECK(std::string(flaky.child_value("system-out")).find("attempt 2: PASS") != std::string::npos);
  const auto failing = signal.find_child_by_attribute("testcase", "name", "signal/kill_probe");
  CHECK(failing.child("failure"));
  CHECK(std::string(failing.child("rerunFailure").attribute("message").value())
            .rfind("attempt 2: line 4", 0) == 0);
  const auto scenario = suites.find_child_by_attribute("testsuite", "name", "scenario");
  CHECK(scenario.find_child_by_attribute("testcase", "name", "scenario/hang").child("failure"));
  CHECK(scenario.find_child_by_attribute("testcase", "name", "scenario/broken").child("error"));
  CHECK(scenario.find_child_by_attribute("testcase", "name", "scenario/unsupported")
            .child("skipped"));
}

TEST_CASE("Conformance.JunitTextWithoutCharactersXmlCannotCarry") {
  json r = result("signal/x", "SIG-01", "FAIL");
  r["text"] = std::string(
      "a\x01"
      "b\x1b[0m\n");
  const std::string xml =
      render_junit(build_conformance({r}, parse_catalogue(kCatalogue), json::object()));
  pugi::xml_document doc;
  CHECK(doc.load_string(xml.c_str()));
  CHECK(xml.find('\x01') == std::string::npos);
  CHECK(xml.find("a\xEF\xBF\xBD"
                 "b") != std::string::npos);
}

TEST_CASE("Conformance.MarkdownAndConsoleShowEveryAttemptOfAFlakyTest") {
  const auto c = every_verdict();
  const std::string md = render_markdown(c);
  CHECK(md.find("## Flaky") != std::string::npos);
  CHECK(md.find("- `signal/group`: attempt 1: FAIL: line 4") != std::string::npos);
  CHECK(md.find("; attempt 2: PASS [1.00 s") != std::string::npos);
  CHECK(md.find("| SIG-03 | a negative pid reaches a group | `signal/group` | **FLAKY** |") !=
        std::string::npos);
  const std::string console = render_console(c);
  CHECK(console.find("1 passed, 1 flaky, 1 failed") != std::string::npos);
  CHECK(console.find("FLAKY signal/group: line 4") != std::string::npos);
}

TEST_CASE("Conformance.DiffListsANewlyFlakyTestWithoutARegression") {
  const auto a = build_conformance({result("signal/a", "SIG-01", "PASS")},
                                   parse_catalogue(kCatalogue), json::object());
  const auto b = build_conformance({result("signal/a", "SIG-01", "FLAKY", 1.0, {"FAIL", "PASS"})},
                                   parse_catalogue(kCatalogue), json::object());
  const auto d = diff_runs(a, b, 0.2);
  CHECK(d.newly_flaky.size() == 1);
  CHECK_FALSE(d.regressed());
}

TEST_CASE("ResultRecord.AttemptsRoundTrip") {
  const ResultRecord r =
      read_record(result("signal/x", "SIG-01", "FLAKY", 1.0, {"TIMEOUT", "PASS"}));
  CHECK(r.verdict == Verdict::Flaky);
  CHECK(r.hostname == "runner-7");
  CHECK(r.started == "2026-12-01T08:00:01.250Z");
  REQUIRE(r.attempts.size() == 2);
  CHECK(r.attempts[0].verdict == Verdict::Timeout);
  CHECK(r.attempts[1].verdict == Verdict::Pass);
  json j;
  write_record(j, r);
  CHECK(j["attempts"][1]["attempt"] == 2);
  CHECK(read_record(j).attempts.size() == 2);
}

TEST_CASE("ResultRecord.UtcTimestampIsRfc3339") {
  using namespace std::chrono;
  const system_clock::time_point t{milliseconds(1764577763123)};  // 2025-12-01 08:29:23.123
  CHECK(utc_timestamp(t) == "2025-12-01T08:29:23.123Z");
}
