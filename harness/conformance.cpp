#include "conformance.hpp"

#include <fmt/format.h>

#include <map>
#include <optional>
#include <pugixml.hpp>
#include <regex>
#include <set>
#include <sstream>

#include "result_record.hpp"
#include "verdict.hpp"

namespace procsync {

namespace {

// A test's verdict as its result JSON names it; an unknown name counts as BROKEN.
Verdict verdict_of(const nlohmann::json& test) {
  return verdict_from_name(test.value("verdict", "")).value_or(Verdict::Broken);
}

std::string name_of(Verdict v) {
  return std::string(verdict_name(v));
}

constexpr const char* kNotCovered = "NOT COVERED";

std::string trim_blanks(const std::string& s) {
  const auto b = s.find_first_not_of(" \t");
  if (b == std::string::npos) return "";
  return s.substr(b, s.find_last_not_of(" \t") - b + 1);
}

std::string first_line(const std::string& s) {
  return s.substr(0, s.find('\n'));
}

std::string markdown_cell(std::string s) {
  std::string out;
  for (char c : s) {
    if (c == '|')
      out += "\\|";
    else if (c == '\n')
      out += ' ';
    else
      out += c;
  }
  return out;
}

std::string area_prefix(const std::string& id) {
  return id.substr(0, id.find('-'));
}

// The area of a test: the directory of its name ("signal" for "signal/alarm_overwrite").
std::string area_of_test(const std::string& name) {
  return name.substr(0, name.find('/'));
}

int total(const nlohmann::json& totals, Verdict v) {
  return totals.value(name_of(v), 0);
}

// How each format shows a verdict: one row per verdict, so that a new verdict (an expected
// divergence from a port's ledger: KTAP's XFAIL directive and counter) is one more row.
struct Presentation {
  Verdict verdict;
  bool ktap_ok;                // KTAP's "ok" or "not ok"
  const char* ktap_directive;  // after " # ", or empty
  const char* ksft_counter;    // the kselftest totals line's counter
  const char* junit_element;   // the <testcase>'s result element, or empty (passed)
};
constexpr Presentation kPresentations[] = {
    {Verdict::Pass, true, "", "pass", ""},
    // A flaky pass is a pass to every consumer; the attempts are shown beside it.
    {Verdict::Flaky, true, "", "pass", ""},
    // Short and stable: some consumers fold the SKIP text into the test's identity.
    {Verdict::Unsupported, true, "SKIP unsupported", "skip", "skipped"},
    {Verdict::Fail, false, "", "fail", "failure"},
    {Verdict::Timeout, false, "TIMEOUT", "fail", "failure"},
    {Verdict::Broken, false, "ERROR", "error", "error"},
};
constexpr const char* kKselftestCounters[] = {"pass", "fail", "xfail", "xpass", "skip", "error"};

const Presentation& presentation(Verdict v) {
  for (const auto& p : kPresentations)
    if (p.verdict == v) return p;
  return kPresentations[std::size(kPresentations) - 1];
}

// The ledger's word on a test (ledger.hpp, apply_ledger): "", EXPECTED, UNEXPECTED or STALE.
std::string expectation_of(const nlohmann::json& test) {
  return test.value("expectation", "");
}
bool known_divergence(const nlohmann::json& test) {
  return expectation_of(test) == "EXPECTED";
}
std::string divergence_summary(const nlohmann::json& test) {
  if (!test.contains("divergence")) return "";
  const auto& d = test["divergence"];
  return fmt::format("{} ({})", d.value("summary", ""), d.value("class", ""));
}
bool stale_fails(const nlohmann::json& c) {
  return c.contains("ledger") && !c["ledger"].value("allow_stale", false);
}

// A port's ledger changes how a result is shown: a known divergence is KTAP's XFAIL (and
// JUnit's skipped, which has no XFAIL); a stale entry is kselftest's unexpected pass, a
// failure unless stale entries are allowed.
constexpr Presentation kExpectedDivergence{Verdict::Fail, true, "XFAIL", "xfail", "skipped"};
constexpr Presentation kStaleEntry{Verdict::Pass, false, "", "xpass", "failure"};
constexpr Presentation kStaleAccepted{Verdict::Pass, true, "", "xpass", ""};

const Presentation& presentation_of(const nlohmann::json& c, const nlohmann::json& test) {
  if (known_divergence(test)) return kExpectedDivergence;
  if (expectation_of(test) == "STALE") return stale_fails(c) ? kStaleEntry : kStaleAccepted;
  return presentation(verdict_of(test));
}

// What the ledger says about a test, for the formats' messages; empty when it says nothing.
std::string ledger_reason(const nlohmann::json& test) {
  const std::string e = expectation_of(test);
  if (e == "EXPECTED")
    return fmt::format("EXPECTED {}: known divergence: {}", test["verdict"].get<std::string>(),
                       divergence_summary(test));
  if (e == "STALE")
    return fmt::format("STALE: the ledger expects {}, the test gave {}: the port may have fixed it",
                       test["divergence"].value("verdict", ""), test["verdict"].get<std::string>());
  return "";
}

// Characters XML 1.0 cannot carry (control characters but tab, newline and return) become
// U+FFFD: a program's output may hold anything.
std::string xml_text(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  for (const char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x20 && c != '\t' && c != '\n' && c != '\r')
      out += "\xEF\xBF\xBD";
    else
      out += c;
  }
  return out;
}

// One line per attempt: "attempt 2: PASS [0.12 s]" or "attempt 1: FAIL: <first line>".
std::vector<std::string> attempt_lines(const nlohmann::json& test) {
  std::vector<std::string> lines;
  for (const auto& a : test["attempts"]) {
    const std::string reason = first_line(a.value("reason", ""));
    lines.push_back(fmt::format("attempt {}: {}{} [{:.2f} s, started {}]", a.value("attempt", 0),
                                a.value("verdict", ""), reason.empty() ? "" : ": " + reason,
                                a.value("duration", 0.0), a.value("started", "")));
  }
  return lines;
}

}  // namespace

