// The console diff, JSON result and recorded trace.
#include "report.hpp"

#include <doctest/doctest.h>

#include <csignal>

using namespace procsync;

TEST_CASE("Report.FailShowsSideBySideWithTheFirstDivergenceMarked") {
  const Trace t = parse_trace("@0 a\n@1 b\nexit 0\n", "t.trace");
  Observation o;
  o.lines = {{0.0, "a"}, {2.5, "b"}};
  o.end.kind = ObservedEnd::Kind::Exit;
  o.end_time = 2.5;
  o.start_mark = true;
  Timing timing;
  const Comparison c = compare(t, o, timing);
  Result r;
  r.name = "area/name";
  JudgeInput in;
  in.trace = &t;
  in.observation = &o;
  in.comparison = &c;
  const Judgement judgement = judge(in);
  r.verdict = judgement.verdict;
  r.reason = judgement.reason;
  r.trace = &t;
  r.observation = &o;
  r.comparison = &c;
  const std::string text = render_text(r);
  CHECK(text.rfind("procsync: area/name: FAIL: line 2: late by 1.500 s", 0) == 0);
  CHECK(text.find(">>    2  b") != std::string::npos);
  CHECK(text.find("0.99..1.50") != std::string::npos);
  CHECK(text.find("<- late by 1.500 s") != std::string::npos);

  const auto j = to_json(r);
  CHECK(j["verdict"] == "FAIL");
  CHECK(j["divergences"].size() == 1);
  CHECK(j["divergences"][0]["trace_line"] == 2);
  CHECK(j["observed"].size() == 2);
  // One run: one attempt, the run itself.
  REQUIRE(j["attempts"].size() == 1);
  CHECK(j["attempts"][0]["attempt"] == 1);
  CHECK(j["attempts"][0]["verdict"] == "FAIL");
  CHECK(j["attempts"][0]["text"] == text);
  CHECK(j["attempts"][0]["observed"] == j["observed"]);
  CHECK(j["attempts"][0]["end"] == "exit 0");

  // Retried: the result is the first run's, under the settled verdict, with every attempt.
  AttemptRecord second;
  second.verdict = Verdict::Pass;
  second.started = "2026-12-01T08:00:01.000Z";
  second.duration = 1.0;
  r.started = "2026-12-01T08:00:00.000Z";
  const AttemptRecord first = attempt_record(r);
  r.verdict = Verdict::Flaky;
  r.reason = "FAIL on attempt 1, PASS on attempt 2 of 2: " + judgement.reason;
  const auto flaky = to_json(r, {first, second});
  CHECK(flaky["verdict"] == "FLAKY");
  CHECK(flaky["started"] == "2026-12-01T08:00:00.000Z");
  REQUIRE(flaky["attempts"].size() == 2);
  CHECK(flaky["attempts"][0]["verdict"] == "FAIL");
  CHECK(flaky["attempts"][0]["started"] == "2026-12-01T08:00:00.000Z");
  CHECK(flaky["attempts"][1]["verdict"] == "PASS");
  CHECK(flaky["attempts"][1]["attempt"] == 2);
  CHECK(flaky["text"].get<std::string>().rfind("procsync: area/name: FLAKY: FAIL on attempt 1",
                                               0) == 0);
}

TEST_CASE("Report.RecordedTraceParsesBackAndPasses") {
  Observation o;
  o.lines = {{0.004, "armed"}, {1.07, "~ looks like a pattern"}, {1.2, "#hash"}};
  o.stimuli = {{0.5, 3, "signal SIGINT", ""}};
  o.end.kind = ObservedEnd::Kind::Signal;
  o.end.signal = SIGINT;
  o.end_time = 1.3;
  const std::string text = render_recorded_trace(o, nullptr, "prog");
  const Trace t = parse_trace(text, "recorded");
  REQUIRE(t.items.size() == 3);
  CHECK(t.items[1].lines[0].text == "~ looks like a pattern");
  CHECK(t.stimuli.size() == 1);
  Timing timing;
  CHECK(compare(t, o, timing).agrees());
}
