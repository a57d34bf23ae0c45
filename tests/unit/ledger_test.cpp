// A port's divergence ledger: loading, and what a verdict means against it.
#include "ledger.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "conformance.hpp"
#include "result_record.hpp"

using namespace procsync;
using nlohmann::json;

namespace {

const char* kLedger = R"(port: qemu-test
platform: a test emulator
divergences:
  - test: signal/kill_probe
    claim: SIG-02
    verdict: FAIL
    class: emulator limitation
    summary: signal 0 is refused
    cause:
      project: QEMU
      source: linux-user/signal.c
      function: do_kill
      report: QEMU issue 1
    seen_on: [qemu-user 7.2]
    reproducer: qemu-x kill -0 1
    analysis: docs/ports.md#sig-02
  - test: signal/kill_term
    verdict: TIMEOUT
    class: kernel difference
    summary: SIGTERM never arrives
    cause: {project: Linux, source: kernel/signal.c, function: kill_pid_info}
    seen_on: [Linux 6.1]
  - claim: SCN-01
    verdict: UNSUPPORTED
    class: suite premise
    summary: the scenario needs a terminal
    cause: {project: procsync, source: suite/scenario/tutorial.cpp, function: main}
    seen_on: [any]
)";

json result(const std::string& name, const std::string& claim, const std::string& verdict) {
  return json{{"schema", ResultRecord::kSchemaVersion},
              {"launcher", json::array()},
              {"time_factor", 1.0},
              {"startup_latency", 0.0},
              {"observed", json::array()},
              {"name", name},
              {"claims", {claim}},
              {"verdict", verdict},
              {"reason", verdict == "PASS" ? "" : "line 4: wrong text"},
              {"duration", 1.0},
              {"end", "exit 0"},
              {"text", "procsync: " + name + ": " + verdict + "\n"},
              {"measures", json::object()},
              {"max_lateness", 0.0},
              {"started", "2026-12-01T08:00:01.250Z"},
              {"hostname", "runner-7"},
              {"attempts", json::array({json{{"attempt", 1},
                                             {"verdict", verdict},
                                             {"reason", ""},
                                             {"started", "2026-12-01T08:00:01.250Z"},
                                             {"duration", 1.0},
                                             {"end", "exit 0"},
                                             {"text", ""},
                                             {"observed", json::array()}}})}};
}

const char* kCatalogue =
    "## SIG — signals\n\n| ID | behaviour |\n|---|---|\n"
    "| SIG-01 | sending a signal delivers it |\n| SIG-02 | signal 0 probes a pid |\n"
    "| SIG-03 | a negative pid reaches a group |\n\n"
    "## SCN — scenarios\n\n| ID | scenario |\n|---|---|\n| SCN-01 | one handler |\n";

}  // namespace

TEST_CASE("Ledger.LoadsEveryField") {
  const Ledger l = parse_ledger(kLedger, "qemu-test.yaml");
  CHECK(l.port == "qemu-test");
  REQUIRE(l.entries.size() == 3);
  const Divergence& d = l.entries[0];
  CHECK(d.test == "signal/kill_probe");
  CHECK(d.claim == "SIG-02");
  CHECK(d.verdict == Verdict::Fail);
  CHECK(d.divergence_class == "emulator limitation");
  CHECK(d.cause.source == "linux-user/signal.c");
  CHECK(d.cause.function == "do_kill");
  CHECK(d.cause.report == "QEMU issue 1");
  CHECK(d.seen_on == std::vector<std::string>{"qemu-user 7.2"});
  CHECK(d.reproducer == "qemu-x kill -0 1");
  CHECK(l.entries[1].verdict == Verdict::Timeout);
  CHECK(l.entries[2].test.empty());
}

TEST_CASE("Ledger.FindsByTestThenByClaim") {
  const Ledger l = parse_ledger(kLedger, "qemu-test.yaml");
  CHECK(l.find("signal/kill_probe", {"SIG-02"}) == &l.entries[0]);
  CHECK(l.find("scenario/tutorial", {"SCN-01"}) == &l.entries[2]);
  CHECK(l.find("signal/other", {"SIG-03"}) == nullptr);
}

