// Turning one run into words: the verdict, the side-by-side diff, the JSON result, a trace.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "compare.hpp"
#include "observation.hpp"
#include "result_record.hpp"
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
  std::string started;   // when the run started (UTC, RFC 3339)
  std::string hostname;  // the machine the harness runs on
};

// The console text: one verdict line, then on anything but PASS the side-by-side diff.
std::string render_text(const Result& r, bool always_table = false);

// One run as the result keeps it among the test's attempts.
AttemptRecord attempt_record(const Result& r);

// The machine-readable result written beside the build's test output: `r` is the first run
// (with the test's settled verdict), `attempts` every run in order; empty means the one run
// `r` describes.
nlohmann::json to_json(const Result& r, const std::vector<AttemptRecord>& attempts = {});

// The observed run written in the trace format, to start a new expectation from.
std::string render_recorded_trace(const Observation& obs, const Trace* base,
                                  const std::string& program);

}  // namespace procsync
