// The comparator: each kind of divergence must FAIL, and only real ones.
#include "compare.hpp"

#include <doctest/doctest.h>

#include <csignal>
#include <deque>

#include "verdict.hpp"

using namespace procsync;

namespace {
const char* kTrace =
    "# claim: SIG-16\n"
    "@0 armed alarm 3\n"
    "@0 second alarm returned 3\n"
    "@1 caught SIGALRM\n"
    "@3.5 SIGALRM delivered 1 time(s)\n"
    "exit 0\n";

Observation good_run() {
  Observation o;
  o.lines = {{0.001, "armed alarm 3"},
             {0.001, "second alarm returned 3"},
             {1.002, "caught SIGALRM"},
             {3.501, "SIGALRM delivered 1 time(s)"}};
  o.end.kind = ObservedEnd::Kind::Exit;
  o.end.code = 0;
  o.end_time = 3.502;
  return o;
}

// The comparison and the verdict judge() gives it.
struct Judged : Comparison {
  Verdict verdict = Verdict::Pass;
};

Judged judge(const std::string& trace_text, const Observation& o, double factor = 1.0) {
  static std::deque<Trace> keep;  // rows point into the trace
  keep.push_back(parse_trace(trace_text, "t.trace"));
  Timing timing;
  timing.factor = factor;
  Judged out{compare(keep.back(), o, timing)};
  JudgeInput in;
  in.trace = &keep.back();
  in.observation = &o;
  in.comparison = &out;
  out.verdict = procsync::judge(in).verdict;
  return out;
}
}  // namespace

TEST_CASE("Compare.GoodRunPasses") {
  const auto c = judge(kTrace, good_run());
  CHECK(c.verdict == Verdict::Pass);
  CHECK(c.summary.empty());
}

TEST_CASE("Compare.WrongTextFails") {
  auto o = good_run();
  o.lines[1].text = "second alarm returned 2";
  const auto c = judge(kTrace, o);
  CHECK(c.verdict == Verdict::Fail);
  CHECK(c.summary.find("line 3: wrong text") != std::string::npos);
}

TEST_CASE("Compare.HalfASecondEarlyFails") {
  auto o = good_run();
  o.lines[2].t = 0.5;
  const auto c = judge(kTrace, o);
  CHECK(c.verdict == Verdict::Fail);
  CHECK(c.summary.find("early by 0.500 s") != std::string::npos);
}

TEST_CASE("Compare.ClockNoiseIsNotEarly") {
  auto o = good_run();
  o.lines[2].t = 0.995;  // within the tiny early bound
  CHECK(judge(kTrace, o).verdict == Verdict::Pass);
}

TEST_CASE("Compare.OneSecondLateFails") {
  auto o = good_run();
  o.lines[2].t = 2.0;
  const auto c = judge(kTrace, o);
  CHECK(c.verdict == Verdict::Fail);
  CHECK(c.summary.find("late by 1.000 s") != std::string::npos);
}

TEST_CASE("Compare.TimeFactorWidensLatenessOnly") {
  auto late = good_run();
  late.lines[2].t = 2.0;
  CHECK(judge(kTrace, late, 3.0).verdict == Verdict::Pass);  // 1 + 0.5 * 3 = 2.5
  auto early = good_run();
  early.lines[2].t = 0.5;
  CHECK(judge(kTrace, early, 100.0).verdict == Verdict::Fail);
}

TEST_CASE("Compare.MissingLineFails") {
  auto o = good_run();
  o.lines.erase(o.lines.begin() + 2);
  const auto c = judge(kTrace, o);
  CHECK(c.verdict == Verdict::Fail);
  CHECK(c.summary.find("line 4: missing") != std::string::npos);
}

TEST_CASE("Compare.MissingLastLineFails") {
  auto o = good_run();
  o.lines.pop_back();
  CHECK(judge(kTrace, o).summary.find("line 5: missing") != std::string::npos);
}

TEST_CASE("Compare.ExtraLineFails") {
  auto o = good_run();
  o.lines.insert(o.lines.begin() + 3, {3.0, "caught SIGALRM"});
  const auto c = judge(kTrace, o);
  CHECK(c.verdict == Verdict::Fail);
  CHECK(c.summary.find("unexpected line \"caught SIGALRM\" at 3.000 s") != std::string::npos);
}

