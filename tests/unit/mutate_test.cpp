// Trace mutation: every mutant of a trace must fail against a run that passes it, and a
// line that checks nothing must show up as a survivor.
#include "mutate.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <csignal>

using namespace procsync;

namespace {

Observation run_of(std::vector<ObservedLine> lines, double end_time = 1.0) {
  Observation o;
  o.lines = std::move(lines);
  o.end.kind = ObservedEnd::Kind::Exit;
  o.end.code = 0;
  o.end_time = end_time;
  return o;
}

int count(const std::vector<Mutant>& ms, const std::string& op) {
  return static_cast<int>(
      std::count_if(ms.begin(), ms.end(), [&](const Mutant& m) { return m.op == op; }));
}

}  // namespace

TEST_CASE("every kind of mutant is made, and a tight trace kills them all") {
  const Trace t = parse_trace(
      "# claim: SIG-16\n@0 armed alarm 3\n@1 caught SIGALRM\n{\nchild 1\nchild 2\n}\nexit 0\n",
      "t.trace");
  const Observation o = run_of(
      {{0.001, "armed alarm 3"}, {1.002, "caught SIGALRM"}, {1.1, "child 2"}, {1.1, "child 1"}});
  const Timing timing;
  const auto ms = mutants_of(t, o, timing);
  CHECK(count(ms, "early") == 2);
  CHECK(count(ms, "late") == 2);
  CHECK(count(ms, "drop") == 4);
  CHECK(count(ms, "swap") == 1);  // only the two lines outside the block
  CHECK(count(ms, "literal") >= 4);
  CHECK(count(ms, "end") == 1);
  const MutationScore s = score_mutants(t, "", o, timing);
  CHECK(s.total == static_cast<int>(ms.size()));
  CHECK(s.killed == s.total);
  CHECK(s.survivors.empty());
}

TEST_CASE("a line that checks nothing survives, and a survives: comment justifies it") {
  const std::string text =
      "# claim: SIG-16\n"
      "# survives: literal \"(EAGAIN|EWOULDBLOCK)\" the same error on Linux\n"
      "~(EAGAIN|EWOULDBLOCK)\n"
      "~value (0|-4)\n"
      "exit 0\n";
  const Trace t = parse_trace(text, "t.trace");
  const Observation o = run_of({{0.1, "EAGAIN"}, {0.2, "value 0"}});
  const MutationScore s = score_mutants(t, text, o, Timing{});
  // An alternative the run never exercises checks nothing on this platform.
  REQUIRE_FALSE(s.survivors.empty());
  bool justified = false, unjustified = false;
  for (const auto& v : s.survivors) {
    if (v.target == "(EAGAIN|EWOULDBLOCK)" && !v.justification.empty()) justified = true;
    if (v.target == "value (0|-4)" && v.justification.empty()) unjustified = true;
  }
  CHECK(justified);
  CHECK(unjustified);
  CHECK(s.unjustified() >= 1);
}

TEST_CASE("the end status and its time are mutated") {
  const Trace t = parse_trace("# claim: SIG-16\nready\n@2 signal SIGKILL\n", "t.trace");
  Observation o = run_of({{0.0, "ready"}}, 2.003);
  o.end.kind = ObservedEnd::Kind::Signal;
  o.end.signal = SIGKILL;
  const auto ms = mutants_of(t, o, Timing{});
  CHECK(count(ms, "end") == 1);
  CHECK(count(ms, "early") == 1);
  CHECK(count(ms, "late") == 1);
  const MutationScore s = score_mutants(t, "", o, Timing{});
  CHECK(s.killed == s.total);
}

TEST_CASE("a dropped line moves the stimuli that follow it") {
  const Trace t = parse_trace(
      "# claim: SIG-16\nready\nset\n> signal SIGINT\ncaught SIGINT\nexit 0\n", "t.trace");
  const Observation o = run_of({{0.0, "ready"}, {0.0, "set"}, {0.1, "caught SIGINT"}});
  for (const auto& m : mutants_of(t, o, Timing{}))
    if (m.op == "drop" && m.target == "ready") CHECK(m.trace.stimuli.at(0).after_lines == 1);
}

TEST_CASE("a justification quotes a regular expression as written") {
  const auto js = read_justifications("# survives: literal \"flock\\(LOCK_EX\\|LOCK_NB\\)\" why\n");
  REQUIRE(js.size() == 1);
  CHECK(js[0].target == "flock\\(LOCK_EX\\|LOCK_NB\\)");
}

TEST_CASE("justifications are read with their quoted target") {
  const auto js = read_justifications(
      "# survives: drop \"say \\\"hi\\\"\" printed twice by design\n# survives: bad\n");
  REQUIRE(js.size() == 1);
  CHECK(js[0].op == "drop");
  CHECK(js[0].target == "say \"hi\"");
  CHECK(js[0].reason == "printed twice by design");
}

TEST_CASE("the report counts per area and lists every survivor") {
  MutationScore a;
  a.name = "signal/x";
  a.total = 10;
  a.killed = 9;
  a.survivors.push_back({"literal", "(A|B)", "A became Q", "", 3});
  MutationScore b;
  b.name = "lock/y";
  b.skipped = "the run was FAIL";
  const std::string md = render_mutation_markdown({a, b});
  CHECK(md.find("| signal | 1 | 0 | 10 | 9 | 90.0 % | 0 | 1 |") != std::string::npos);
  CHECK(md.find("not scored: the run was FAIL") != std::string::npos);
  CHECK(md.find("(A\\|B)") != std::string::npos);
  CHECK(md.find("**unjustified**") != std::string::npos);
  const MutationScore back = score_from_json(to_json(a));
  CHECK(back.survivors.size() == 1);
  CHECK(back.killed == 9);
}