TEST_CASE("Ledger.RejectsIncompleteOrWrongEntries") {
  const auto bad = [](const std::string& entry) {
    return "port: p\ndivergences:\n  - " + entry + "\n";
  };
  const std::string cause = "cause: {project: Q, source: a.c, function: f}, seen_on: [v1]";
  // Flow style keeps each case on one line.
  CHECK_NOTHROW(parse_ledger(
      bad("{test: a/b, verdict: FAIL, class: libc difference, summary: s, " + cause + "}"), "f"));
  CHECK_THROWS_AS(parse_ledger(bad("{test: a/b, verdict: PASS, class: libc difference, "
                                   "summary: s, " +
                                   cause + "}"),
                               "f"),
                  LedgerError);
  CHECK_THROWS_AS(
      parse_ledger(bad("{test: a/b, verdict: FAIL, class: cosmic rays, summary: s, " + cause + "}"),
                   "f"),
      LedgerError);
  // A language runtime (PyPy running the Python flavour) is a class of its own.
  CHECK_NOTHROW(parse_ledger(
      bad("{test: a/b.py, verdict: FAIL, class: runtime difference, summary: s, " + cause + "}"),
      "f"));
  CHECK_THROWS_AS(parse_ledger(bad("{test: a/b, verdict: FAIL, class: libc difference, summary: "
                                   "s, seen_on: [v1]}"),
                               "f"),
                  LedgerError);
  CHECK_THROWS_AS(parse_ledger(bad("{test: a/b, verdict: FAIL, class: libc difference, summary: "
                                   "s, cause: {project: Q, source: a.c, function: f}}"),
                               "f"),
                  LedgerError);
  CHECK_THROWS_AS(parse_ledger(bad("{test: a/b, verdict: FAIL, class: libc difference, summary: "
                                   "s, typo: 1, " +
                                   cause + "}"),
                               "f"),
                  LedgerError);
  CHECK_THROWS_AS(parse_ledger("port: p\ndivergences: [\n", "f"), LedgerError);
  try {
    parse_ledger(bad("{test: a/b, verdict: FAIL, class: x, summary: s, " + cause + "}"),
                 "ports/p.yaml");
    FAIL("no error");
  } catch (const LedgerError& e) {
    CHECK(std::string(e.what()).rfind("ports/p.yaml:3: class 'x'", 0) == 0);
  }
}

TEST_CASE("Ledger.OneFilePerPortAndNoneMeansNoDivergences") {
  const auto dir = std::filesystem::temp_directory_path() / "procsync-ledger-test";
  std::filesystem::create_directories(dir);
  {
    std::ofstream(dir / "qemu-test.yaml") << kLedger;
    std::ofstream(dir / "misnamed.yaml") << kLedger;
  }
  CHECK(load_port_ledger(dir.string(), "qemu-test").entries.size() == 3);
  const Ledger none = load_port_ledger(dir.string(), "riscv64");
  CHECK(none.port == "riscv64");
  CHECK(none.file.empty());
  CHECK(none.entries.empty());
  CHECK(load_port_ledger(dir.string(), "").entries.empty());
  CHECK_THROWS_AS(load_port_ledger(dir.string(), "misnamed"), LedgerError);
  CHECK_THROWS_AS(load_port_ledger(dir.string(), "../etc"), LedgerError);
  std::filesystem::remove_all(dir);
}

TEST_CASE("Ledger.ExpectedUnexpectedStale") {
  Divergence fail;
  fail.verdict = Verdict::Fail;
  CHECK(classify(Verdict::Fail, &fail) == Expectation::Expected);
  CHECK(classify(Verdict::Pass, &fail) == Expectation::Stale);
  CHECK(classify(Verdict::Timeout, &fail) == Expectation::Unexpected);
  CHECK(classify(Verdict::Broken, &fail) == Expectation::Unexpected);
  CHECK(classify(Verdict::Unsupported, &fail) == Expectation::Stale);
  CHECK(classify(Verdict::Fail, nullptr) == Expectation::Unexpected);
  CHECK(classify(Verdict::Pass, nullptr) == Expectation::Unlisted);
  CHECK(classify(Verdict::Unsupported, nullptr) == Expectation::Unlisted);
  CHECK_FALSE(gate_fails(0, 0, false));
  CHECK(gate_fails(1, 0, true));
  CHECK(gate_fails(0, 1, false));
  CHECK_FALSE(gate_fails(0, 1, true));
}

