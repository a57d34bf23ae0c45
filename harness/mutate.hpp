// Trace mutation: is every line of an expected trace a check? Each mutant is the trace with
// one deliberate change (docs/mutation.md). A real run that passes the trace must fail each
// mutant; a mutant that still passes marks a line that checks nothing, unless the trace
// justifies it with a `# survives:` comment.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "compare.hpp"
#include "observation.hpp"
#include "trace.hpp"

namespace procsync {

struct Mutant {
  std::string op;      // early, late, drop, swap, literal, end
  std::string target;  // the trace text it changes: an expected line, or the end status
  int line = 0;        // the trace line it changes
  std::string change;  // what was changed, in words
  Trace trace;
};

// Every mutant of `trace` for this observation (the early and late shifts are placed just
// outside the timing window around where the real line arrived).
std::vector<Mutant> mutants_of(const Trace& trace, const Observation& obs, const Timing& timing);

// A `# survives: <op> "<target>" <reason>` comment of the trace file.
struct Justification {
  std::string op;
  std::string target;
  std::string reason;
};
std::vector<Justification> read_justifications(const std::string& trace_text);

struct MutationScore {
  std::string name;
  std::string trace_file;
  std::string skipped;  // why the trace was not scored (the real run did not pass)
  int total = 0;
  int killed = 0;
  struct Survivor {
    std::string op, target, change, justification;
    int line = 0;
  };
  std::vector<Survivor> survivors;  // justified ones carry their reason
  int unjustified() const;
};

// Scores the mutants of `trace` against one observation that passes it.
MutationScore score_mutants(const Trace& trace, const std::string& trace_text,
                            const Observation& obs, const Timing& timing);

nlohmann::json to_json(const MutationScore& s);
MutationScore score_from_json(const nlohmann::json& j);

// The report over many traces: per trace, per area, every survivor (Markdown).
std::string render_mutation_markdown(const std::vector<MutationScore>& scores);

}  // namespace procsync
