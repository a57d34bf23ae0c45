#include "result_record.hpp"

#include <fmt/format.h>

namespace procsync {

void write_record(nlohmann::json& j, const ResultRecord& r) {
  j["schema"] = ResultRecord::kSchemaVersion;
  j["name"] = r.name;
  j["claims"] = r.claims;
  j["verdict"] = verdict_name(r.verdict);
  j["reason"] = r.reason;
  j["text"] = r.text;
  j["duration"] = r.duration;
  j["end"] = r.end;
  j["observed"] = r.observed;
  j["measures"] = r.measures;
  j["max_lateness"] = r.max_lateness;
  j["startup_latency"] = r.startup_latency;
  j["launcher"] = r.launcher;
  j["time_factor"] = r.time_factor;
}

ResultRecord read_record(const nlohmann::json& j) {
  ResultRecord r;
  r.name = j.value("name", "");
  const int schema = j.value("schema", 0);
  if (schema != ResultRecord::kSchemaVersion) {
    r.reason = fmt::format("a result of schema {}, this harness reads schema {}", schema,
                           ResultRecord::kSchemaVersion);
    r.text = fmt::format("procsync: {}: BROKEN: {}\n", r.name, r.reason);
    return r;
  }
  try {
    r.claims = j.at("claims").get<std::vector<std::string>>();
    r.verdict = verdict_from_name(j.at("verdict").get<std::string>()).value_or(Verdict::Broken);
    r.reason = j.at("reason").get<std::string>();
    r.text = j.at("text").get<std::string>();
    r.duration = j.at("duration").get<double>();
    r.end = j.at("end").get<std::string>();
    r.observed = j.at("observed");
    r.measures = j.at("measures").get<std::map<std::string, double>>();
    r.max_lateness = j.at("max_lateness").get<double>();
    r.startup_latency = j.at("startup_latency").get<double>();
    r.launcher = j.at("launcher").get<std::vector<std::string>>();
    r.time_factor = j.at("time_factor").get<double>();
  } catch (const nlohmann::json::exception& e) {
    r.verdict = Verdict::Broken;
    r.reason = fmt::format("an unreadable result: {}", e.what());
    r.text = fmt::format("procsync: {}: BROKEN: {}\n", r.name, r.reason);
  }
  return r;
}

}  // namespace procsync
