// The per-test result as other commands read it back (`procsync report`, `procsync diff`):
// one typed record, written and read by the same code, under a schema version.
#pragma once

#include <chrono>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "verdict.hpp"

namespace procsync {

// One run of the program: the test's first, or one of its retries (`--retry-unexpected`).
struct AttemptRecord {
  Verdict verdict = Verdict::Broken;
  std::string reason;
  std::string started;  // UTC, RFC 3339: "2026-12-01T08:29:23.123Z"
  double duration = 0;
  std::string end;
  std::string text;  // the console text of this attempt: its verdict line and diff
  nlohmann::json observed = nlohmann::json::array();
};

struct ResultRecord {
  // Raise with any change to the keys below (and docs/schema/result.schema.json, whose
  // "schema" constant must match); a result of another schema is not trusted.
  // 2: attempts, started, hostname; the FLAKY verdict.
  static constexpr int kSchemaVersion = 2;

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
  std::string started;   // when the first attempt started (UTC, RFC 3339)
  std::string hostname;  // the machine the harness ran on
  // Every run, in order; the fields above describe the first (the verdict and reason
  // excepted: they are the test's, settled from all attempts).
  std::vector<AttemptRecord> attempts;
};

// A time as RFC 3339 in UTC with milliseconds: "2026-12-01T08:29:23.123Z".
std::string utc_timestamp(std::chrono::system_clock::time_point t);

// The attempts as the result and the conformance report write them: [{"attempt", "verdict",
// "reason", "started", "duration", "end", "text", "observed"}].
nlohmann::json attempts_json(const std::vector<AttemptRecord>& attempts);

// Writes the record's keys and "schema" into `j` (which may hold other, informative keys).
void write_record(nlohmann::json& j, const ResultRecord& r);

// Reads a record back. A result of another schema (or none) becomes a BROKEN record that
// says so, under the name it gives.
ResultRecord read_record(const nlohmann::json& j);

}  // namespace procsync