TEST_CASE("Ledger.AnnotatesTheReportInEveryFormat") {
  json c = build_conformance(
      {result("signal/kill_probe", "SIG-02", "FAIL"), result("signal/kill_term", "SIG-01", "PASS"),
       result("signal/kill_group", "SIG-03", "FAIL"),
       result("scenario/tutorial", "SCN-01", "UNSUPPORTED")},
      parse_catalogue(kCatalogue), json::object());
  apply_ledger(c, parse_ledger(kLedger, "ports/qemu-test.yaml"));
  CHECK(c["ledger"]["expected"] == 2);
  CHECK(c["ledger"]["unexpected"] == 1);
  CHECK(c["ledger"]["stale"] == 1);
  const auto test = [&](const std::string& name) {
    for (const auto& t : c["tests"])
      if (t["name"] == name) return t;
    return json();
  };
  CHECK(test("signal/kill_probe")["expectation"] == "EXPECTED");
  CHECK(test("signal/kill_probe")["divergence"]["cause"]["function"] == "do_kill");
  CHECK(test("signal/kill_term")["expectation"] == "STALE");
  CHECK(test("signal/kill_group")["expectation"] == "UNEXPECTED");
  CHECK(test("scenario/tutorial")["expectation"] == "EXPECTED");

  const std::string ktap = render_ktap(c);
  CHECK(ktap.find("ok 3 signal/kill_probe # XFAIL\n") != std::string::npos);
  CHECK(ktap.find("# signal/kill_probe: EXPECTED FAIL: known divergence: signal 0 is refused") !=
        std::string::npos);
  CHECK(ktap.find("not ok 2 signal/kill_group\n") != std::string::npos);
  CHECK(ktap.find("# signal/kill_term: STALE: the ledger expects TIMEOUT") != std::string::npos);
  CHECK(ktap.find("not ok 4 signal/kill_term\n") != std::string::npos);
  CHECK(ktap.find("xfail:2") != std::string::npos);
  CHECK(ktap.find("xpass:1") != std::string::npos);
  const std::string junit = render_junit(c);
  CHECK(junit.find("EXPECTED FAIL: known divergence: signal 0 is refused") != std::string::npos);
  CHECK(junit.find("type=\"STALE\"") != std::string::npos);
  CHECK(junit.find("<testsuites name=\"procsync\" tests=\"4\" failures=\"2\"") !=
        std::string::npos);  // kill_group, stale kill_term
  const std::string md = render_markdown(c);
  CHECK(md.find("1 unexpected, 1 stale") != std::string::npos);
  CHECK(md.find("**STALE**: the port may have fixed it") != std::string::npos);
  CHECK(md.find("signal/kill_probe — FAIL (EXPECTED: known divergence)") != std::string::npos);

  // A stale entry may be accepted: then it passes the JUnit and KTAP gate, loudly.
  c["ledger"]["allow_stale"] = true;
  CHECK(render_junit(c).find("tests=\"4\" failures=\"1\"") != std::string::npos);
  CHECK(render_console(c).find("STALE signal/kill_term") != std::string::npos);
}

TEST_CASE("Ledger.DiffListsKnownDivergencesApart") {
  const auto run = [&](const std::string& probe) {
    return build_conformance({result("signal/kill_probe", "SIG-02", probe),
                              result("signal/kill_term", "SIG-01", "PASS")},
                             parse_catalogue(kCatalogue), json::object());
  };
  const json host = run("PASS");
  json port = run("FAIL");
  const Ledger l = parse_ledger(kLedger, "q.yaml");
  apply_ledger(port, l);
  port["ledger"]["allow_stale"] = true;
  RunDiff d = diff_runs(host, port, 0.2);
  CHECK(d.newly_failing.empty());
  CHECK(d.known_divergences.size() == 1);
  CHECK(d.stale.size() == 1);  // kill_term passes, the ledger expects TIMEOUT
  CHECK_FALSE(d.regressed());
  port["ledger"]["allow_stale"] = false;
  CHECK(diff_runs(host, port, 0.2).regressed());
  json unlisted = run("FAIL");
  apply_ledger(unlisted, Ledger{});
  CHECK(diff_runs(host, unlisted, 0.2).newly_failing.size() == 1);
}
