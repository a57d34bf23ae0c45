// Native against port: aligning two runs' observed lines and labelling the differences.
#include "align.hpp"

#include <doctest/doctest.h>

using namespace procsync;
using Label = AlignedLine::Label;

namespace {
std::vector<Label> labels(const Alignment& a) {
  std::vector<Label> out;
  for (const auto& l : a.lines) out.push_back(l.label);
  return out;
}
}  // namespace

TEST_CASE("Align.SameRunsAgree") {
  const std::vector<ObservedLine> h{{0.0, "a"}, {0.5, "b"}};
  const Alignment a = align_lines(h, h, 0.2);
  CHECK(labels(a) == std::vector<Label>{Label::Same, Label::Same});
  CHECK(a.differences() == 0);
}

TEST_CASE("Align.LabelsEveryKindOfDifference") {
  const std::vector<ObservedLine> host{{0.0, "start"},   {0.1, "first"}, {0.2, "second"},
                                       {0.3, "count 0"}, {0.4, "gone"},  {1.0, "end"}};
  const std::vector<ObservedLine> port{{0.0, "start"},   {0.15, "second"}, {0.2, "first"},
                                       {0.3, "count 2"}, {0.35, "added"},  {2.0, "end"}};
  Alignment a = align_lines(host, port, 0.2);
  a.host_end = "exit 0";
  a.port_end = "signal SIGSEGV";
  // start same; one of first/second matched, the other reordered; count changed text;
  // gone missing... paired with "added" as text, unless counted; end late.
  int order = 0, text = 0, timing = 0, same = 0;
  for (const auto& l : a.lines) {
    order += l.label == Label::Order;
    text += l.label == Label::Text;
    timing += l.label == Label::Timing;
    same += l.label == Label::Same;
  }
  CHECK(order == 1);
  CHECK(text == 2);  // count 0 -> count 2, gone -> added
  CHECK(timing == 1);
  CHECK(same == 2);  // start, and one of first/second
  CHECK(a.end_differs());
  CHECK(a.differences() == 5);
  const std::string out = render_alignment(a, "t", "host.json", "port.json", false);
  CHECK(out.find("count 0  ->  count 2") != std::string::npos);
  CHECK(out.find("host: exit 0; port: signal SIGSEGV") != std::string::npos);
}

TEST_CASE("Align.MissingAndExtraWhenNothingPairs") {
  const std::vector<ObservedLine> host{{0, "a"}, {0, "b"}, {0, "c"}};
  const std::vector<ObservedLine> port{{0, "a"}, {0, "c"}, {0, "d"}};
  const Alignment a = align_lines(host, port, 0.2);
  CHECK(labels(a) == std::vector<Label>{Label::Same, Label::Missing, Label::Same, Label::Extra});
}

TEST_CASE("Align.ReadsObservedLinesOfAResult") {
  const nlohmann::json r{{"observed", {{{"t", 0.25}, {"text", "x"}}}}};
  const auto lines = observed_lines(r);
  REQUIRE(lines.size() == 1);
  CHECK(lines[0].t == doctest::Approx(0.25));
  CHECK(lines[0].text == "x");
}
