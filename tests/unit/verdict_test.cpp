// The verdict policy, case by case: what each kind of run is judged, and in which order
// the rules apply when several hold.
#include "verdict.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>

#include <csignal>

#include "compare.hpp"
#include "protocol.hpp"
#include "start_mark.hpp"

using namespace procsync;
namespace protocol = ps::protocol;

namespace {

const Trace& two_lines() {
  static const Trace t = parse_trace("@0 a\n@1 b\nexit 0\n", "t.trace");
  return t;
}

// A run of two_lines() that agrees with it, as the runner would report it.
Observation good_run() {
  Observation o;
  o.lines = {{0.0, "a"}, {1.0, "b"}};
  o.end.kind = ObservedEnd::Kind::Exit;
  o.end_time = 1.0;
  o.start_mark = o.start_mark_seen = true;
  o.program_protocol = protocol::kVersion;
  return o;
}

Judgement judged(const Observation& o, const Trace& t = two_lines()) {
  Timing timing;
  const Comparison c = compare(t, o, timing);
  JudgeInput in;
  in.trace = &t;
  in.observation = &o;
  in.comparison = &c;
  return judge(in);
}

}  // namespace

TEST_CASE("Verdict.NamesExitCodesAndSeverity") {
  CHECK(verdict_name(Verdict::Pass) == "PASS");
  CHECK(verdict_name(Verdict::Unsupported) == "UNSUPPORTED");
  CHECK(verdict_exit_code(Verdict::Pass) == 0);
  CHECK(verdict_exit_code(Verdict::Fail) == 1);
  CHECK(verdict_exit_code(Verdict::Timeout) == 2);
  CHECK(verdict_exit_code(Verdict::Broken) == 3);
  CHECK(verdict_exit_code(Verdict::Unsupported) == protocol::kUnsupportedExit);
  for (const Verdict v : kAllVerdicts) CHECK(verdict_from_name(verdict_name(v)) == v);
  CHECK_FALSE(verdict_from_name("pass").has_value());
  CHECK(severity(Verdict::Broken) > severity(Verdict::Timeout));
  CHECK(severity(Verdict::Timeout) > severity(Verdict::Fail));
  CHECK(severity(Verdict::Fail) > severity(Verdict::Unsupported));
  CHECK(severity(Verdict::Unsupported) > severity(Verdict::Pass));
  CHECK(is_failure(Verdict::Broken));
  CHECK_FALSE(is_failure(Verdict::Unsupported));
}

TEST_CASE("Verdict.FlakyPassesCTestButRanksAboveUnsupported") {
  CHECK(verdict_name(Verdict::Flaky) == "FLAKY");
  CHECK(verdict_from_name("FLAKY") == Verdict::Flaky);
  CHECK(verdict_exit_code(Verdict::Flaky) == 0);
  CHECK_FALSE(is_failure(Verdict::Flaky));
  CHECK(severity(Verdict::Flaky) > severity(Verdict::Unsupported));
  CHECK(severity(Verdict::Fail) > severity(Verdict::Flaky));
  // Only a divergence or a timeout may be the runner's load, and worth a rerun.
  CHECK(is_retried(Verdict::Fail));
  CHECK(is_retried(Verdict::Timeout));
  CHECK_FALSE(is_retried(Verdict::Broken));
  CHECK_FALSE(is_retried(Verdict::Unsupported));
  CHECK_FALSE(is_retried(Verdict::Pass));
  CHECK_FALSE(is_retried(Verdict::Flaky));
}

