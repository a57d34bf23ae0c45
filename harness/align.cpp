#include "align.hpp"

#include <fmt/format.h>

#include <cmath>
#include <map>

namespace procsync {

namespace {

using Label = AlignedLine::Label;

// Beyond this many cells the quadratic alignment is not attempted: lines pair by position.
constexpr std::size_t kMaxCells = 16'000'000;

struct Op {
  int host = -1, port = -1;  // both set: matched
};

std::vector<Op> common_subsequence(const std::vector<ObservedLine>& h,
                                   const std::vector<ObservedLine>& p) {
  const std::size_t n = h.size(), m = p.size();
  std::vector<Op> ops;
  if (n * m > kMaxCells) {
    for (std::size_t i = 0; i < std::max(n, m); ++i) {
      Op o;
      if (i < n) o.host = static_cast<int>(i);
      if (i < m && i < n && h[i].text == p[i].text) o.port = static_cast<int>(i);
      ops.push_back(o);
      if (i < m && o.port < 0) ops.push_back({-1, static_cast<int>(i)});
    }
    return ops;
  }
  std::vector<std::vector<int>> len(n + 1, std::vector<int>(m + 1, 0));
  for (std::size_t i = n; i-- > 0;)
    for (std::size_t j = m; j-- > 0;)
      len[i][j] =
          h[i].text == p[j].text ? len[i + 1][j + 1] + 1 : std::max(len[i + 1][j], len[i][j + 1]);
  std::size_t i = 0, j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && h[i].text == p[j].text) {
      ops.push_back({static_cast<int>(i++), static_cast<int>(j++)});
    } else if (j == m || (i < n && len[i + 1][j] >= len[i][j + 1])) {
      ops.push_back({static_cast<int>(i++), -1});
    } else {
      ops.push_back({-1, static_cast<int>(j++)});
    }
  }
  return ops;
}

}  // namespace

std::string_view label_name(Label l) {
  switch (l) {
    case Label::Same:
      return "same";
    case Label::Text:
      return "text";
    case Label::Order:
      return "order";
    case Label::Missing:
      return "missing";
    case Label::Extra:
      return "extra";
    case Label::Timing:
      return "timing";
  }
  return "?";
}

int Alignment::differences() const {
  int n = end_differs() ? 1 : 0;
  for (const auto& l : lines)
    if (l.label != Label::Same) ++n;
  return n;
}