bool is_failure(const std::string& verdict) {
  return is_failure(verdict_from_name(verdict).value_or(Verdict::Broken));
}

std::vector<CatalogueRow> parse_catalogue(const std::string& markdown) {
  std::vector<CatalogueRow> rows;
  std::istringstream in(markdown);
  std::string line, area;
  static const std::regex id_form("[A-Z]{3}-[0-9]{2}");
  while (std::getline(in, line)) {
    if (line.rfind("## ", 0) == 0) {
      area = trim_blanks(line.substr(3));
      continue;
    }
    if (line.empty() || line[0] != '|') continue;
    std::vector<std::string> cells;
    std::size_t pos = 1;
    while (pos < line.size()) {
      const auto bar = line.find('|', pos);
      if (bar == std::string::npos) break;
      cells.push_back(trim_blanks(line.substr(pos, bar - pos)));
      pos = bar + 1;
    }
    if (cells.size() < 2 || !std::regex_match(cells[0], id_form)) continue;
    rows.push_back({cells[0], area, cells[1]});
  }
  return rows;
}

nlohmann::json build_conformance(const std::vector<nlohmann::json>& results,
                                 const std::vector<CatalogueRow>& catalogue,
                                 const nlohmann::json& platform) {
  nlohmann::json out;
  out["schema"] = kConformanceSchemaVersion;
  out["platform"] = platform;
  out["tests"] = nlohmann::json::array();
  std::map<std::string, std::vector<const nlohmann::json*>> by_claim;
  nlohmann::json totals = nlohmann::json::object();
  for (const Verdict v : kAllVerdicts) totals[name_of(v)] = 0;

  std::vector<ResultRecord> sorted;
  for (const auto& r : results) sorted.push_back(read_record(r));
  std::sort(sorted.begin(), sorted.end(),
            [](const auto& a, const auto& b) { return a.name < b.name; });
  for (const auto& r : sorted) {
    nlohmann::json t;
    t["name"] = r.name;
    t["claims"] = r.claims;
    t["verdict"] = name_of(r.verdict);
    t["reason"] = r.reason;
    // A flaky test's divergence is its first attempt's.
    t["first_divergence"] = is_failure(r.verdict) ? r.reason
                            : r.verdict == Verdict::Flaky && !r.attempts.empty()
                                ? r.attempts.front().reason
                                : "";
    t["duration"] = r.duration;
    t["end"] = r.end;
    t["observed"] = r.observed;
    t["measures"] = r.measures;
    t["max_lateness"] = r.max_lateness;
    t["startup_latency"] = r.startup_latency;
    t["text"] = r.text;
    t["started"] = r.started;
    t["hostname"] = r.hostname;
    t["attempts"] = attempts_json(r.attempts);
    totals[t["verdict"].get<std::string>()] = totals.value(t["verdict"].get<std::string>(), 0) + 1;
    out["tests"].push_back(t);
  }
  for (const auto& t : out["tests"])
    for (const auto& c : t["claims"]) by_claim[c.get<std::string>()].push_back(&t);

  out["behaviours"] = nlohmann::json::array();
  nlohmann::json areas = nlohmann::json::object();
  int not_covered = 0;
  std::set<std::string> known;
  for (const auto& row : catalogue) {
    known.insert(row.id);
    nlohmann::json b{{"id", row.id}, {"area", row.area}, {"title", row.title}};
    b["tests"] = nlohmann::json::array();
    std::optional<Verdict> worst;  // none: NOT COVERED
    std::string note;
    for (const auto* t : by_claim[row.id]) {
      b["tests"].push_back((*t)["name"]);
      const Verdict v = verdict_of(*t);
      if (!worst || severity(v) > severity(*worst)) {
        worst = v;
        note = v == Verdict::Pass ? "" : first_line((*t)["reason"].get<std::string>());
      }
    }
    if (!worst) ++not_covered;
    const std::string verdict = worst ? name_of(*worst) : kNotCovered;
    b["verdict"] = verdict;
    b["note"] = note;
    auto& a = areas[area_prefix(row.id)];
    if (a.is_null()) {
      a["title"] = row.area;
      for (const Verdict v : kAllVerdicts) a[name_of(v)] = 0;
      a[kNotCovered] = 0;
    }
    a[verdict] = a[verdict].get<int>() + 1;
    out["behaviours"].push_back(b);
  }
  nlohmann::json unknown = nlohmann::json::array();
  for (const auto& [claim, tests] : by_claim)
    if (!known.count(claim)) unknown.push_back(claim);
  totals[kNotCovered] = not_covered;
  out["totals"] = totals;
  out["areas"] = areas;
  out["unknown_claims"] = unknown;
  return out;
}

