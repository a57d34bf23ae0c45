#include "ledger.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>

namespace procsync {

namespace {

[[noreturn]] void fail(const std::string& file, const YAML::Node& node, const std::string& what) {
  const auto m = node.Mark();
  if (m.is_null()) throw LedgerError(fmt::format("{}: {}", file, what));
  throw LedgerError(fmt::format("{}:{}: {}", file, m.line + 1, what));
}

std::string text_of(const std::string& file, const YAML::Node& map, const char* key,
                    bool required) {
  const YAML::Node n = map[key];
  if (!n) {
    if (required) fail(file, map, fmt::format("'{}' is missing", key));
    return "";
  }
  if (!n.IsScalar()) fail(file, n, fmt::format("'{}' must be text", key));
  return n.Scalar();
}

void check_keys(const std::string& file, const YAML::Node& map,
                std::initializer_list<const char*> allowed) {
  for (const auto& kv : map) {
    const std::string key = kv.first.Scalar();
    if (std::find_if(allowed.begin(), allowed.end(), [&](const char* a) { return key == a; }) ==
        allowed.end())
      fail(file, kv.first, fmt::format("unknown key '{}'", key));
  }
}

Divergence read_entry(const std::string& file, const YAML::Node& e) {
  if (!e.IsMap()) fail(file, e, "a divergence must be a mapping");
  check_keys(file, e,
             {"test", "claim", "verdict", "class", "summary", "cause", "seen_on", "reproducer",
              "analysis"});
  Divergence d;
  d.test = text_of(file, e, "test", false);
  d.claim = text_of(file, e, "claim", false);
  if (d.test.empty() && d.claim.empty()) fail(file, e, "an entry names a 'test' or a 'claim'");
  static const std::regex test_form("[a-z0-9_]+/[A-Za-z0-9_.-]+");
  if (!d.test.empty() && !std::regex_match(d.test, test_form))
    fail(file, e["test"], fmt::format("'{}' is not a test name <area>/<name>", d.test));
  static const std::regex claim_form("[A-Z]{3}-[0-9]{2}");
  if (!d.claim.empty() && !std::regex_match(d.claim, claim_form))
    fail(file, e["claim"], fmt::format("'{}' is not a catalogue ID", d.claim));
  const std::string verdict = text_of(file, e, "verdict", true);
  const auto v = verdict_from_name(verdict);
  if (!v || *v == Verdict::Pass)
    fail(file, e["verdict"],
         fmt::format("'{}' is not a divergent verdict (FAIL, TIMEOUT, BROKEN, UNSUPPORTED)",
                     verdict));
  d.verdict = *v;
  d.divergence_class = text_of(file, e, "class", true);
  if (std::none_of(std::begin(kDivergenceClasses), std::end(kDivergenceClasses),
                   [&](const char* c) { return d.divergence_class == c; }))
    fail(
        file, e["class"],
        fmt::format("class '{}' is none of: {}", d.divergence_class,
                    fmt::join(std::begin(kDivergenceClasses), std::end(kDivergenceClasses), ", ")));
  d.summary = text_of(file, e, "summary", true);
  const YAML::Node cause = e["cause"];
  if (!cause || !cause.IsMap()) fail(file, e, "'cause' (project, source, function) is missing");
  check_keys(file, cause, {"project", "source", "function", "report", "fixed_in"});
  d.cause.project = text_of(file, cause, "project", true);
  d.cause.source = text_of(file, cause, "source", true);
  d.cause.function = text_of(file, cause, "function", true);
  d.cause.report = text_of(file, cause, "report", false);
  d.cause.fixed_in = text_of(file, cause, "fixed_in", false);
  const YAML::Node seen = e["seen_on"];
  if (!seen || !seen.IsSequence() || seen.size() == 0)
    fail(file, e, "'seen_on' (a list of platform versions) is missing");
  for (const auto& s : seen) {
    if (!s.IsScalar()) fail(file, s, "'seen_on' lists text");
    d.seen_on.push_back(s.Scalar());
  }
  d.reproducer = text_of(file, e, "reproducer", false);
  d.analysis = text_of(file, e, "analysis", false);
  return d;
}

}  // namespace

const Divergence* Ledger::find(const std::string& test,
                               const std::vector<std::string>& claims) const {
  for (const auto& d : entries)
    if (d.test == test) return &d;
  for (const auto& d : entries)
    if (d.test.empty() && std::find(claims.begin(), claims.end(), d.claim) != claims.end())
      return &d;
  return nullptr;
}

Ledger parse_ledger(const std::string& yaml, const std::string& file) {
  YAML::Node root;
  try {
    root = YAML::Load(yaml);
  } catch (const YAML::Exception& e) {
    throw LedgerError(fmt::format("{}:{}: {}", file, e.mark.line + 1, e.msg));
  }
  if (!root.IsMap())
    throw LedgerError(file + ": a ledger is a mapping with 'port' and 'divergences'");
  check_keys(file, root, {"port", "platform", "divergences"});
  Ledger l;
  l.file = file;
  l.port = text_of(file, root, "port", true);
  const YAML::Node list = root["divergences"];
  if (list && !list.IsNull()) {
    if (!list.IsSequence()) fail(file, list, "'divergences' must be a list");
    std::set<std::string> seen;
    for (const auto& e : list) {
      Divergence d = read_entry(file, e);
      const std::string key = d.test.empty() ? d.claim : d.test;
      if (!seen.insert(key).second) fail(file, e, fmt::format("'{}' is listed twice", key));
      l.entries.push_back(std::move(d));
    }
  }
  return l;
}

Ledger load_port_ledger(const std::string& dir, const std::string& port) {
  Ledger l;
  l.port = port;
  if (port.empty()) return l;
  static const std::regex port_form("[a-z0-9][a-z0-9_.-]*");
  if (!std::regex_match(port, port_form))
    throw LedgerError(fmt::format("'{}' is not a port name (lower case, digits, _ . -)", port));
  const auto path = std::filesystem::path(dir) / (port + ".yaml");
  std::ifstream in(path);
  if (!in) return l;  // a port without a ledger has no known divergences
  std::ostringstream text;
  text << in.rdbuf();
  Ledger read = parse_ledger(text.str(), path.string());
  if (read.port != port)
    throw LedgerError(fmt::format("{}: says port '{}', but its file is named for '{}'", read.file,
                                  read.port, port));
  return read;
}

std::string_view expectation_name(Expectation e) {
  switch (e) {
    case Expectation::Unlisted:
      return "";
    case Expectation::Expected:
      return "EXPECTED";
    case Expectation::Unexpected:
      return "UNEXPECTED";
    case Expectation::Stale:
      return "STALE";
  }
  return "UNEXPECTED";
}

Expectation classify(Verdict verdict, const Divergence* entry) {
  if (entry == nullptr)
    return is_failure(verdict) ? Expectation::Unexpected : Expectation::Unlisted;
  if (verdict == entry->verdict) return Expectation::Expected;
  if (verdict == Verdict::Pass) return Expectation::Stale;
  // Another divergence than the analysed one (a FAIL became a TIMEOUT, or the run was
  // UNSUPPORTED and so showed nothing): unexpected when it is a failure, else the entry is
  // not confirmed either.
  return is_failure(verdict) ? Expectation::Unexpected : Expectation::Stale;
}

bool gate_fails(int unexpected, int stale, bool allow_stale) {
  return unexpected > 0 || (stale > 0 && !allow_stale);
}

nlohmann::json divergence_json(const Divergence& d) {
  return {{"test", d.test},
          {"claim", d.claim},
          {"verdict", verdict_name(d.verdict)},
          {"class", d.divergence_class},
          {"summary", d.summary},
          {"cause",
           {{"project", d.cause.project},
            {"source", d.cause.source},
            {"function", d.cause.function},
            {"report", d.cause.report},
            {"fixed_in", d.cause.fixed_in}}},
          {"seen_on", d.seen_on},
          {"reproducer", d.reproducer},
          {"analysis", d.analysis}};
}

void apply_ledger(nlohmann::json& conformance, const Ledger& ledger) {
  std::map<std::string, int> counts{{"EXPECTED", 0}, {"UNEXPECTED", 0}, {"STALE", 0}};
  std::set<const Divergence*> used;
  for (auto& t : conformance["tests"]) {
    const auto claims = t.value("claims", std::vector<std::string>{});
    const Divergence* d = ledger.find(t.value("name", ""), claims);
    const Verdict v = verdict_from_name(t.value("verdict", "")).value_or(Verdict::Broken);
    const Expectation e = classify(v, d);
    t["expectation"] = expectation_name(e);
    t.erase("divergence");
    if (d != nullptr) {
      t["divergence"] = divergence_json(*d);
      used.insert(d);
    }
    if (e != Expectation::Unlisted) ++counts[std::string(expectation_name(e))];
  }
  nlohmann::json not_run = nlohmann::json::array();
  for (const auto& d : ledger.entries)
    if (!used.count(&d)) not_run.push_back(d.test.empty() ? d.claim : d.test);
  conformance["ledger"] = {{"port", ledger.port},
                           {"file", ledger.file},
                           {"entries", ledger.entries.size()},
                           {"expected", counts["EXPECTED"]},
                           {"unexpected", counts["UNEXPECTED"]},
                           {"stale", counts["STALE"]},
                           {"not_run", not_run}};
}

}  // namespace procsync
