// The runner: starts one behaviour program, drives its stimuli, watches it, cleans up.
#pragma once

#include <string>
#include <vector>

#include "observation.hpp"
#include "trace.hpp"

namespace procsync {

struct RunOptions {
  std::vector<std::string> launcher;  // command prefix (PROCSYNC_LAUNCHER), may be empty
  std::string program;
  std::vector<std::string> args;
  std::vector<Stimulus> stimuli;
  double time_factor = 1.0;       // passed to the program (protocol::kEnvTimeFactor)
  double timeout = 10.0;          // already multiplied by the time factor
  double grace = 0.25;            // after the end: time for the output to drain and
                                  // for children to finish exiting (× factor applied)
  std::string data_dir;           // PROCSYNC_DATA_DIR for the program
  std::size_t max_lines = 10000;  // stdout kept; the rest is counted and discarded
  std::size_t max_line_bytes = 4096;
  std::size_t max_stderr_bytes = 64 * 1024;
};

// Runs the program to its end (or kills it at the timeout) and returns what was seen.
// Whatever happens, no descendant of the program survives this call, and the objects the
// run may leave (cleanup.hpp) are removed.
Observation run_program(const RunOptions& options);

// Splits a launcher string on blanks (no quoting: launchers are plain command prefixes).
std::vector<std::string> split_launcher(const std::string& text);

}  // namespace procsync
