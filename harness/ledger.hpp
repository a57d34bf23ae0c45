// A port's divergence ledger: its known, analysed deviations from the expected traces, as data
// (ports/<port>.yaml, docs/ports.md "Ledgers"), and what a run's verdicts mean against it.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "verdict.hpp"

namespace procsync {

// The kinds of cause a divergence may have; the ledger names one per entry. A runtime
// difference is a language runtime's own (the Python flavour run by PyPy, docs/python.md).
inline constexpr const char* kDivergenceClasses[] = {"emulator limitation", "kernel difference",
                                                     "libc difference", "runtime difference",
                                                     "suite premise"};

struct UpstreamCause {
  std::string project;   // "QEMU", "valgrind", "glibc", "Linux", "PyPy", "procsync"
  std::string source;    // file in that project's tree
  std::string function;  // function in that file
  std::string report;    // bug report or patch, when one exists
  std::string fixed_in;  // the version that fixed it, when known
};

struct Divergence {
  std::string test;   // "<area>/<name>"; empty when the entry names a catalogue ID only
  std::string claim;  // "SIG-12"; matches every test of that ID when `test` is empty
  Verdict verdict = Verdict::Fail;  // the verdict the divergence gives
  std::string divergence_class;     // one of kDivergenceClasses
  std::string summary;              // one line: what differs
  UpstreamCause cause;
  std::vector<std::string> seen_on;  // platform versions it was observed with
  std::string reproducer;            // a tiny reproducer, where practical
  std::string analysis;              // the prose analysis, e.g. docs/ports.md#...
};

struct Ledger {
  std::string port;  // empty: no port, hence no known divergences
  std::string file;  // where it was read from; empty when the port has no ledger
  std::vector<Divergence> entries;
  // The entry that covers a test (by name, else by one of its claims); null when none.
  const Divergence* find(const std::string& test, const std::vector<std::string>& claims) const;
};

class LedgerError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Parses a ledger's YAML text; `file` names it in errors. Throws LedgerError.
Ledger parse_ledger(const std::string& yaml, const std::string& file);
// The ledger of `port` in `dir`: <dir>/<port>.yaml. A port without a file has no known
// divergences (an empty ledger); an empty port name means a plain host run.
Ledger load_port_ledger(const std::string& dir, const std::string& port);

// What a verdict means against the ledger.
enum class Expectation {
  Unlisted,    // no entry and not a failure: nothing to say
  Expected,    // the entry's verdict: a known divergence
  Unexpected,  // a failure with no entry, or another verdict than the entry's
  Stale,       // an entry, but the test passed: the port may have fixed it
};
std::string_view expectation_name(Expectation e);
Expectation classify(Verdict verdict, const Divergence* entry);

// Whether a run with these counts fails the gate: unexpected results always, stale entries
// unless `allow_stale`.
bool gate_fails(int unexpected, int stale, bool allow_stale);

// Annotates a conformance report (conformance.hpp) with the ledger: each test gets
// "expectation" and, when an entry covers it, "divergence"; the report gets "ledger" with the
// port, the file, the counts and the entries whose test was not run.
void apply_ledger(nlohmann::json& conformance, const Ledger& ledger);
nlohmann::json divergence_json(const Divergence& d);

}  // namespace procsync
