#include "compare.hpp"

#include <fmt/format.h>

#include <regex>

namespace procsync {

std::string ObservedEnd::describe() const {
  switch (kind) {
    case Kind::None:
      return "no end seen";
    case Kind::Exit:
      return fmt::format("exit {}", code);
    case Kind::Signal:
      return fmt::format("signal {}{}", signal_name(signal), core ? " core" : "");
    case Kind::Stopped:
      return "stopped " + signal_name(signal);
  }
  return "?";
}

namespace {

std::string rtrim(const std::string& s) {
  const auto e = s.find_last_not_of(" \t\r");
  return e == std::string::npos ? std::string() : s.substr(0, e + 1);
}

// Quoted texts in the one-line summary stay short; the table and the JSON have them whole.
std::string quote(const std::string& s) {
  constexpr std::size_t kMax = 100;
  return s.size() <= kMax ? s : s.substr(0, kMax) + "...";
}

bool text_matches(const Expect& e, const std::string& observed) {
  const std::string text = rtrim(observed);
  if (!e.regex) return text == e.text;
  if (e.pattern) return std::regex_match(text, *e.pattern);
  try {  // an Expect built by hand, not by the parser
    return std::regex_match(text, std::regex(e.text, std::regex::ECMAScript));
  } catch (const std::regex_error&) {
    return false;
  }
}

struct Matcher {
  const Trace& trace;
  const Observation& obs;
  const Timing& timing;
  Comparison out;
  std::size_t k = 0;  // next observed line

  // Later single (ordered) expectations, used to tell "missing" from "wrong text".
  bool matches_later_expectation(std::size_t item_index, const std::string& text) const {
    for (std::size_t i = item_index + 1; i < trace.items.size() && i < item_index + 4; ++i)
      for (const auto& e : trace.items[i].lines)
        if (text_matches(e, text)) return true;
    return false;
  }

  void pair(const Expect& e, std::size_t observed_index) {
    Row r;
    r.expect = &e;
    r.observed = static_cast<int>(observed_index);
    const auto& line = obs.lines[observed_index];
    if (e.at) {
      const double late = e.late.value_or(trace.late.value_or(timing.late));
      r.window_from = *e.at - timing.early;
      r.window_to = *e.at + late * timing.factor;
    }
    if (!text_matches(e, line.text)) {
      r.problem = e.regex ? fmt::format("wrong text: does not match /{}/", e.text) : "wrong text";
    } else if (e.at) {
      if (line.t < r.window_from)
        r.problem = fmt::format("early by {:.3f} s", *e.at - line.t);
      else if (line.t > r.window_to)
        r.problem = fmt::format("late by {:.3f} s", line.t - *e.at);
    }
    out.rows.push_back(r);
  }

  void missing(const Expect& e) {
    Row r;
    r.expect = &e;
    r.problem = "missing";
    if (e.at) {
      r.window_from = *e.at - timing.early;
      r.window_to = *e.at + e.late.value_or(trace.late.value_or(timing.late)) * timing.factor;
    }
    out.rows.push_back(r);
  }

  void unexpected(std::size_t observed_index) {
    Row r;
    r.observed = static_cast<int>(observed_index);
    r.problem = "unexpected";
    out.rows.push_back(r);
  }

  void ordered(std::size_t item_index, const Expect& e) {
    const std::size_t n = obs.lines.size();
    if (k >= n) {
      missing(e);
      return;
    }
    if (text_matches(e, obs.lines[k].text)) {
      pair(e, k++);
      return;
    }
    // Resynchronise: the expected text a little further on means extra lines came first.
    for (std::size_t j = k + 1; j < n && j < k + 4; ++j) {
      if (text_matches(e, obs.lines[j].text)) {
        while (k < j) unexpected(k++);
        pair(e, k++);
        return;
      }
    }
    // The observed line belongs to a later expectation: this one is missing.
    if (matches_later_expectation(item_index, obs.lines[k].text)) {
      missing(e);
      return;
    }
    pair(e, k++);  // same place, other text
  }