TEST_CASE("Settle.APassAfterAFailureIsFlakyNeverPass") {
  const Judgement fail{Verdict::Fail, "line 4: late by 0.300 s"};
  const Judgement timeout{Verdict::Timeout, "did not end"};
  const Judgement pass{Verdict::Pass, ""};
  CHECK(settle({pass}).verdict == Verdict::Pass);
  CHECK(settle({fail}).verdict == Verdict::Fail);

  const Judgement flaky = settle({fail, pass});
  CHECK(flaky.verdict == Verdict::Flaky);
  CHECK(flaky.reason == "FAIL on attempt 1, PASS on attempt 2 of 2: line 4: late by 0.300 s");
  CHECK(settle({timeout, fail, pass})
            .reason.rfind("TIMEOUT on attempt 1, PASS on attempt 3 of 3", 0) == 0);
  // Retries that never pass leave the first attempt's verdict: they do not change a FAIL
  // into a TIMEOUT or back.
  const Judgement still = settle({fail, timeout, fail});
  CHECK(still.verdict == Verdict::Fail);
  CHECK(still.reason == fail.reason);
  CHECK(settle({timeout, fail}).verdict == Verdict::Timeout);
  // A verdict that is not retried stays what it is, whatever follows.
  CHECK(settle({{Verdict::Broken, "left a process"}, pass}).verdict == Verdict::Broken);
  CHECK(settle({}).verdict == Verdict::Broken);
}

TEST_CASE("Judge.AgreeingRunPasses") {
  const Judgement j = judged(good_run());
  CHECK(j.verdict == Verdict::Pass);
  CHECK(j.reason.empty());
}

TEST_CASE("Judge.DivergenceFails") {
  Observation o = good_run();
  o.lines[1].t = 2.0;
  const Judgement j = judged(o);
  CHECK(j.verdict == Verdict::Fail);
  CHECK(j.reason.find("late by") != std::string::npos);
}

TEST_CASE("Judge.TimeoutWinsOverDivergence") {
  Observation o = good_run();
  o.lines.pop_back();
  o.end = {};
  o.timed_out = true;
  const Judgement j = judged(o);
  CHECK(j.verdict == Verdict::Timeout);
  CHECK(j.reason.rfind("did not end within the timeout", 0) == 0);
}

TEST_CASE("Judge.MalformedTraceIsBroken") {
  JudgeInput in;
  in.trace_error = "t.trace:3: no end status";
  const Judgement j = judge(in);
  CHECK(j.verdict == Verdict::Broken);
  CHECK(j.reason == "malformed trace: t.trace:3: no end status");
}

TEST_CASE("Judge.MissingFeatureIsUnsupportedWithoutRunning") {
  JudgeInput in;
  in.trace = &two_lines();
  in.unsupported = "no SCHED_FIFO";
  const Judgement j = judge(in);
  CHECK(j.verdict == Verdict::Unsupported);
  CHECK(j.reason == "no SCHED_FIFO");
}

TEST_CASE("Judge.ProgramThatCannotStartIsBroken") {
  Observation o = good_run();
  o.spawn_error = "cannot start 'x': No such file or directory";
  CHECK(judged(o).verdict == Verdict::Broken);
  CHECK(judged(o).reason == o.spawn_error);
}

TEST_CASE("Judge.ProtocolMismatchIsBroken") {
  Observation o = good_run();
  o.program_protocol = protocol::kVersion + 1;
  Judgement j = judged(o);
  CHECK(j.verdict == Verdict::Broken);
  CHECK(j.reason == fmt::format("protocol version mismatch: harness {}, program {}",
                                protocol::kVersion, protocol::kVersion + 1));
  o.program_protocol.reset();  // a mark that names no version
  j = judged(o);
  CHECK(j.verdict == Verdict::Broken);
  CHECK(j.reason.rfind(
            fmt::format("protocol version mismatch: harness {}, program none", protocol::kVersion),
            0) == 0);
  // Without any start mark (a program without the fixtures) there is nothing to check.
  o.start_mark = o.start_mark_seen = false;
  CHECK(judged(o).verdict == Verdict::Pass);
}

TEST_CASE("Judge.ExitUnsupportedIsUnsupportedWithTheProgramsReason") {
  Observation o = good_run();
  o.lines.clear();
  o.end.code = protocol::kUnsupportedExit;
  o.stderr_text = "noise\nUNSUPPORTED: no frobnicator\nmore\n";
  Judgement j = judged(o);
  CHECK(j.verdict == Verdict::Unsupported);
  CHECK(j.reason == "no frobnicator");
  o.stderr_text.clear();
  CHECK(judged(o).reason == "the program reported it unsupported");
  // ...unless the trace expects exactly that exit.
  const Trace expects_77 = parse_trace("exit 77\n", "t.trace");
  CHECK(judged(o, expects_77).verdict == Verdict::Pass);
}