Alignment align_lines(const std::vector<ObservedLine>& host, const std::vector<ObservedLine>& port,
                      double timing_threshold) {
  const std::vector<Op> ops = common_subsequence(host, port);
  // Unmatched lines of one side whose text the other side printed unmatched too: reordered.
  std::multimap<std::string, int> port_unmatched;
  for (const auto& o : ops)
    if (o.host < 0) port_unmatched.emplace(port[static_cast<std::size_t>(o.port)].text, o.port);
  std::map<int, int> order_pair;  // host index -> port index
  std::vector<bool> port_taken(port.size(), false);
  for (const auto& o : ops) {
    if (o.host < 0 || o.port >= 0) continue;
    const auto it = port_unmatched.find(host[static_cast<std::size_t>(o.host)].text);
    if (it == port_unmatched.end()) continue;
    order_pair[o.host] = it->second;
    port_taken[static_cast<std::size_t>(it->second)] = true;
    port_unmatched.erase(it);
  }
  // Between two matches, the remaining unmatched lines of both sides pair up as changed text.
  std::map<int, int> text_pair;
  std::vector<int> gap_host, gap_port;
  const auto close_gap = [&] {
    for (std::size_t k = 0; k < std::min(gap_host.size(), gap_port.size()); ++k) {
      text_pair[gap_host[k]] = gap_port[k];
      port_taken[static_cast<std::size_t>(gap_port[k])] = true;
    }
    gap_host.clear();
    gap_port.clear();
  };
  for (const auto& o : ops) {
    if (o.host >= 0 && o.port >= 0) {
      close_gap();
    } else if (o.host >= 0 && !order_pair.count(o.host)) {
      gap_host.push_back(o.host);
    } else if (o.port >= 0 && o.host < 0 && !port_taken[static_cast<std::size_t>(o.port)]) {
      gap_port.push_back(o.port);
    }
  }
  close_gap();

  Alignment a;
  const auto line = [&](Label l, int hi, int pi) {
    AlignedLine x;
    x.label = l;
    x.host = hi;
    x.port = pi;
    if (hi >= 0) {
      x.host_text = host[static_cast<std::size_t>(hi)].text;
      x.host_t = host[static_cast<std::size_t>(hi)].t;
    }
    if (pi >= 0) {
      x.port_text = port[static_cast<std::size_t>(pi)].text;
      x.port_t = port[static_cast<std::size_t>(pi)].t;
    }
    a.lines.push_back(x);
  };
  for (const auto& o : ops) {
    if (o.host >= 0 && o.port >= 0) {
      const bool late = std::abs(port[static_cast<std::size_t>(o.port)].t -
                                 host[static_cast<std::size_t>(o.host)].t) > timing_threshold;
      line(late ? Label::Timing : Label::Same, o.host, o.port);
    } else if (o.host >= 0) {
      if (order_pair.count(o.host))
        line(Label::Order, o.host, order_pair[o.host]);
      else if (text_pair.count(o.host))
        line(Label::Text, o.host, text_pair[o.host]);
      else
        line(Label::Missing, o.host, -1);
    } else if (!port_taken[static_cast<std::size_t>(o.port)]) {
      line(Label::Extra, -1, o.port);
    }
  }
  return a;
}

std::vector<ObservedLine> observed_lines(const nlohmann::json& result) {
  std::vector<ObservedLine> out;
  for (const auto& l : result.value("observed", nlohmann::json::array()))
    out.push_back({l.value("t", 0.0), l.value("text", "")});
  return out;
}

std::string render_alignment(const Alignment& a, const std::string& test,
                             const std::string& host_name, const std::string& port_name, bool all) {
  std::string out =
      fmt::format("procsync align: {}: {} (host) against {} (port)\n", test, host_name, port_name);
  out += fmt::format("  {:<8} {:>5} {:>8}  {:>5} {:>8}  {}\n", "label", "host", "at (s)", "port",
                     "at (s)", "text");
  const auto num = [](int i) { return i < 0 ? std::string("-") : std::to_string(i + 1); };
  const auto at = [](int i, double t) {
    return i < 0 ? std::string("") : fmt::format("{:.3f}", t);
  };
  for (const auto& l : a.lines) {
    if (l.label == Label::Same && !all) continue;
    std::string text = l.host >= 0 ? l.host_text : l.port_text;
    if (l.label == Label::Text) text = fmt::format("{}  ->  {}", l.host_text, l.port_text);
    out += fmt::format("  {:<8} {:>5} {:>8}  {:>5} {:>8}  {}\n", label_name(l.label), num(l.host),
                       at(l.host, l.host_t), num(l.port), at(l.port, l.port_t), text);
  }
  if (a.end_differs())
    out += fmt::format("  {:<8} host: {}; port: {}\n", "end", a.host_end, a.port_end);
  else
    out += fmt::format("  end: {} on both\n", a.host_end);
  std::map<std::string_view, int> counts;
  for (const auto& l : a.lines)
    if (l.label != Label::Same) ++counts[label_name(l.label)];
  if (a.end_differs()) ++counts["end"];
  std::string summary;
  for (const auto& [k, v] : counts)
    summary += fmt::format("{}{} {}", summary.empty() ? "" : ", ", v, k);
  out += a.differences() == 0
             ? "procsync align: the runs agree line by line\n"
             : fmt::format("procsync align: {} differences ({})\n", a.differences(), summary);
  return out;
}

}  // namespace procsync