  void unordered(const Item& item) {
    const std::size_t n = obs.lines.size();
    const std::size_t m = item.lines.size();
    const std::size_t window = std::min(m, n - std::min(n, k));
    std::vector<bool> used_expect(m, false);
    std::vector<int> assigned(window, -1);
    // Exact texts first so that a broad pattern does not steal a line meant for another.
    for (int pass = 0; pass < 2; ++pass) {
      for (std::size_t w = 0; w < window; ++w) {
        if (assigned[w] >= 0) continue;
        for (std::size_t i = 0; i < m; ++i) {
          if (used_expect[i] || item.lines[i].regex != (pass == 1)) continue;
          if (text_matches(item.lines[i], obs.lines[k + w].text)) {
            used_expect[i] = true;
            assigned[w] = static_cast<int>(i);
            break;
          }
        }
      }
    }
    std::size_t next_unused = 0;
    for (std::size_t w = 0; w < window; ++w) {
      if (assigned[w] < 0) {
        while (next_unused < m && used_expect[next_unused]) ++next_unused;
        if (next_unused < m) {
          used_expect[next_unused] = true;
          assigned[w] = static_cast<int>(next_unused);
        }
      }
      if (assigned[w] >= 0) pair(item.lines[static_cast<std::size_t>(assigned[w])], k + w);
    }
    k += window;
    for (std::size_t i = 0; i < m; ++i)
      if (!used_expect[i]) missing(item.lines[i]);
  }

  void end_status() {
    const EndStatus& want = trace.end;
    const ObservedEnd& got = obs.end;
    std::string problem;
    bool ok = false;
    switch (want.kind) {
      case EndStatus::Kind::Exit:
        ok = got.kind == ObservedEnd::Kind::Exit && got.code == want.code;
        break;
      case EndStatus::Kind::Signal:
        ok = got.kind == ObservedEnd::Kind::Signal && got.signal == want.signal &&
             (!want.core.has_value() || *want.core == got.core);
        break;
      case EndStatus::Kind::Stopped:
        ok = got.kind == ObservedEnd::Kind::Stopped && got.signal == want.signal;
        break;
    }
    if (!ok) {
      out.end_problem =
          fmt::format("wrong end status: expected {}, got {}", want.describe(), got.describe());
    } else if (want.at) {
      const double late = want.late.value_or(trace.late.value_or(timing.late));
      const double from = *want.at - timing.early;
      const double to = *want.at + late * timing.factor;
      if (obs.end_time < from)
        out.end_problem = fmt::format("ended early by {:.3f} s (expected at {:.2f}..{:.2f} s)",
                                      *want.at - obs.end_time, from, to);
      else if (obs.end_time > to)
        out.end_problem = fmt::format("ended late by {:.3f} s (expected at {:.2f}..{:.2f} s)",
                                      obs.end_time - *want.at, from, to);
    }
  }

  Comparison run() {
    for (std::size_t i = 0; i < trace.items.size(); ++i) {
      const Item& item = trace.items[i];
      if (item.unordered)
        unordered(item);
      else
        ordered(i, item.lines.front());
    }
    while (k < obs.lines.size()) unexpected(k++);
    end_status();

    for (const auto& r : out.rows) {
      if (r.problem.empty()) continue;
      if (r.expect != nullptr) {
        out.summary = fmt::format("line {}: {}: expected \"{}\"", r.expect->line, r.problem,
                                  quote(r.expect->text));
        if (r.observed >= 0)
          out.summary += fmt::format(", seen \"{}\" at {:.3f} s",
                                     quote(obs.lines[static_cast<std::size_t>(r.observed)].text),
                                     obs.lines[static_cast<std::size_t>(r.observed)].t);
      } else {
        const auto& l = obs.lines[static_cast<std::size_t>(r.observed)];
        out.summary = fmt::format("unexpected line \"{}\" at {:.3f} s", quote(l.text), l.t);
      }
      break;
    }
    if (obs.output_truncated) {
      const std::string trunc =
          fmt::format("output over the limit: kept the first {} lines, discarded {} bytes",
                      obs.lines.size(), obs.discarded_bytes);
      if (out.summary.empty())
        out.summary = trunc;
      else
        out.summary += "; " + trunc;
    }
    if (out.summary.empty() && !out.end_problem.empty()) out.summary = out.end_problem;
    return std::move(out);
  }
};

}  // namespace

Comparison compare(const Trace& trace, const Observation& obs, const Timing& timing) {
  Matcher m{trace, obs, timing, {}, 0};
  Comparison c = m.run();
  if (obs.timed_out) {
    const bool lines_diverged = !c.summary.empty() && c.summary != c.end_problem;
    c.summary =
        fmt::format("did not end within the timeout of {:.1f} s{}", trace.timeout * timing.factor,
                    lines_diverged ? "; first divergence: " + c.summary : "");
  }
  return c;
}

}  // namespace procsync