TEST_CASE("Judge.LeftoverProcessesAreBroken") {
  Observation o = good_run();
  o.leftovers = {"pid 42 (sleep) state S"};
  const Judgement j = judged(o);
  CHECK(j.verdict == Verdict::Broken);
  CHECK(j.reason ==
        "the program left 1 process(es) running after it ended (killed): pid 42 (sleep) state S");
}

TEST_CASE("Judge.LeftoversAfterADivergenceAreAFailure") {
  Observation o = good_run();
  o.lines.pop_back();                        // the program gave up before its last line...
  o.leftovers = {"pid 42 (sleep) state S"};  // ...and left a child behind
  const Judgement j = judged(o);
  CHECK(j.verdict == Verdict::Fail);
  CHECK(j.reason.find("missing") != std::string::npos);
  CHECK(j.reason.find("left 1 process(es)") != std::string::npos);
}

TEST_CASE("StartMark.Parse") {
  auto m = parse_start_mark("start 12.000000345 protocol 2\n");
  REQUIRE(m.has_value());
  CHECK(m->stamp == doctest::Approx(12.000000345));
  CHECK(m->version == 2);
  m = parse_start_mark("start 12.5");
  REQUIRE(m.has_value());
  CHECK_FALSE(m->version.has_value());
  m = parse_start_mark("start 12.5 protocol 3 pid 4242\n");
  REQUIRE(m.has_value());
  CHECK(m->version == 3);
  CHECK(m->pid == 4242L);
  CHECK_FALSE(parse_start_mark("start 12.5 protocol 3 pid").has_value());
  CHECK_FALSE(parse_start_mark("hello").has_value());
  CHECK_FALSE(parse_start_mark("start 12.5 protocol").has_value());
}

TEST_CASE("Verdict.LauncherThatCannotStartTheProgramIsBroken") {
  // What env, valgrind and qemu-user do with a program they cannot start: their own status,
  // no start mark, no line.
  Observation o;
  o.launcher = {"env"};
  o.end.kind = ObservedEnd::Kind::Exit;
  o.end.code = 127;
  o.stderr_text = "env: '/no/such/program': No such file or directory\n";
  Judgement j = judged(o);
  CHECK(j.verdict == Verdict::Broken);
  CHECK(j.reason ==
        "the launcher could not start the program: env: '/no/such/program': No such file or "
        "directory (exit 127)");

  SUBCASE("qemu-user loses its message: the status is all there is") {
    o.launcher = {"qemu-x86_64"};
    o.end.code = 1;
    o.stderr_text.clear();
    j = judged(o);
    CHECK(j.verdict == Verdict::Broken);
    CHECK(j.reason ==
          "the launcher could not start the program: it said nothing on stderr (exit 1)");
  }
  SUBCASE("without a launcher the same run is the program's own failure") {
    o.launcher.clear();
    CHECK(judged(o).verdict == Verdict::Fail);
  }
  SUBCASE("a start mark proves the program started: judged as usual") {
    o.start_mark_seen = true;
    o.program_protocol = protocol::kVersion;
    CHECK(judged(o).verdict == Verdict::Fail);
  }
  SUBCASE("a line proves it started too") {
    o.lines = {{0.0, "a"}};
    CHECK(judged(o).verdict == Verdict::Fail);
  }
  SUBCASE("exit 0 is never a launcher's failure") {
    o.end.code = 0;
    CHECK(judged(o).verdict == Verdict::Fail);
  }
  SUBCASE("a launcher killed by a signal did not start it either") {
    o.end.kind = ObservedEnd::Kind::Signal;
    o.end.signal = SIGSEGV;
    CHECK(judged(o).verdict == Verdict::Broken);
  }
  SUBCASE("a program that hangs silently under its launcher is a TIMEOUT, not this") {
    o.end.kind = ObservedEnd::Kind::None;
    o.timed_out = true;
    CHECK(judged(o).verdict == Verdict::Timeout);
  }
}