std::string render_json(const nlohmann::json& c) {
  return c.dump(2) + "\n";
}

std::string render_markdown(const nlohmann::json& c) {
  std::string md = "# procsync conformance report\n\n";
  const auto& p = c["platform"];
  md += "| platform | |\n|---|---|\n";
  for (const auto& [k, v] : p.items())
    md += fmt::format("| {} | {} |\n", k,
                      markdown_cell(v.is_string() ? v.get<std::string>() : v.dump()));
  md += "\n## Totals\n\n";
  const auto& t = c["totals"];
  md += fmt::format(
      "Tests: {} passed, {} flaky (passed on a retry), {} failed, {} timed out, {} broken, {} "
      "unsupported. Behaviours not covered: {}.\n\n",
      total(t, Verdict::Pass), total(t, Verdict::Flaky), total(t, Verdict::Fail),
      total(t, Verdict::Timeout), total(t, Verdict::Broken), total(t, Verdict::Unsupported),
      t.value(kNotCovered, 0));
  if (c.contains("ledger")) {
    const auto& l = c["ledger"];
    md += fmt::format(
        "Port `{}`, ledger `{}`: {} expected (known divergences), {} unexpected, {} stale.\n\n",
        l["port"].get<std::string>(),
        l["file"].get<std::string>().empty() ? "(none)" : l["file"].get<std::string>(),
        l["expected"].get<int>(), l["unexpected"].get<int>(), l["stale"].get<int>());
  }
  md +=
      "| area | behaviours | PASS | FLAKY | FAIL | TIMEOUT | BROKEN | UNSUPPORTED | NOT COVERED "
      "|\n";
  md += "|---|---|---|---|---|---|---|---|---|\n";
  for (const auto& [prefix, a] : c["areas"].items()) {
    int n = a.value(kNotCovered, 0);
    for (const Verdict v : kAllVerdicts) n += total(a, v);
    md += fmt::format("| {} | {} | {} | {} | {} | {} | {} | {} | {} |\n", markdown_cell(a["title"]),
                      n, total(a, Verdict::Pass), total(a, Verdict::Flaky), total(a, Verdict::Fail),
                      total(a, Verdict::Timeout), total(a, Verdict::Broken),
                      total(a, Verdict::Unsupported), a.value(kNotCovered, 0));
  }
  std::string area;
  for (const auto& b : c["behaviours"]) {
    if (b["area"] != area) {
      area = b["area"];
      md += fmt::format(
          "\n## {}\n\n| ID | behaviour | test(s) | verdict | note |\n|---|---|---|---|---|\n",
          area);
    }
    std::string tests;
    for (const auto& name : b["tests"])
      tests += (tests.empty() ? "" : "<br>") + ("`" + name.get<std::string>() + "`");
    const std::string v = b["verdict"];
    const std::string shown = v == name_of(Verdict::Pass) ? v : "**" + v + "**";
    md += fmt::format("| {} | {} | {} | {} | {} |\n", b["id"].get<std::string>(),
                      markdown_cell(b["title"]), tests, shown, markdown_cell(b["note"]));
  }
  bool any_ledger = false;
  for (const auto& test : c["tests"]) {
    if (expectation_of(test).empty()) continue;
    if (!any_ledger)
      md +=
          "\n## Against the port's ledger\n\n| test | verdict | expectation | divergence |\n"
          "|---|---|---|---|\n";
    any_ledger = true;
    const std::string e = expectation_of(test);
    md += fmt::format("| `{}` | {} | {} | {} |\n", test["name"].get<std::string>(),
                      test["verdict"].get<std::string>(),
                      e == "STALE" ? "**STALE**: the port may have fixed it"
                                   : (e == "UNEXPECTED" ? "**UNEXPECTED**" : e),
                      markdown_cell(divergence_summary(test)));
  }
  // Every attempt of a retried test, one line each: a flaky pass is never silent.
  bool any_flaky = false;
  for (const auto& test : c["tests"]) {
    if (verdict_of(test) != Verdict::Flaky) continue;
    if (!any_flaky)
      md +=
          "\n## Flaky\n\nFailed, then passed when run again (`--retry-unexpected`): not a "
          "failure, not a pass either.\n\n";
    any_flaky = true;
    std::string attempts;
    for (const auto& line : attempt_lines(test)) attempts += (attempts.empty() ? "" : "; ") + line;
    md += fmt::format("- `{}`: {}\n", test["name"].get<std::string>(), markdown_cell(attempts));
  }
  for (const auto& test : c["tests"]) {
    if (verdict_of(test) != Verdict::Flaky) continue;
    md += fmt::format("\n### {} — FLAKY (its first attempt)\n\n```\n{}```\n",
                      test["name"].get<std::string>(), test["text"].get<std::string>());
  }
  bool any_failure = false;
  for (const auto& test : c["tests"]) {
    if (!is_failure(verdict_of(test))) continue;
    if (!any_failure) md += "\n## Failures\n";
    any_failure = true;
    md += fmt::format("\n### {} — {}{}\n\n", test["name"].get<std::string>(),
                      test["verdict"].get<std::string>(),
                      known_divergence(test) ? " (EXPECTED: known divergence)" : "");
    if (test["attempts"].size() > 1)
      for (const auto& line : attempt_lines(test)) md += "- " + markdown_cell(line) + "\n";
    md += fmt::format("\n```\n{}```\n", test["text"].get<std::string>());
  }
  bool any_measure = false;
  for (const auto& test : c["tests"]) {
    for (const auto& [k, v] : test["measures"].items()) {
      if (!any_measure) md += "\n## Measured figures\n\n| test | figure | value |\n|---|---|---|\n";
      any_measure = true;
      md += fmt::format("| `{}` | {} | {} |\n", test["name"].get<std::string>(), k, v.dump());
    }
  }
  if (!c["unknown_claims"].empty())
    md += fmt::format("\nClaims not in the catalogue: {}\n", c["unknown_claims"].dump());
  return md;
}

