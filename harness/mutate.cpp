#include "mutate.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <csignal>
#include <map>
#include <regex>

namespace procsync {

namespace {

// Where each expected line of the trace was seen: (item, line) -> observed time.
using Position = std::pair<std::size_t, std::size_t>;

std::map<Position, double> arrivals(const Trace& trace, const Comparison& cmp,
                                    const Observation& obs) {
  std::map<Position, double> at;
  for (const Row& row : cmp.rows) {
    if (row.expect == nullptr || row.observed < 0) continue;
    for (std::size_t i = 0; i < trace.items.size(); ++i)
      for (std::size_t j = 0; j < trace.items[i].lines.size(); ++j)
        if (&trace.items[i].lines[j] == row.expect)
          at[{i, j}] = obs.lines[static_cast<std::size_t>(row.observed)].t;
  }
  return at;
}

// The index of an expected line among all expected lines, in trace order (what a
// stimulus's after_lines counts).
std::size_t flat_index(const Trace& trace, Position p) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < p.first; ++i) n += trace.items[i].lines.size();
  return n + p.second;
}

bool is_letter(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

// The characters of a regular expression that stand for themselves: not escaped, not in a
// bracket expression or a {n,m} quantifier.
std::vector<bool> literal_positions(const std::string& pattern) {
  std::vector<bool> literal(pattern.size(), false);
  bool in_class = false, in_braces = false;
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    const char c = pattern[i];
    if (c == '\\') {
      ++i;  // the escaped character is a class (\d) or a literal punctuation mark
      continue;
    }
    if (in_class) {
      in_class = c != ']';
      continue;
    }
    if (in_braces) {
      in_braces = c != '}';
      continue;
    }
    if (c == '[') in_class = true;
    if (c == '{') in_braces = true;
    literal[i] = !in_class && !in_braces && (is_letter(c) || is_digit(c));
  }
  return literal;
}

char other_letter(char c) {
  return c == 'Q' ? 'Z' : 'Q';
}

// Literal mutants of one text: each number (up to three) one higher, and one letter of the
// longest word changed.
std::vector<std::pair<std::string, std::string>> literal_changes(const std::string& text,
                                                                 bool regex) {
  std::vector<bool> literal(text.size(), true);
  if (regex) literal = literal_positions(text);
  std::vector<std::pair<std::string, std::string>> out;
  int numbers = 0;
  for (std::size_t i = 0; i < text.size() && numbers < 3;) {
    if (!literal[i] || !is_digit(text[i])) {
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < text.size() && literal[j] && is_digit(text[j])) ++j;
    // A number inside a word (SIGRTMIN+3 is a name, not a count) changes like any other.
    const std::string digits = text.substr(i, j - i);
    std::string bumped = digits;
    for (std::size_t k = bumped.size(); k-- > 0;) {
      if (bumped[k] != '9') {
        ++bumped[k];
        break;
      }
      bumped[k] = '0';
      if (k == 0) bumped.insert(bumped.begin(), '1');
    }
    out.push_back(
        {text.substr(0, i) + bumped + text.substr(j), fmt::format("{} became {}", digits, bumped)});
    ++numbers;
    i = j;
  }
  std::size_t best_from = 0, best_len = 0;
  for (std::size_t i = 0; i < text.size();) {
    if (!literal[i] || !is_letter(text[i])) {
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < text.size() && literal[j] && is_letter(text[j])) ++j;
    if (j - i > best_len) best_from = i, best_len = j - i;
    i = j;
  }
  if (best_len >= 2) {
    std::string changed = text;
    const std::size_t at = best_from + best_len - 1;
    changed[at] = other_letter(text[at]);
    out.push_back({changed, fmt::format("'{}' became '{}'", text.substr(best_from, best_len),
                                        changed.substr(best_from, best_len))});
  }
  return out;
}

void drop_stimulus_counts_after(Trace& t, std::size_t flat) {
  for (auto& s : t.stimuli)
    if (s.after_lines > flat) --s.after_lines;
}

std::string fmt_time(double t) {
  return fmt::format("{:.3f}", t);
}

}  // namespace

