#include "report.hpp"

#include <fmt/format.h>
#include <sys/resource.h>

#include <algorithm>
#include <cmath>
#include <regex>

#include "protocol.hpp"
#include "result_record.hpp"

namespace procsync {

namespace {

constexpr std::size_t kRowsAfterDivergence = 20;
constexpr std::size_t kMinRows = 60;
constexpr std::size_t kObservedText = 100;
constexpr std::size_t kReasonText = 1000;

std::string clip(const std::string& s, std::size_t width) {
  if (s.size() <= width) return s;
  return s.substr(0, width - 1) + "~";
}

std::string window_text(const Row& r) {
  if (r.expect == nullptr || !r.expect->at) return "";
  return fmt::format("{:.2f}..{:.2f}", std::max(0.0, r.window_from), r.window_to);
}

std::string expected_text(const Expect& e) {
  return e.regex ? "~ " + e.text : e.text;
}

}  // namespace

std::string render_text(const Result& r, bool always_table) {
  std::string out = fmt::format("procsync: {}: {}", r.name, verdict_name(r.verdict));
  if (!r.reason.empty()) out += ": " + clip(r.reason, kReasonText);
  if (r.observation != nullptr)
    out += fmt::format(" [{:.2f} s{}]", r.observation->end_time,
                       r.observation->start_mark ? fmt::format(", startup {:.1f} ms",
                                                               r.observation->startup_latency * 1e3)
                                                 : ", no start mark: times count from the spawn");
  out += "\n";
  const bool table =
      r.comparison != nullptr && r.observation != nullptr && r.trace != nullptr &&
      (always_table || (r.verdict != Verdict::Pass && r.verdict != Verdict::Unsupported));
  if (table) {
    const Observation& obs = *r.observation;
    constexpr std::size_t kText = 44;
    out += fmt::format("   {:>4}  {:<{}} {:>12} | {:>7}  {}\n", "line", "expected", kText,
                       "window (s)", "at (s)", "observed");
    bool marked = false;
    // Stimuli interleave by time with the observed lines.
    std::size_t next_stim = 0;
    auto stimuli_before = [&](double t) {
      while (next_stim < obs.stimuli.size() && obs.stimuli[next_stim].t <= t) {
        const auto& s = obs.stimuli[next_stim++];
        out += fmt::format("   {:>4}  {:<{}} {:>12} | {:>7.3f}  > {}{}\n", s.trace_line, "", kText,
                           "", s.t, s.what, s.error.empty() ? "" : " (failed: " + s.error + ")");
      }
    };
    // A readable diff, not a wall of logs: rows up to a little past the first divergence,
    // observed text clipped; the whole observed output is in the JSON result.
    std::size_t first_problem = r.comparison->rows.size();
    for (std::size_t i = 0; i < r.comparison->rows.size(); ++i)
      if (!r.comparison->rows[i].problem.empty()) {
        first_problem = i;
        break;
      }
    const std::size_t last_row = std::max(first_problem + kRowsAfterDivergence, kMinRows);
    std::size_t shown = 0;
    for (const auto& row : r.comparison->rows) {
      if (shown++ >= last_row) {
        out += fmt::format("   ... {} more row(s) not shown (the JSON result has every line)\n",
                           r.comparison->rows.size() - last_row);
        break;
      }
      const ObservedLine* ol =
          row.observed >= 0 ? &obs.lines[static_cast<std::size_t>(row.observed)] : nullptr;
      if (ol != nullptr) stimuli_before(ol->t);
      const std::string mark = !row.problem.empty() && !marked ? ">> " : "   ";
      if (!row.problem.empty()) marked = true;
      out += fmt::format("{}{:>4}  {:<{}} {:>12} | {:>7}  {}{}\n", mark,
                         row.expect ? std::to_string(row.expect->line) : "",
                         row.expect ? clip(expected_text(*row.expect), kText) : "", kText,
                         window_text(row), ol ? fmt::format("{:.3f}", ol->t) : "",
                         ol ? clip(ol->text, kObservedText) : "",
                         row.problem.empty() ? "" : "   <- " + row.problem);
    }
    stimuli_before(1e300);
    const std::string end_mark = !r.comparison->end_problem.empty() && !marked ? ">> " : "   ";
    out += fmt::format(
        "{}{:>4}  {:<{}} {:>12} | {:>7.3f}  {}{}\n", end_mark, r.trace->end.line,
        "end: " + r.trace->end.describe(), kText, "", obs.end_time,
        "end: " + (obs.timed_out ? std::string("killed at the timeout") : obs.end.describe()),
        r.comparison->end_problem.empty() ? "" : "   <- " + r.comparison->end_problem);
  }
  if (r.observation != nullptr && r.verdict != Verdict::Pass) {
    const Observation& obs = *r.observation;
    for (const auto& l : obs.leftovers) out += "   left running, killed: " + l + "\n";
    if (!obs.stderr_text.empty()) {
      out += "   stderr:\n";
      std::string s = obs.stderr_text;
      if (!s.empty() && s.back() == '\n') s.pop_back();
      std::size_t start = 0;
      int shown = 0;
      while (start <= s.size() && shown < 20) {
        const auto nl = s.find('\n', start);
        out += "     " + s.substr(start, nl == std::string::npos ? std::string::npos : nl - start) +
               "\n";
        ++shown;
        if (nl == std::string::npos) break;
        start = nl + 1;
      }
      if (obs.stderr_truncated || shown == 20) out += "     [stderr cut]\n";
    }
  }
  if (r.observation != nullptr)
    for (const auto& o : r.observation->removed_objects) out += "   removed: " + o + "\n";
  return out;
}

namespace {

std::string end_of(const Observation& o) {
  return o.timed_out ? std::string("timeout") : o.end.describe();
}

nlohmann::json observed_lines(const Observation& o) {
  nlohmann::json lines = nlohmann::json::array();
  for (const auto& l : o.lines) lines.push_back({{"t", l.t}, {"text", l.text}});
  return lines;
}

}  // namespace

AttemptRecord attempt_record(const Result& r) {
  AttemptRecord a;
  a.verdict = r.verdict;
  a.reason = r.reason;
  a.started = r.started;
  a.text = render_text(r);
  if (r.observation != nullptr) {
    a.duration = r.observation->end_time;
    a.end = end_of(*r.observation);
    a.observed = observed_lines(*r.observation);
  }
  return a;
}

nlohmann::json to_json(const Result& r, const std::vector<AttemptRecord>& attempts) {
  // The record (read back by the report and the diff), then informative details.
  ResultRecord rec;
  rec.started = r.started;
  rec.hostname = r.hostname;
  rec.attempts = attempts.empty() ? std::vector<AttemptRecord>{attempt_record(r)} : attempts;
  rec.name = r.name;
  rec.launcher = r.launcher;
  rec.time_factor = r.time_factor;
  rec.verdict = r.verdict;
  rec.text = render_text(r);
  rec.reason = r.reason;
  if (r.trace != nullptr) rec.claims = r.trace->claims;
  nlohmann::json j;
  j["trace"] = r.trace_file;
  j["program"] = r.program;
  if (r.trace != nullptr) j["description"] = r.trace->description;
  if (r.observation != nullptr) {
    const Observation& o = *r.observation;
    j["token"] = o.token;
    rec.duration = o.end_time;
    j["start_mark"] = o.start_mark;
    rec.startup_latency = o.startup_latency;
    j["harness_overhead"] = {{"startup", o.harness_startup}, {"teardown", o.harness_teardown}};
    rec.end = end_of(o);
    rec.observed = observed_lines(o);
    j["stimuli"] = nlohmann::json::array();
    for (const auto& s : o.stimuli)
      j["stimuli"].push_back(
          {{"t", s.t}, {"line", s.trace_line}, {"what", s.what}, {"error", s.error}});
    j["stderr"] = o.stderr_text;
    // Figures a program reports as "measure: name=value" lines (THR-12's ratio, ...).
    static const std::regex measure_line(
        std::string(ps::protocol::kMeasurePrefix) +
        R"(([A-Za-z0-9_.-]+)=(-?[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?))");
    for (const auto& l : o.lines) {
      std::smatch m;
      if (std::regex_match(l.text, m, measure_line))
        rec.measures[m[1].str()] = std::stod(m[2].str());
    }
    j["output_truncated"] = o.output_truncated;
    j["leftovers"] = o.leftovers;
    j["removed_objects"] = o.removed_objects;
    j["containment"] = o.containment;
  }
  rusage self{};
  getrusage(RUSAGE_SELF, &self);
  j["harness_max_rss_kib"] = self.ru_maxrss;
  if (r.comparison != nullptr) {
    // Observed lateness of every timed line that arrived: what a port's timing looks like.
    j["timing"] = nlohmann::json::array();
    double max_lateness = 0;
    for (const auto& row : r.comparison->rows) {
      if (row.expect == nullptr || !row.expect->at || row.observed < 0) continue;
      const double t = r.observation->lines[static_cast<std::size_t>(row.observed)].t;
      j["timing"].push_back({{"trace_line", row.expect->line},
                             {"expected_at", *row.expect->at},
                             {"observed_at", t},
                             {"lateness", t - *row.expect->at}});
      max_lateness = std::max(max_lateness, t - *row.expect->at);
    }
    rec.max_lateness = max_lateness;
    j["divergences"] = nlohmann::json::array();
    for (const auto& row : r.comparison->rows) {
      if (row.problem.empty()) continue;
      nlohmann::json d{{"problem", row.problem}};
      if (row.expect != nullptr) {
        d["trace_line"] = row.expect->line;
        d["expected"] = row.expect->text;
        if (row.expect->at) d["window"] = {row.window_from, row.window_to};
      }
      if (row.observed >= 0) {
        const auto& l = r.observation->lines[static_cast<std::size_t>(row.observed)];
        d["observed"] = l.text;
        d["t"] = l.t;
      }
      j["divergences"].push_back(d);
    }
    if (!r.comparison->end_problem.empty())
      j["divergences"].push_back({{"problem", r.comparison->end_problem}});
  }
  write_record(j, rec);
  return j;
}

std::string render_recorded_trace(const Observation& obs, const Trace* base,
                                  const std::string& program) {
  std::string out;
  out += fmt::format("# recorded from {}: review every line against the catalogue before use\n",
                     program);
  if (base != nullptr) {
    for (const auto& c : base->claims) out += "# claim: " + c + "\n";
    out += fmt::format("%timeout {}\n", base->timeout);
    if (base->late) out += fmt::format("%late {}\n", *base->late);
  }
  std::size_t next_stim = 0;
  const auto emit_stimuli = [&](double t) {
    while (next_stim < obs.stimuli.size() && obs.stimuli[next_stim].t <= t) {
      const auto& s = obs.stimuli[next_stim++];
      // Keep the stimulus's own form: at its trace time, or after the lines before it.
      const Stimulus* original = nullptr;
      if (base != nullptr)
        for (const auto& b : base->stimuli)
          if (b.line == s.trace_line) original = &b;
      if (original != nullptr && !original->at)
        out += fmt::format("> {}\n", s.what);
      else
        out += fmt::format("@{:<6} > {}\n",
                           original ? fmt::format("{}", *original->at) : fmt::format("{:.2f}", s.t),
                           s.what);
    }
  };
  for (const auto& l : obs.lines) {
    emit_stimuli(l.t);
    std::string text = l.text;
    if (!text.empty() && (text[0] == '~' || text[0] == '\\' || text[0] == '>' || text[0] == '{' ||
                          text[0] == '}' || text[0] == '@' || text[0] == '#' || text[0] == '%'))
      text = "\\" + text;
    // Rounded down to a tenth so that the recorded time is never later than what was seen.
    out += fmt::format("@{:<6} {}\n", fmt::format("{:.1f}", std::floor(l.t * 10) / 10), text);
  }
  emit_stimuli(1e300);
  if (obs.timed_out) {
    out += "# the program did not end before the timeout\n";
  } else {
    out += obs.end.describe() + "\n";
  }
  return out;
}

}  // namespace procsync