namespace {

// "2026-12-01T08:29:23.123Z" as JUnit's timestamp: the seconds, no zone (Ant's form; UTC).
std::string junit_timestamp(const std::string& rfc3339) {
  return rfc3339.substr(0, std::min<std::size_t>(rfc3339.size(), 19));
}

std::string junit_time(double seconds) {
  return fmt::format("{:.3f}", std::max(0.0, seconds));
}

double time_spent(const nlohmann::json& test) {
  double t = 0;
  for (const auto& a : test["attempts"]) t += a.value("duration", 0.0);
  return test["attempts"].empty() ? test.value("duration", 0.0) : t;
}

// A retried attempt inside a <testcase>: Surefire's elements, which the Jenkins xUnit
// schema allows: <flakyFailure>/<flakyError> for the failed attempts of a test that then
// passed, <rerunFailure>/<rerunError> for the reruns of one that did not.
void append_attempt(pugi::xml_node tc, const nlohmann::json& attempt, bool flaky) {
  const Verdict v = verdict_from_name(attempt.value("verdict", "")).value_or(Verdict::Broken);
  const bool error = v == Verdict::Broken || v == Verdict::Unsupported;
  const char* element =
      flaky ? (error ? "flakyError" : "flakyFailure") : (error ? "rerunError" : "rerunFailure");
  auto e = tc.append_child(element);
  e.append_attribute("message") =
      xml_text(fmt::format("attempt {}: {}", attempt.value("attempt", 0),
                           first_line(attempt.value("reason", ""))))
          .c_str();
  e.append_attribute("type") = name_of(v).c_str();
  e.append_child("stackTrace")
      .append_child(pugi::node_pcdata)
      .set_value(xml_text(attempt.value("text", "")).c_str());
}

}  // namespace