std::vector<Mutant> mutants_of(const Trace& trace, const Observation& obs, const Timing& timing) {
  std::vector<Mutant> out;
  const Comparison original = compare(trace, obs, timing);
  const auto seen = arrivals(trace, original, obs);
  auto add = [&](std::string op, const Expect& e, std::string change, Trace t) {
    out.push_back({std::move(op), e.text, e.line, std::move(change), std::move(t)});
  };

  for (std::size_t i = 0; i < trace.items.size(); ++i) {
    const Item& item = trace.items[i];
    for (std::size_t j = 0; j < item.lines.size(); ++j) {
      const Expect& e = item.lines[j];
      // Timing: expected just after the real line came (now early), or so much earlier that
      // the real line is now past the lateness allowance.
      if (e.at && seen.count({i, j}) != 0) {
        const double t = seen.at({i, j});
        const double late = e.late.value_or(trace.late.value_or(timing.late)) * timing.factor;
        Trace early = trace;
        early.items[i].lines[j].at = t + timing.early + 0.001;
        add("early", e,
            fmt::format("@{} became @{} (the line came at {})", fmt_time(*e.at),
                        fmt_time(t + timing.early + 0.001), fmt_time(t)),
            std::move(early));
        Trace late_t = trace;
        late_t.items[i].lines[j].at = t - late - 0.001;
        add("late", e,
            fmt::format("@{} became @{} (the line came at {})", fmt_time(*e.at),
                        fmt_time(t - late - 0.001), fmt_time(t)),
            std::move(late_t));
      }
      // Dropped: the real line is now one the trace does not expect.
      Trace dropped = trace;
      auto& lines = dropped.items[i].lines;
      lines.erase(lines.begin() + static_cast<std::ptrdiff_t>(j));
      if (lines.empty())
        dropped.items.erase(dropped.items.begin() + static_cast<std::ptrdiff_t>(i));
      drop_stimulus_counts_after(dropped, flat_index(trace, {i, j}));
      add("drop", e, "line removed", std::move(dropped));
      // Literals: a number or a letter of the expected text changed.
      for (auto& [text, change] : literal_changes(e.text, e.regex)) {
        Trace changed = trace;
        Expect& c = changed.items[i].lines[j];
        c.text = text;
        c.pattern.reset();  // recompiled from the changed text
        add("literal", e, change, std::move(changed));
      }
    }
    // Order: two neighbouring single lines outside a block, swapped.
    if (i + 1 < trace.items.size()) {
      const Item& next = trace.items[i + 1];
      if (!item.unordered && !next.unordered && item.lines.size() == 1 && next.lines.size() == 1 &&
          !(item.lines[0].text == next.lines[0].text &&
            item.lines[0].regex == next.lines[0].regex)) {
        Trace swapped = trace;
        std::swap(swapped.items[i].lines[0], swapped.items[i + 1].lines[0]);
        add("swap", item.lines[0], fmt::format("swapped with line {}", next.lines[0].line),
            std::move(swapped));
      }
    }
  }

  // The end status: another one, and its time shifted as the lines' are.
  const EndStatus& end = trace.end;
  auto add_end = [&](std::string op, std::string change, EndStatus changed) {
    Trace t = trace;
    t.end = std::move(changed);
    out.push_back({std::move(op), end.describe(), end.line, std::move(change), std::move(t)});
  };
  EndStatus other = end;
  switch (end.kind) {
    case EndStatus::Kind::Exit:
      other.code = end.code == 0 ? 1 : 0;
      break;
    case EndStatus::Kind::Signal:
      other.signal = end.signal == SIGKILL ? SIGTERM : SIGKILL;
      other.signal_name = signal_name(other.signal);
      break;
    case EndStatus::Kind::Stopped:
      other.kind = EndStatus::Kind::Exit;
      other.code = 0;
      break;
  }
  add_end("end", fmt::format("became {}", other.describe()), other);
  if (end.kind == EndStatus::Kind::Signal && end.core) {
    EndStatus flipped = end;
    flipped.core = !*end.core;
    add_end("end", fmt::format("became {}", flipped.describe()), flipped);
  }
  if (end.at && obs.end.kind != ObservedEnd::Kind::None) {
    const double late = end.late.value_or(trace.late.value_or(timing.late)) * timing.factor;
    EndStatus early = end;
    early.at = obs.end_time + timing.early + 0.001;
    add_end("early", fmt::format("@{} became @{}", fmt_time(*end.at), fmt_time(*early.at)), early);
    EndStatus late_end = end;
    late_end.at = obs.end_time - late - 0.001;
    add_end("late", fmt::format("@{} became @{}", fmt_time(*end.at), fmt_time(*late_end.at)),
            late_end);
  }
  return out;
}

