// Native against port: the host's and a port's observed lines of one test, aligned line by
// line, each difference labelled (text, order, missing, extra, timing, end).
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "observation.hpp"

namespace procsync {

struct AlignedLine {
  enum class Label { Same, Text, Order, Missing, Extra, Timing };
  Label label = Label::Same;
  int host = -1;  // index into the host's lines; -1 when the host has none here
  int port = -1;
  std::string host_text, port_text;
  double host_t = 0, port_t = 0;
};

struct Alignment {
  std::vector<AlignedLine> lines;
  std::string host_end, port_end;
  bool end_differs() const { return host_end != port_end; }
  int differences() const;
};

std::string_view label_name(AlignedLine::Label l);

// Lines both runs printed are matched in order (longest common subsequence); a line both
// printed in another order is `order`; an unmatched pair between the same matches is `text`;
// what is left is `missing` (host only) or `extra` (port only); a matched line whose times
// differ by more than `timing_threshold` seconds is `timing`.
Alignment align_lines(const std::vector<ObservedLine>& host, const std::vector<ObservedLine>& port,
                      double timing_threshold);

// The observed lines of a result JSON (`procsync run --json`, or a test of conformance.json).
std::vector<ObservedLine> observed_lines(const nlohmann::json& result);

std::string render_alignment(const Alignment& a, const std::string& test,
                             const std::string& host_name, const std::string& port_name, bool all);

}  // namespace procsync