std::string render_junit(const nlohmann::json& c) {
  pugi::xml_document doc;
  auto decl = doc.append_child(pugi::node_declaration);
  decl.append_attribute("version") = "1.0";
  decl.append_attribute("encoding") = "UTF-8";
  auto suites = doc.append_child("testsuites");
  suites.append_attribute("name") = "procsync";
  // One <testsuite> per area, in name order (the tests are sorted by name).
  std::map<std::string, std::vector<const nlohmann::json*>> by_area;
  for (const auto& test : c["tests"]) by_area[area_of_test(test["name"])].push_back(&test);
  const auto& platform = c["platform"];
  int all_tests = 0, all_failures = 0, all_errors = 0;
  double all_time = 0;
  for (const auto& [area, tests] : by_area) {
    int failures = 0, errors = 0, skipped = 0;
    double time = 0;
    std::string started;
    std::string hostname = platform.value("hostname", "");
    for (const auto* t : tests) {
      const std::string element = presentation_of(c, *t).junit_element;
      failures += element == "failure";
      errors += element == "error";
      skipped += element == "skipped";
      time += time_spent(*t);
      const std::string s = t->value("started", "");
      if (!s.empty() && (started.empty() || s < started)) started = s;
      if (hostname.empty()) hostname = t->value("hostname", "");
    }
    auto suite = suites.append_child("testsuite");
    suite.append_attribute("name") = area.c_str();
    suite.append_attribute("tests") = static_cast<int>(tests.size());
    suite.append_attribute("failures") = failures;
    suite.append_attribute("errors") = errors;
    suite.append_attribute("skipped") = skipped;
    suite.append_attribute("time") = junit_time(time).c_str();
    if (!started.empty()) suite.append_attribute("timestamp") = junit_timestamp(started).c_str();
    suite.append_attribute("hostname") = hostname.empty() ? "unknown" : hostname.c_str();
    // The platform, where the schemas allow properties: on the suite.
    auto props = suite.append_child("properties");
    for (const auto& [k, v] : platform.items()) {
      auto prop = props.append_child("property");
      prop.append_attribute("name") = k.c_str();
      prop.append_attribute("value") =
          xml_text(v.is_string() ? v.get<std::string>() : v.dump()).c_str();
    }
    all_tests += static_cast<int>(tests.size());
    all_failures += failures;
    all_errors += errors;
    all_time += time;

    for (const auto* tp : tests) {
      const auto& test = *tp;
      const std::string name = test["name"];
      const Verdict v = verdict_of(test);
      auto tc = suite.append_child("testcase");
      tc.append_attribute("classname") = area.c_str();
      tc.append_attribute("name") = name.c_str();
      tc.append_attribute("time") = junit_time(time_spent(test)).c_str();
      const std::string element = presentation_of(c, test).junit_element;
      const std::string expectation = expectation_of(test);
      const std::string reason = xml_text(
          ledger_reason(test).empty() ? test["reason"].get<std::string>() : ledger_reason(test));
      if (element == "skipped") {
        tc.append_child("skipped").append_attribute("message") = reason.c_str();
      } else if (!element.empty()) {
        auto e = tc.append_child(element.c_str());
        e.append_attribute("message") = (name_of(v) + ": " + reason).c_str();
        e.append_attribute("type") = expectation == "STALE" ? "STALE" : name_of(v).c_str();
        e.append_child(pugi::node_pcdata)
            .set_value(xml_text(test["text"].get<std::string>()).c_str());
      }
      // The first attempt is the test's own result; the others are reruns of it. A flaky
      // test's failed attempts are its flaky ones, the passing one is the test's result.
      const auto& attempts = test["attempts"];
      for (std::size_t i = 0; i < attempts.size(); ++i) {
        const auto& a = attempts[i];
        if (v == Verdict::Flaky) {
          if (a.value("verdict", "") != name_of(Verdict::Pass)) append_attempt(tc, a, true);
        } else if (i > 0) {
          append_attempt(tc, a, false);
        }
      }
      // The claims per test in <system-out>: a <testcase> may not hold <properties> under
      // the Jenkins xUnit schema, and the viewers that read JUnit keep a test's output
      // (a suite-level property per test would lose the tie to the test in most of them).
      std::string out = "claims:";
      for (const auto& cl : test["claims"]) out += " " + cl.get<std::string>();
      out += "\n";
      if (!expectation.empty()) out += "expectation: " + expectation + "\n";
      if (attempts.size() > 1)
        for (const auto& line : attempt_lines(test)) out += line + "\n";
      tc.append_child("system-out")
          .append_child(pugi::node_pcdata)
          .set_value(xml_text(out).c_str());
    }
  }
  suites.append_attribute("tests") = all_tests;
  suites.append_attribute("failures") = all_failures;
  suites.append_attribute("errors") = all_errors;
  suites.append_attribute("time") = junit_time(all_time).c_str();
  std::ostringstream out;
  doc.save(out, "  ");
  return out.str();
}

