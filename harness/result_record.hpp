// The per-test result as other commands read it back (`procsync report`, `procsync diff`):
// one typed record, written and read by the same code, under a schema version.
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "verdict.hpp"

namespace procsync {

struct ResultRecord {
  // Raise with any change to the keys below; a result of another schema is not trusted.
  static constexpr int kSchemaVersion = 1;

  std::string name;  // "signal/alarm_overwrite"
  std::vector<std::string> claims;
  Verdict verdict = Verdict::Broken;
  std::string reason;
  std::string text;     // the console text: the verdict line and the diff
  double duration = 0;  // seconds from time zero to the end
  std::string end;      // "exit 0", "signal SIGKILL", "timeout"
  nlohmann::json observed = nlohmann::json::array();  // [{"t", "text"}]
  std::map<std::string, double> measures;
  double max_lateness = 0;
  double startup_latency = 0;
  std::vector<std::string> launcher;
  double time_factor = 1.0;
};

// Writes the record's keys and "schema" into `j` (which may hold other, informative keys).
void write_record(nlohmann::json& j, const ResultRecord& r);

// Reads a record back. A result of another schema (or none) becomes a BROKEN record that
// says so, under the name it gives.
ResultRecord read_record(const nlohmann::json& j);

}  // namespace procsync