TEST_CASE("Compare.TrailingExtraLineFails") {
  auto o = good_run();
  o.lines.push_back({3.6, "one more"});
  CHECK(judge(kTrace, o).verdict == Verdict::Fail);
}

TEST_CASE("Compare.WrongEndStatusFails") {
  auto o = good_run();
  o.end.kind = ObservedEnd::Kind::Signal;
  o.end.signal = SIGALRM;
  const auto c = judge(kTrace, o);
  CHECK(c.verdict == Verdict::Fail);
  CHECK(c.end_problem == "wrong end status: expected exit 0, got signal SIGALRM");
}

TEST_CASE("Compare.EndStatusForms") {
  Observation o;
  o.end.kind = ObservedEnd::Kind::Signal;
  o.end.signal = SIGABRT;
  o.end.core = true;
  CHECK(judge("signal SIGABRT\n", o).verdict == Verdict::Pass);
  CHECK(judge("signal SIGABRT core\n", o).verdict == Verdict::Pass);
  CHECK(judge("signal SIGABRT nocore\n", o).verdict == Verdict::Fail);
  CHECK(judge("exit 0\n", o).verdict == Verdict::Fail);
  o.end.kind = ObservedEnd::Kind::Stopped;
  o.end.signal = SIGSTOP;
  CHECK(judge("stopped SIGSTOP\n", o).verdict == Verdict::Pass);
  CHECK(judge("stopped SIGTSTP\n", o).verdict == Verdict::Fail);
}

TEST_CASE("Compare.TimedEndStatus") {
  Observation o;
  o.end.kind = ObservedEnd::Kind::Exit;
  o.end_time = 1.0;
  CHECK(judge("@0 exit 0\n", o).verdict == Verdict::Fail);  // the process waited
  CHECK(judge("@1 exit 0\n", o).verdict == Verdict::Pass);
  CHECK(judge("@2 exit 0\n", o).verdict == Verdict::Fail);  // ended early
}

const char* kBlock =
    "start\n"
    "{\n"
    "child 1 done\n"
    "child 2 done\n"
    "~ child [0-9] done\n"
    "}\n"
    "end\n"
    "exit 0\n";

TEST_CASE("Compare.UnorderedBlockInAnotherOrderPasses") {
  Observation o;
  o.lines = {
      {0, "start"}, {0, "child 3 done"}, {0, "child 2 done"}, {0, "child 1 done"}, {0, "end"}};
  o.end.kind = ObservedEnd::Kind::Exit;
  CHECK(judge(kBlock, o).verdict == Verdict::Pass);
}

TEST_CASE("Compare.UnorderedBlockStillNeedsEveryLine") {
  Observation o;
  o.lines = {{0, "start"}, {0, "child 2 done"}, {0, "child 1 done"}, {0, "end"}};
  o.end.kind = ObservedEnd::Kind::Exit;
  CHECK(judge(kBlock, o).verdict == Verdict::Fail);
}

TEST_CASE("Compare.OrderOutsideBlocksMatters") {
  Observation o;
  o.lines = {{0, "b"}, {0, "a"}};
  o.end.kind = ObservedEnd::Kind::Exit;
  CHECK(judge("a\nb\nexit 0\n", o).verdict == Verdict::Fail);
}

TEST_CASE("Compare.RegexIsAFullMatch") {
  Observation o;
  o.lines = {{0, "ratio 12.5x"}};
  o.end.kind = ObservedEnd::Kind::Exit;
  CHECK(judge("~ ratio [0-9.]+x\nexit 0\n", o).verdict == Verdict::Pass);
  CHECK(judge("~ ratio [0-9]+\nexit 0\n", o).verdict == Verdict::Fail);
}

TEST_CASE("Compare.TimeoutIsItsOwnVerdict") {
  auto o = good_run();
  o.timed_out = true;
  o.end.kind = ObservedEnd::Kind::None;
  const auto c = judge(kTrace, o);
  CHECK(c.verdict == Verdict::Timeout);
}

TEST_CASE("Compare.TruncatedOutputFails") {
  auto o = good_run();
  o.output_truncated = true;
  o.discarded_bytes = 1000;
  CHECK(judge(kTrace, o).verdict == Verdict::Fail);
}