std::string render_ktap(const nlohmann::json& c) {
  std::string out = "KTAP version 1\n";
  out += fmt::format("1..{}\n", c["tests"].size());
  const auto diagnostic = [&](const std::string& text) {
    std::istringstream lines(text);
    std::string line;
    while (std::getline(lines, line)) out += "# " + line + "\n";
  };
  std::map<std::string, int> counters;
  int n = 0;
  for (const auto& test : c["tests"]) {
    ++n;
    const Verdict v = verdict_of(test);
    const Presentation& p = presentation_of(c, test);
    const std::string name = test["name"];
    if (!ledger_reason(test).empty()) diagnostic(fmt::format("{}: {}", name, ledger_reason(test)));
    // Everything long or platform-specific goes on diagnostic lines before the result, so
    // that the result line (the test's identity downstream) stays the same everywhere.
    const auto& attempts = test["attempts"];
    if (attempts.size() > 1) {
      diagnostic(fmt::format("{}: {} after {} attempts", name, name_of(v), attempts.size()));
      for (const auto& line : attempt_lines(test)) diagnostic(line);
      for (const auto& a : attempts)
        if (a.value("verdict", "") != name_of(Verdict::Pass)) diagnostic(a.value("text", ""));
    } else if (v == Verdict::Unsupported) {
      diagnostic(fmt::format("{}: UNSUPPORTED: {}", name, test["reason"].get<std::string>()));
    } else if (v != Verdict::Pass) {
      diagnostic(test["text"]);
    }
    out += fmt::format("{} {} {}{}{}\n", p.ktap_ok ? "ok" : "not ok", n, name,
                       *p.ktap_directive ? " # " : "", p.ktap_directive);
    ++counters[p.ksft_counter];
  }
  const auto& t = c["totals"];
  std::string verdicts;
  for (const Verdict v : kAllVerdicts)
    verdicts += fmt::format("{}{}:{}", verdicts.empty() ? "" : " ", name_of(v), total(t, v));
  out += "# procsync verdicts: " + verdicts + "\n";
  // kselftest's totals line, last (tools look for it at the end).
  std::string totals;
  for (const char* counter : kKselftestCounters)
    totals += fmt::format("{}{}:{}", totals.empty() ? "" : " ", counter, counters[counter]);
  out += "# Totals: " + totals + "\n";
  return out;
}