std::vector<Justification> read_justifications(const std::string& trace_text) {
  static const std::regex survives(
      R"re(^\s*#\s*survives:\s*([a-z]+)\s+"((?:[^"\\]|\\.)*)"\s*(.*)$)re");
  std::vector<Justification> out;
  std::size_t from = 0;
  while (from <= trace_text.size()) {
    const std::size_t nl = trace_text.find('\n', from);
    const std::string line =
        trace_text.substr(from, nl == std::string::npos ? std::string::npos : nl - from);
    std::smatch m;
    if (std::regex_match(line, m, survives)) {
      std::string target;
      const std::string quoted = m[2].str();
      // Only \" and \\ are escapes: a regular expression's own backslashes stay as written.
      for (std::size_t i = 0; i < quoted.size(); ++i) {
        const bool escape = quoted[i] == '\\' && i + 1 < quoted.size() &&
                            (quoted[i + 1] == '"' || quoted[i + 1] == '\\');
        target += escape ? quoted[++i] : quoted[i];
      }
      out.push_back({m[1].str(), target, m[3].str()});
    }
    if (nl == std::string::npos) break;
    from = nl + 1;
  }
  return out;
}

int MutationScore::unjustified() const {
  return static_cast<int>(std::count_if(survivors.begin(), survivors.end(),
                                        [](const Survivor& s) { return s.justification.empty(); }));
}

MutationScore score_mutants(const Trace& trace, const std::string& trace_text,
                            const Observation& obs, const Timing& timing) {
  MutationScore s;
  s.trace_file = trace.file;
  const auto justified = read_justifications(trace_text);
  for (const Mutant& m : mutants_of(trace, obs, timing)) {
    ++s.total;
    if (!compare(m.trace, obs, timing).agrees()) {
      ++s.killed;
      continue;
    }
    MutationScore::Survivor sv{m.op, m.target, m.change, "", m.line};
    for (const auto& j : justified)
      if (j.op == m.op && j.target == m.target)
        sv.justification = j.reason.empty() ? "-" : j.reason;
    s.survivors.push_back(std::move(sv));
  }
  return s;
}

nlohmann::json to_json(const MutationScore& s) {
  nlohmann::json j{{"name", s.name},       {"trace", s.trace_file},
                   {"skipped", s.skipped}, {"total", s.total},
                   {"killed", s.killed},   {"survivors", nlohmann::json::array()}};
  for (const auto& v : s.survivors)
    j["survivors"].push_back({{"op", v.op},
                              {"target", v.target},
                              {"line", v.line},
                              {"change", v.change},
                              {"justification", v.justification}});
  return j;
}

MutationScore score_from_json(const nlohmann::json& j) {
  MutationScore s;
  s.name = j.value("name", "");
  s.trace_file = j.value("trace", "");
  s.skipped = j.value("skipped", "");
  s.total = j.value("total", 0);
  s.killed = j.value("killed", 0);
  for (const auto& v : j.value("survivors", nlohmann::json::array()))
    s.survivors.push_back({v.value("op", ""), v.value("target", ""), v.value("change", ""),
                           v.value("justification", ""), v.value("line", 0)});
  return s;
}

std::string render_mutation_markdown(const std::vector<MutationScore>& scores) {
  struct Totals {
    int traces = 0, skipped = 0, total = 0, killed = 0, justified = 0, unjustified = 0;
  };
  std::map<std::string, Totals> areas;
  Totals all;
  for (const auto& s : scores) {
    const std::string area = s.name.substr(0, s.name.find('/'));
    for (Totals* t : {&areas[area], &all}) {
      ++t->traces;
      if (!s.skipped.empty()) ++t->skipped;
      t->total += s.total;
      t->killed += s.killed;
      t->unjustified += s.unjustified();
      t->justified += static_cast<int>(s.survivors.size()) - s.unjustified();
    }
  }
  auto pct = [](int k, int n) {
    return n == 0 ? std::string("-") : fmt::format("{:.1f} %", 100.0 * k / n);
  };
  std::string md = "# Trace mutation\n\n";
  md += fmt::format(
      "{} traces, {} mutants: {} killed ({}), {} survivors justified in their traces, {} not.\n\n",
      all.traces, all.total, all.killed, pct(all.killed, all.total), all.justified,
      all.unjustified);
  md += "| area | traces | not scored | mutants | killed | score | justified | unjustified |\n";
  md += "|---|---|---|---|---|---|---|---|\n";
  for (const auto& [area, t] : areas)
    md += fmt::format("| {} | {} | {} | {} | {} | {} | {} | {} |\n", area, t.traces, t.skipped,
                      t.total, t.killed, pct(t.killed, t.total), t.justified, t.unjustified);
  md +=
      "\n## Per trace\n\n| trace | mutants | killed | score | survivors |\n|---|---|---|---|---|\n";
  for (const auto& s : scores) {
    if (!s.skipped.empty()) {
      md += fmt::format("| {} | - | - | not scored: {} | - |\n", s.name, s.skipped);
      continue;
    }
    md += fmt::format("| {} | {} | {} | {} | {} |\n", s.name, s.total, s.killed,
                      pct(s.killed, s.total), s.survivors.size());
  }
  md += "\n## Survivors\n\n";
  bool any = false;
  for (const auto& s : scores)
    for (const auto& v : s.survivors) {
      if (!any) md += "| trace | line | mutant | change | justification |\n|---|---|---|---|---|\n";
      any = true;
      // A table cell: the pipes of a regular expression's alternatives are escaped.
      std::string target;
      for (const char c : v.target) target += c == '|' ? std::string("\\|") : std::string(1, c);
      md += fmt::format("| {} | {} | {} `{}` | {} | {} |\n", s.name, v.line, v.op, target, v.change,
                        v.justification.empty() ? "**unjustified**" : v.justification);
    }
  if (!any) md += "None: every mutant of every scored trace failed against the real run.\n";
  return md;
}

}  // namespace procsync
