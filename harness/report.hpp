// Turning one run into words: the verdict, the side-by-side diff, the JSON result, a trace.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "compare.hpp"
#include "observation.hpp"
#include "trace.hpp"
#include "verdict.hpp"

namespace procsync {

struct Result {
  std::string name;  // the test name, e.g. "signal/alarm_overwrite"
  std::string trace_file;
  std::string program;
  std::vector<std::string> launcher;
  double time_factor = 1.0;
  Verdict verdict = Verdict::Pass;
  std::string reason;            // the first divergence, the UNSUPPORTED reason, what is BROKEN
  const Trace* trace = nullptr;  // null when the trace did not parse
  const Observation* observation = nullptr;  // null when nothing ran
  const Comparison* comparison = nullptr;
};

// The console text: one verdict line, then on anything but PASS the side-by-side diff.
std::string render_text(const Result& r, bool always_table = false);

// The machine-readable result written beside the build's test output.
nlohmann::json to_json(const Result& r);

// The observed run written in the trace format, to start a new expectation from.
std::string render_recorded_trace(const Observation& obs, const Trace* base,
                                  const std::string& program);

}  // namespace procsync