std::string render_console(const nlohmann::json& c) {
  std::string out;
  for (const auto& test : c["tests"])
    if (is_failure(verdict_of(test))) out += "\n" + test["text"].get<std::string>();
  const auto& t = c["totals"];
  int behaviours = 0, passing = 0;
  for (const auto& b : c["behaviours"]) {
    ++behaviours;
    if (b["verdict"] == name_of(Verdict::Pass)) ++passing;
  }
  out += fmt::format(
      "\nprocsync: {} tests: {} passed, {} flaky, {} failed, {} timed out, {} broken, {} "
      "unsupported\n",
      c["tests"].size(), total(t, Verdict::Pass), total(t, Verdict::Flaky), total(t, Verdict::Fail),
      total(t, Verdict::Timeout), total(t, Verdict::Broken), total(t, Verdict::Unsupported));
  out += fmt::format("procsync: catalogue: {} of {} behaviours pass, {} not covered\n", passing,
                     behaviours, t["NOT COVERED"].get<int>());
  for (const auto& test : c["tests"])
    if (is_failure(verdict_of(test)) || verdict_of(test) == Verdict::Flaky)
      out += fmt::format("procsync:   {} {}{}: {}\n", test["verdict"].get<std::string>(),
                         test["name"].get<std::string>(),
                         known_divergence(test) ? " (EXPECTED: known divergence)" : "",
                         first_line(test["reason"]));
  if (c.contains("ledger")) {
    const auto& l = c["ledger"];
    out += fmt::format(
        "procsync: port {} ({}): {} expected, {} unexpected, {} stale\n",
        l["port"].get<std::string>(),
        l["file"].get<std::string>().empty() ? "no ledger" : l["file"].get<std::string>(),
        l["expected"].get<int>(), l["unexpected"].get<int>(), l["stale"].get<int>());
    for (const auto& test : c["tests"])
      if (expectation_of(test) == "STALE")
        out += fmt::format(
            "procsync:   STALE {}: the ledger expects {}, the test gave {}: the port may have "
            "fixed it; {}\n",
            test["name"].get<std::string>(), test["divergence"].value("verdict", ""),
            test["verdict"].get<std::string>(),
            stale_fails(c) ? "this fails the gate (--allow-stale to accept it)"
                           : "accepted (--allow-stale)");
  }
  return out;
}

