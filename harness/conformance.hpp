// The conformance report: the per-test results of a run joined with the catalogue, written
// as JSON, Markdown, JUnit XML and KTAP; and the comparison of two runs.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace procsync {

// The version of conformance.json's format (docs/schema/conformance.schema.json, whose
// "schema" constant must match): raise it with any change to the keys. 1: the first
// versioned form (attempts, FLAKY).
inline constexpr int kConformanceSchemaVersion = 1;

struct CatalogueRow {
  std::string id;     // "SIG-16"
  std::string area;   // "SIG — signals"
  std::string title;  // the behaviour column
};

// Reads the catalogue's tables (docs/catalogue.md): rows whose first cell is an ID.
std::vector<CatalogueRow> parse_catalogue(const std::string& markdown);

// Joins per-test result JSON objects (as written by `procsync run --json`) with the
// catalogue. `platform` is stored as given.
nlohmann::json build_conformance(const std::vector<nlohmann::json>& results,
                                 const std::vector<CatalogueRow>& catalogue,
                                 const nlohmann::json& platform);

std::string render_json(const nlohmann::json& conformance);
std::string render_markdown(const nlohmann::json& conformance);
std::string render_junit(const nlohmann::json& conformance);
std::string render_ktap(const nlohmann::json& conformance);

// The report's files: a new format is one renderer above and one row here.
struct ReportFormat {
  const char* file;
  std::string (*render)(const nlohmann::json& conformance);
};
inline constexpr ReportFormat kReportFormats[] = {
    {"conformance.json", render_json},
    {"conformance.md", render_markdown},
    {"junit.xml", render_junit},
    {"conformance.ktap", render_ktap},
};
// The end of a console run: totals, then each failure with its diff.
std::string render_console(const nlohmann::json& conformance);

struct RunDiff {
  // A test newly FLAKY is listed, not a regression: it passed in the end.
  std::vector<std::string> newly_failing, newly_passing, newly_flaky, newly_unsupported,
      no_longer_run, newly_run, timing_moved;
  // When B carries its port's ledger (apply_ledger): failures it lists, entries now passing.
  std::vector<std::string> known_divergences, stale;
  bool stale_fails = true;
  bool regressed() const {
    return !newly_failing.empty() || !no_longer_run.empty() || (stale_fails && !stale.empty());
  }
};

// Compares run B against run A, test by test; timing of tests passing on both counts as
// moved when a duration or the maximum lateness changed by more than `threshold` seconds.
RunDiff diff_runs(const nlohmann::json& a, const nlohmann::json& b, double threshold);
std::string render_diff(const RunDiff& d, const std::string& a_name, const std::string& b_name);

// Whether a verdict, by its name in a result, counts as a failure of the platform (an
// unknown name does: it cannot be trusted).
bool is_failure(const std::string& verdict);

}  // namespace procsync
