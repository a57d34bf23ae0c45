#include "conformance.hpp"

#include <fmt/format.h>

#include <map>
#include <pugixml.hpp>
#include <regex>
#include <set>
#include <sstream>

namespace procsync {

namespace {

const std::vector<std::string> kVerdicts = {"PASS", "FAIL", "TIMEOUT", "BROKEN", "UNSUPPORTED"};

// Worse verdicts win when a behaviour has several tests.
int severity(const std::string& v) {
  if (v == "BROKEN") return 5;
  if (v == "TIMEOUT") return 4;
  if (v == "FAIL") return 3;
  if (v == "UNSUPPORTED") return 2;
  if (v == "PASS") return 1;
  return 0;
}

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

}  // namespace

bool is_failure(const std::string& verdict) {
  return verdict == "FAIL" || verdict == "TIMEOUT" || verdict == "BROKEN";
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
  for (const auto& v : kVerdicts) totals[v] = 0;

  std::vector<nlohmann::json> sorted = results;
  std::sort(sorted.begin(), sorted.end(),
            [](const auto& a, const auto& b) { return a.value("name", "") < b.value("name", ""); });
  for (const auto& r : sorted) {
    nlohmann::json t;
    t["name"] = r.value("name", "");
    t["claims"] = r.value("claims", nlohmann::json::array());
    t["verdict"] = r.value("verdict", "BROKEN");
    t["reason"] = r.value("reason", "");
    t["first_divergence"] = is_failure(t["verdict"]) ? r.value("reason", "") : "";
    t["duration"] = r.value("duration", 0.0);
    t["end"] = r.value("end", "");
    t["observed"] = r.value("observed", nlohmann::json::array());
    t["measures"] = r.value("measures", nlohmann::json::object());
    t["max_lateness"] = r.value("max_lateness", 0.0);
    t["startup_latency"] = r.value("startup_latency", 0.0);
    t["text"] = r.value("text", "");
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
    std::string verdict = "NOT COVERED";
    std::string note;
    for (const auto* t : by_claim[row.id]) {
      b["tests"].push_back((*t)["name"]);
      const std::string v = (*t)["verdict"];
      if (severity(v) > severity(verdict)) {
        verdict = v;
        note = v == "PASS" ? "" : first_line((*t)["reason"].get<std::string>());
      }
    }
    if (verdict == "NOT COVERED") ++not_covered;
    b["verdict"] = verdict;
    b["note"] = note;
    auto& a = areas[area_prefix(row.id)];
    if (a.is_null()) {
      a["title"] = row.area;
      for (const auto& v : kVerdicts) a[v] = 0;
      a["NOT COVERED"] = 0;
    }
    a[verdict] = a[verdict].get<int>() + 1;
    out["behaviours"].push_back(b);
  }
  nlohmann::json unknown = nlohmann::json::array();
  for (const auto& [claim, tests] : by_claim)
    if (!known.count(claim)) unknown.push_back(claim);
  totals["NOT COVERED"] = not_covered;
  out["totals"] = totals;
  out["areas"] = areas;
  out["unknown_claims"] = unknown;
  return out;
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
    const std::string shown = v == "PASS" ? "PASS" : "**" + v + "**";
    md += fmt::format("| {} | {} | {} | {} | {} |\n", b["id"].get<std::string>(),
                      md_cell(b["title"]), tests, shown, md_cell(b["note"]));
  }
  bool any_failure = false;
  for (const auto& test : c["tests"]) {
    if (!is_failure(test["verdict"])) continue;
    if (!any_failure) md += "\n## Failures\n";
    any_failure = true;
    md += fmt::format("\n### {} — {}\n\n```\n{}```\n", test["name"].get<std::string>(),
                      test["verdict"].get<std::string>(), test["text"].get<std::string>());
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
  const auto& t = c["totals"];
  suite.append_attribute("name") = "procsync";
  suite.append_attribute("tests") = static_cast<int>(c["tests"].size());
  suite.append_attribute("failures") = t["FAIL"].get<int>() + t["TIMEOUT"].get<int>();
  suite.append_attribute("errors") = t["BROKEN"].get<int>();
  suite.append_attribute("skipped") = t["UNSUPPORTED"].get<int>();
  for (const auto& test : c["tests"]) {
    const std::string name = test["name"];
    auto tc = suite.append_child("testcase");
    tc.append_attribute("classname") = name.substr(0, name.find('/')).c_str();
    tc.append_attribute("name") = name.c_str();
    tc.append_attribute("time") = test["duration"].get<double>();
    const std::string v = test["verdict"];
    if (v == "FAIL" || v == "TIMEOUT") {
      auto f = tc.append_child("failure");
      f.append_attribute("message") = (v + ": " + test["reason"].get<std::string>()).c_str();
      f.append_attribute("type") = v.c_str();
      f.append_child(pugi::node_pcdata).set_value(test["text"].get<std::string>().c_str());
    } else if (v == "BROKEN") {
      auto e = tc.append_child("error");
      e.append_attribute("message") = test["reason"].get<std::string>().c_str();
      e.append_child(pugi::node_pcdata).set_value(test["text"].get<std::string>().c_str());
    } else if (v == "UNSUPPORTED") {
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
  }
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
    const std::string v = test["verdict"];
    const std::string name = test["name"];
    if (is_failure(v)) {
      std::istringstream text(test["text"].get<std::string>());
      std::string line;
      while (std::getline(text, line)) out += "# " + line + "\n";
    }
    if (v == "PASS")
      out += fmt::format("ok {} {}\n", n, name);
    else if (v == "UNSUPPORTED")
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
    if (is_failure(test["verdict"])) out += "\n" + test["text"].get<std::string>();
  const auto& t = c["totals"];
  int behaviours = 0, passing = 0;
  for (const auto& b : c["behaviours"]) {
    ++behaviours;
    if (b["verdict"] == "PASS") ++passing;
  }
  out += fmt::format(
      "\nprocsync: {} tests: {} passed, {} failed, {} timed out, {} broken, {} unsupported\n",
      c["tests"].size(), t["PASS"].get<int>(), t["FAIL"].get<int>(), t["TIMEOUT"].get<int>(),
      t["BROKEN"].get<int>(), t["UNSUPPORTED"].get<int>());
  out += fmt::format("procsync: catalogue: {} of {} behaviours pass, {} not covered\n", passing,
                     behaviours, t["NOT COVERED"].get<int>());
  for (const auto& test : c["tests"])
    if (is_failure(test["verdict"]))
      out += fmt::format("procsync:   {} {}: {}\n", test["verdict"].get<std::string>(),
                         test["name"].get<std::string>(), first_line(test["reason"]));
  return out;
}

RunDiff diff_runs(const nlohmann::json& a, const nlohmann::json& b, double threshold) {
  std::map<std::string, const nlohmann::json*> ta, tb;
  for (const auto& t : a["tests"]) ta[t["name"]] = &t;
  for (const auto& t : b["tests"]) tb[t["name"]] = &t;
  RunDiff d;
  for (const auto& [name, t] : ta)
    if (!tb.count(name)) d.no_longer_run.push_back(name);
  for (const auto& [name, t] : tb) {
    const std::string vb = (*t)["verdict"];
    if (!ta.count(name)) {
      d.newly_run.push_back(fmt::format("{} ({})", name, vb));
      if (is_failure(vb))
        d.newly_failing.push_back(fmt::format("{}: {} {}", name, vb, first_line((*t)["reason"])));
      continue;
    }
    const auto& x = *ta[name];
    const std::string va = x["verdict"];
    if (is_failure(vb) && !is_failure(va))
      d.newly_failing.push_back(
          fmt::format("{}: {} -> {}: {}", name, va, vb, first_line((*t)["reason"])));
    else if (vb == "PASS" && va != "PASS")
      d.newly_passing.push_back(fmt::format("{}: {} -> PASS", name, va));
    else if (vb == "UNSUPPORTED" && va != "UNSUPPORTED")
      d.newly_unsupported.push_back(
          fmt::format("{}: {} -> UNSUPPORTED: {}", name, va, first_line((*t)["reason"])));
    if (va == "PASS" && vb == "PASS") {
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
  section("no longer run", d.no_longer_run);
  section("newly passing", d.newly_passing);
  section("newly unsupported", d.newly_unsupported);
  section("new tests", d.newly_run);
  section("timing moved (passing on both)", d.timing_moved);
  out += d.regressed() ? "B regressed against A\n" : "no regression of B against A\n";
  return out;
}

}  // namespace procsync