RunDiff diff_runs(const nlohmann::json& a, const nlohmann::json& b, double threshold) {
  std::map<std::string, const nlohmann::json*> ta, tb;
  for (const auto& t : a["tests"]) ta[t["name"]] = &t;
  for (const auto& t : b["tests"]) tb[t["name"]] = &t;
  RunDiff d;
  d.stale_fails = stale_fails(b);
  for (const auto& [name, t] : ta)
    if (!tb.count(name)) d.no_longer_run.push_back(name);
  for (const auto& [name, t] : tb) {
    const Verdict vb = verdict_of(*t);
    if (!ta.count(name)) {
      d.newly_run.push_back(fmt::format("{} ({})", name, verdict_name(vb)));
      if (is_failure(vb) && !known_divergence(*t))
        d.newly_failing.push_back(
            fmt::format("{}: {} {}", name, verdict_name(vb), first_line((*t)["reason"])));
      continue;
    }
    const auto& x = *ta[name];
    const Verdict va = verdict_of(x);
    if (expectation_of(*t) == "STALE")
      d.stale.push_back(
          fmt::format("{}: the ledger expects {}, B gave {}: the port may have "
                      "fixed it",
                      name, (*t)["divergence"].value("verdict", ""), verdict_name(vb)));
    if (is_failure(vb) && !is_failure(va) && known_divergence(*t))
      d.known_divergences.push_back(fmt::format("{}: {} -> {} (EXPECTED): {}", name,
                                                verdict_name(va), verdict_name(vb),
                                                divergence_summary(*t)));
    else if (is_failure(vb) && !is_failure(va))
      d.newly_failing.push_back(fmt::format("{}: {} -> {}: {}", name, verdict_name(va),
                                            verdict_name(vb), first_line((*t)["reason"])));
    else if (vb == Verdict::Pass && va != Verdict::Pass)
      d.newly_passing.push_back(fmt::format("{}: {} -> PASS", name, verdict_name(va)));
    else if (vb == Verdict::Flaky && va != Verdict::Flaky)
      d.newly_flaky.push_back(
          fmt::format("{}: {} -> FLAKY: {}", name, verdict_name(va), first_line((*t)["reason"])));
    else if (vb == Verdict::Unsupported && va != Verdict::Unsupported)
      d.newly_unsupported.push_back(fmt::format("{}: {} -> UNSUPPORTED: {}", name, verdict_name(va),
                                                first_line((*t)["reason"])));
    if (va == Verdict::Pass && vb == Verdict::Pass) {
      const double da = x.value("duration", 0.0), db = t->value("duration", 0.0);
      const double la = x.value("max_lateness", 0.0), lb = t->value("max_lateness", 0.0);
      if (std::abs(db - da) > threshold || std::abs(lb - la) > threshold)
        d.timing_moved.push_back(
            fmt::format("{}: duration {:.3f} -> {:.3f} s, max lateness {:.3f} -> {:.3f} s", name,
                        da, db, la, lb));
    }
  }
  return d;
}

std::string render_diff(const RunDiff& d, const std::string& a_name, const std::string& b_name) {
  std::string out = fmt::format("procsync diff: {} (A) -> {} (B)\n", a_name, b_name);
  const auto section = [&](const char* title, const std::vector<std::string>& items) {
    if (items.empty()) return;
    out += fmt::format("{} ({}):\n", title, items.size());
    for (const auto& i : items) out += "  " + i + "\n";
  };
  section("newly failing", d.newly_failing);
  section("known divergences of B's port (expected)", d.known_divergences);
  section("stale ledger entries of B's port", d.stale);
  section("no longer run", d.no_longer_run);
  section("newly passing", d.newly_passing);
  section("newly flaky (passed on a retry)", d.newly_flaky);
  section("newly unsupported", d.newly_unsupported);
  section("new tests", d.newly_run);
  section("timing moved (passing on both)", d.timing_moved);
  out += d.regressed() ? "B regressed against A\n" : "no regression of B against A\n";
  return out;
}

}  // namespace procsync
