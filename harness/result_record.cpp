#include "result_record.hpp"

#include <fmt/format.h>

#include <ctime>

namespace procsync {

std::string utc_timestamp(std::chrono::system_clock::time_point t) {
  const auto ms =
      std::chrono::duration_cast<std::chrono::milliseconds>(t.time_since_epoch()).count();
  const std::time_t secs = static_cast<std::time_t>(ms / 1000);
  std::tm tm{};
  gmtime_r(&secs, &tm);
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{:03}Z", tm.tm_year + 1900, tm.tm_mon + 1,
                     tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, ms % 1000);
}

nlohmann::json attempts_json(const std::vector<AttemptRecord>& attempts) {
  nlohmann::json out = nlohmann::json::array();
  for (std::size_t i = 0; i < attempts.size(); ++i) {
    const AttemptRecord& a = attempts[i];
    out.push_back({{"attempt", i + 1},
                   {"verdict", verdict_name(a.verdict)},
                   {"reason", a.reason},
                   {"started", a.started},
                   {"duration", a.duration},
                   {"end", a.end},
                   {"text", a.text},
                   {"observed", a.observed}});
  }
  return out;
}

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
  j["started"] = r.started;
  j["hostname"] = r.hostname;
  j["attempts"] = attempts_json(r.attempts);
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
    r.started = j.at("started").get<std::string>();
    r.hostname = j.at("hostname").get<std::string>();
    for (const auto& a : j.at("attempts")) {
      AttemptRecord ar;
      ar.verdict = verdict_from_name(a.at("verdict").get<std::string>()).value_or(Verdict::Broken);
      ar.reason = a.at("reason").get<std::string>();
      ar.started = a.at("started").get<std::string>();
      ar.duration = a.at("duration").get<double>();
      ar.end = a.at("end").get<std::string>();
      ar.text = a.at("text").get<std::string>();
      ar.observed = a.at("observed");
      r.attempts.push_back(std::move(ar));
    }
  } catch (const nlohmann::json::exception& e) {
    r.verdict = Verdict::Broken;
    r.reason = fmt::format("an unreadable result: {}", e.what());
    r.text = fmt::format("procsync: {}: BROKEN: {}\n", r.name, r.reason);
  }
  return r;
}

}  // namespace procsync
