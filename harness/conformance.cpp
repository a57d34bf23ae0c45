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

std::string trim(const std::string& s) {
  const auto b = s.find_first_not_of(" \t");
  if (b == std::string::npos) return "";
  return s.substr(b, s.find_last_not_of(" \t") - b + 1);
}

std::string first_line(const std::string& s) {
  return s.substr(0, s.find('\n'));
}

std::string md_cell(std::string s) {
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
      area = trim(line.substr(3));
      continue;
    }
    if (line.empty() || line[0] != '|') continue;
    std::vector<std::string> cells;
    std::size_t pos = 1;
    while (pos < line.size()) {
      const auto bar = line.find('|', pos);
      if (bar == std::string::npos) break;
      cells.push_back(trim(line.substr(pos, bar - pos)));
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
    t["first_divergence"] = is_failure(r.verdict) ? r.reason : "";
    t["duration"] = r.duration;
    t["end"] = r.end;
    t["observed"] = r.observed;
    t["measures"] = r.measures;
    t["max_lateness"] = r.max_lateness;
    t["startup_latency"] = r.startup_latency;
    t["text"] = r.text;
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
    md += fmt::format("| {} | {} |\n", k, md_cell(v.is_string() ? v.get<std::string>() : v.dump()));
  md += "\n## Totals\n\n";
  const auto& t = c["totals"];
  md += fmt::format(
      "Tests: {} passed, {} failed, {} timed out, {} broken, {} unsupported. "
      "Behaviours not covered: {}.\n\n",
      t["PASS"].get<int>(), t["FAIL"].get<int>(), t["TIMEOUT"].get<int>(), t["BROKEN"].get<int>(),
      t["UNSUPPORTED"].get<int>(), t["NOT COVERED"].get<int>());
  if (c.contains("ledger")) {
    const auto& l = c["ledger"];
    md += fmt::format(
        "Port `{}`, ledger `{}`: {} expected (known divergences), {} unexpected, {} stale.\n\n",
        l["port"].get<std::string>(),
        l["file"].get<std::string>().empty() ? "(none)" : l["file"].get<std::string>(),
        l["expected"].get<int>(), l["unexpected"].get<int>(), l["stale"].get<int>());
  }
  md += "| area | behaviours | PASS | FAIL | TIMEOUT | BROKEN | UNSUPPORTED | NOT COVERED |\n";
  md += "|---|---|---|---|---|---|---|---|\n";
  for (const auto& [prefix, a] : c["areas"].items()) {
    int n = 0;
    for (const auto& v : {"PASS", "FAIL", "TIMEOUT", "BROKEN", "UNSUPPORTED", "NOT COVERED"})
      n += a[v].get<int>();
    md += fmt::format("| {} | {} | {} | {} | {} | {} | {} | {} |\n", md_cell(a["title"]), n,
                      a["PASS"].get<int>(), a["FAIL"].get<int>(), a["TIMEOUT"].get<int>(),
                      a["BROKEN"].get<int>(), a["UNSUPPORTED"].get<int>(),
                      a["NOT COVERED"].get<int>());
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
                      md_cell(b["title"]), tests, shown, md_cell(b["note"]));
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
                      md_cell(divergence_summary(test)));
  }
  bool any_failure = false;
  for (const auto& test : c["tests"]) {
    if (!is_failure(verdict_of(test))) continue;
    if (!any_failure) md += "\n## Failures\n";
    any_failure = true;
    md += fmt::format("\n### {} — {}{}\n\n```\n{}```\n", test["name"].get<std::string>(),
                      test["verdict"].get<std::string>(),
                      known_divergence(test) ? " (EXPECTED: known divergence)" : "",
                      test["text"].get<std::string>());
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

std::string render_junit(const nlohmann::json& c) {
  pugi::xml_document doc;
  auto decl = doc.append_child(pugi::node_declaration);
  decl.append_attribute("version") = "1.0";
  decl.append_attribute("encoding") = "UTF-8";
  auto suites = doc.append_child("testsuites");
  auto suite = suites.append_child("testsuite");
  suite.append_attribute("name") = "procsync";
  suite.append_attribute("tests") = static_cast<int>(c["tests"].size());
  auto failures = suite.append_attribute("failures");
  auto errors = suite.append_attribute("errors");
  auto skipped = suite.append_attribute("skipped");
  int n_failures = 0, n_errors = 0, n_skipped = 0;
  for (const auto& test : c["tests"]) {
    const std::string name = test["name"];
    auto tc = suite.append_child("testcase");
    tc.append_attribute("classname") = name.substr(0, name.find('/')).c_str();
    tc.append_attribute("name") = name.c_str();
    tc.append_attribute("time") = test["duration"].get<double>();
    const Verdict v = verdict_of(test);
    const std::string expectation = expectation_of(test);
    if (known_divergence(test)) {
      // A known divergence is not a failure of the gate; JUnit has no XFAIL, so skipped.
      ++n_skipped;
      tc.append_child("skipped").append_attribute("message") =
          fmt::format("EXPECTED {}: known divergence: {}", name_of(v), divergence_summary(test))
              .c_str();
    } else if (expectation == "STALE" && stale_fails(c)) {
      ++n_failures;
      auto f = tc.append_child("failure");
      f.append_attribute("message") =
          fmt::format("STALE: the ledger expects {}, the test gave {}: the port may have fixed it",
                      test["divergence"].value("verdict", ""), name_of(v))
              .c_str();
      f.append_attribute("type") = "STALE";
    } else if (v == Verdict::Fail || v == Verdict::Timeout) {
      ++n_failures;
      auto f = tc.append_child("failure");
      f.append_attribute("message") =
          (name_of(v) + ": " + test["reason"].get<std::string>()).c_str();
      f.append_attribute("type") = name_of(v).c_str();
      f.append_child(pugi::node_pcdata).set_value(test["text"].get<std::string>().c_str());
    } else if (v == Verdict::Broken) {
      ++n_errors;
      auto e = tc.append_child("error");
      e.append_attribute("message") = test["reason"].get<std::string>().c_str();
      e.append_child(pugi::node_pcdata).set_value(test["text"].get<std::string>().c_str());
    } else if (v == Verdict::Unsupported) {
      ++n_skipped;
      tc.append_child("skipped").append_attribute("message") =
          test["reason"].get<std::string>().c_str();
    }
    std::string claims;
    for (const auto& cl : test["claims"])
      claims += (claims.empty() ? "" : ", ") + cl.get<std::string>();
    auto props = tc.append_child("properties");
    auto prop = props.append_child("property");
    prop.append_attribute("name") = "claims";
    prop.append_attribute("value") = claims.c_str();
    if (!expectation.empty()) {
      auto e = props.append_child("property");
      e.append_attribute("name") = "expectation";
      e.append_attribute("value") = expectation.c_str();
    }
  }
  failures = n_failures;
  errors = n_errors;
  skipped = n_skipped;
  std::ostringstream out;
  doc.save(out, "  ");
  return out.str();
}

std::string render_ktap(const nlohmann::json& c) {
  std::string out = "KTAP version 1\n";
  out += fmt::format("1..{}\n", c["tests"].size());
  int n = 0;
  for (const auto& test : c["tests"]) {
    ++n;
    const Verdict v = verdict_of(test);
    const std::string name = test["name"];
    if (is_failure(v)) {
      std::istringstream text(test["text"].get<std::string>());
      std::string line;
      while (std::getline(text, line)) out += "# " + line + "\n";
    }
    if (known_divergence(test))
      out +=
          fmt::format("ok {} {} # XFAIL {}: {}\n", n, name, name_of(v), divergence_summary(test));
    else if (expectation_of(test) == "STALE")
      out += fmt::format(
          "# STALE: {}: the ledger expects {}, the test gave {}: the port may "
          "have fixed it\n{} {} {}\n",
          name, test["divergence"].value("verdict", ""), name_of(v),
          stale_fails(c) ? "not ok" : "ok", n, name);
    else if (v == Verdict::Pass)
      out += fmt::format("ok {} {}\n", n, name);
    else if (v == Verdict::Unsupported)
      out += fmt::format("ok {} {} # SKIP {}\n", n, name, first_line(test["reason"]));
    else
      out += fmt::format("not ok {} {}\n", n, name);
  }
  const auto& t = c["totals"];
  out += fmt::format("# totals: pass:{} fail:{} skip:{} error:{}\n", t["PASS"].get<int>(),
                     t["FAIL"].get<int>() + t["TIMEOUT"].get<int>(), t["UNSUPPORTED"].get<int>(),
                     t["BROKEN"].get<int>());
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
      "\nprocsync: {} tests: {} passed, {} failed, {} timed out, {} broken, {} unsupported\n",
      c["tests"].size(), t["PASS"].get<int>(), t["FAIL"].get<int>(), t["TIMEOUT"].get<int>(),
      t["BROKEN"].get<int>(), t["UNSUPPORTED"].get<int>());
  out += fmt::format("procsync: catalogue: {} of {} behaviours pass, {} not covered\n", passing,
                     behaviours, t["NOT COVERED"].get<int>());
  for (const auto& test : c["tests"])
    if (is_failure(verdict_of(test)))
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
  section("newly unsupported", d.newly_unsupported);
  section("new tests", d.newly_run);
  section("timing moved (passing on both)", d.timing_moved);
  out += d.regressed() ? "B regressed against A\n" : "no regression of B against A\n";
  return out;
}

}  // namespace procsync
