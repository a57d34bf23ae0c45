#include "trace.hpp"

#include <fmt/format.h>

#include <charconv>
#include <cmath>
#include <csignal>
#include <cstring>
#include <fstream>
#include <regex>
#include <sstream>

namespace procsync {

TraceError::TraceError(std::string file, int line, const std::string& message)
    : std::runtime_error(fmt::format("{}:{}: {}", file, line, message)),
      file_(std::move(file)),
      line_(line),
      message_(message) {}

int signal_number(const std::string& name) {
  std::string n = name;
  if (n.rfind("SIG", 0) == 0) n = n.substr(3);
  if (n.empty()) return 0;
  for (int s = 1; s < NSIG; ++s) {
    const char* abbrev = sigabbrev_np(s);
    if (abbrev != nullptr && n == abbrev) return s;
  }
  return 0;
}

std::string signal_name(int sig) {
  const char* abbrev = sigabbrev_np(sig);
  if (abbrev == nullptr) return fmt::format("SIG{}", sig);
  return std::string("SIG") + abbrev;
}

std::string Stimulus::describe() const {
  switch (kind) {
    case Kind::Signal:
      return "signal " + signal_name;
    case Kind::SignalGroup:
      return "signal-group " + signal_name;
    case Kind::Stdin:
      return "stdin " + data;
    case Kind::CloseStdin:
      return "close stdin";
  }
  return "?";
}

std::string EndStatus::describe() const {
  switch (kind) {
    case Kind::Exit:
      return fmt::format("exit {}", code);
    case Kind::Signal:
      return fmt::format("signal {}{}", signal_name,
                         core.has_value() ? (*core ? " core" : " nocore") : "");
    case Kind::Stopped:
      return "stopped " + signal_name;
  }
  return "?";
}

std::size_t Trace::expected_line_count() const {
  std::size_t n = 0;
  for (const auto& item : items) n += item.lines.size();
  return n;
}

namespace {

std::string trim(const std::string& s) {
  const auto b = s.find_first_not_of(" \t\r");
  if (b == std::string::npos) return "";
  const auto e = s.find_last_not_of(" \t\r");
  return s.substr(b, e - b + 1);
}

std::vector<std::string> split_words(const std::string& s) {
  std::istringstream in(s);
  std::vector<std::string> words;
  std::string w;
  while (in >> w) words.push_back(w);
  return words;
}

constexpr std::size_t kMaxLineBytes = 4096;
constexpr std::size_t kMaxPatternBytes = 512;

struct Parser {
  std::string file;
  int line_no = 0;
  Trace trace;
  bool in_block = false;
  bool seen_expectation_or_end = false;

  [[noreturn]] void error(const std::string& msg) const { throw TraceError(file, line_no, msg); }

  double number(const std::string& text, const char* what) const {
    double v = 0;
    const char* first = text.data();
    const char* last = text.data() + text.size();
    auto [ptr, ec] = std::from_chars(first, last, v);
    if (ec != std::errc() || ptr != last || !std::isfinite(v) || v < 0)
      error(fmt::format("{} must be a non-negative number of seconds, not '{}'", what, text));
    return v;
  }

  void directive(const std::string& body) {
    const auto words = split_words(body);
    if (words.empty()) error("empty directive after '%'");
    const std::string& key = words[0];
    const std::string rest = trim(body.substr(key.size()));
    auto one_value = [&]() -> const std::string& {
      if (words.size() != 2) error(fmt::format("%{} takes exactly one value", key));
      return words[1];
    };
    if (seen_expectation_or_end)
      error(fmt::format("%{} must come before the first expected line", key));
    if (key == "timeout") {
      trace.timeout = number(one_value(), "%timeout");
      if (trace.timeout <= 0) error("%timeout must be greater than zero");
    } else if (key == "late") {
      trace.late = number(one_value(), "%late");
    } else if (key == "requires") {
      if (words.size() < 2) error("%requires names at least one feature");
      trace.requires_features.insert(trace.requires_features.end(), words.begin() + 1, words.end());
    } else if (key == "label") {
      if (words.size() < 2) error("%label names at least one label");
      trace.labels.insert(trace.labels.end(), words.begin() + 1, words.end());
    } else if (key == "args") {
      trace.args = split_words(rest);
    } else if (key == "program") {
      trace.program = one_value();
    } else {
      error(fmt::format(
          "unknown directive '%{}' (known: %timeout %late %requires %label %args %program)", key));
    }
  }

  // Parses an optional leading `@T` or `@T+L`; returns the rest of the line.
  std::string time_prefix(const std::string& s, std::optional<double>& at,
                          std::optional<double>& late) const {
    if (s.empty() || s[0] != '@') return s;
    const auto end = s.find_first_of(" \t");
    const std::string stamp = s.substr(1, end == std::string::npos ? std::string::npos : end - 1);
    if (stamp.empty()) error("'@' must be followed by a time in seconds, e.g. '@1.5'");
    const auto plus = stamp.find('+');
    at = number(stamp.substr(0, plus), "the time after '@'");
    if (plus != std::string::npos) late = number(stamp.substr(plus + 1), "the allowance after '+'");
    return end == std::string::npos ? std::string() : trim(s.substr(end));
  }

  void stimulus(const std::string& body, std::optional<double> at, std::optional<double> late) {
    if (in_block) error("a stimulus cannot stand inside a { } block");
    if (late) error("a stimulus takes '@T', not '@T+L'");
    Stimulus st;
    st.line = line_no;
    st.at = at;
    st.after_lines = trace.expected_line_count();
    const auto words = split_words(body);
    if (words.empty())
      error("'>' must be followed by a stimulus: signal, signal-group, stdin, close stdin");
    if (words[0] == "signal" || words[0] == "signal-group") {
      if (words.size() != 2) error(fmt::format("'> {}' takes one signal name", words[0]));
      st.kind = words[0] == "signal" ? Stimulus::Kind::Signal : Stimulus::Kind::SignalGroup;
      st.signal_name = words[1];
      st.signal = signal_number(words[1]);
      if (st.signal == 0 || words[1].rfind("SIG", 0) != 0)
        error(fmt::format("unknown signal '{}' (write names like SIGINT)", words[1]));
    } else if (words[0] == "stdin") {
      st.kind = Stimulus::Kind::Stdin;
      const auto pos = body.find("stdin");
      st.data = body.size() > pos + 6 ? body.substr(pos + 6) : std::string();
    } else if (body == "close stdin") {
      st.kind = Stimulus::Kind::CloseStdin;
    } else {
      error(fmt::format("unknown stimulus '{}' (known: signal, signal-group, stdin, close stdin)",
                        words[0]));
    }
    trace.stimuli.push_back(st);
  }

  void expectation(std::string body, std::optional<double> at, std::optional<double> late) {
    Expect e;
    e.line = line_no;
    e.at = at;
    e.late = late;
    if (!body.empty() && body[0] == '~') {
      e.regex = true;
      body = trim(body.substr(1));
      // std::regex matches recursively: a bounded pattern keeps the harness's stack safe.
      if (body.size() > kMaxPatternBytes)
        error(fmt::format("the regular expression is longer than {} bytes", kMaxPatternBytes));
      try {
        e.pattern = std::make_shared<const std::regex>(body, std::regex::ECMAScript);
      } catch (const std::regex_error& ex) {
        error(fmt::format("bad regular expression '{}': {}", body, ex.what()));
      }
    } else if (!body.empty() && body[0] == '\\') {
      body = body.substr(1);
    }
    if (body.empty())
      error("an expected line needs text (use '~ ' with a pattern for a blank line)");
    e.text = body;
    if (in_block) {
      trace.items.back().lines.push_back(e);
    } else {
      Item item;
      item.line = line_no;
      item.lines.push_back(e);
      trace.items.push_back(item);
    }
  }

  void end_status(const std::string& body) {
    const auto words = split_words(body);
    EndStatus& end = trace.end;
    end.line = line_no;
    auto need_signal = [&](const std::string& name) {
      end.signal_name = name;
      end.signal = signal_number(name);
      if (end.signal == 0 || name.rfind("SIG", 0) != 0)
        error(fmt::format("unknown signal '{}' in the end status", name));
    };
    if (!words.empty() && words[0] == "exit" && words.size() == 2) {
      end.kind = EndStatus::Kind::Exit;
      int code = -1;
      auto [p, ec] = std::from_chars(words[1].data(), words[1].data() + words[1].size(), code);
      if (ec != std::errc() || p != words[1].data() + words[1].size() || code < 0 || code > 255)
        error(fmt::format("exit status must be 0..255, not '{}'", words[1]));
      end.code = code;
    } else if (!words.empty() && words[0] == "signal" && (words.size() == 2 || words.size() == 3)) {
      end.kind = EndStatus::Kind::Signal;
      need_signal(words[1]);
      if (words.size() == 3) {
        if (words[2] == "core")
          end.core = true;
        else if (words[2] == "nocore")
          end.core = false;
        else
          error(fmt::format("after the signal name write 'core' or 'nocore', not '{}'", words[2]));
      }
    } else if (!words.empty() && words[0] == "stopped" && words.size() == 2) {
      end.kind = EndStatus::Kind::Stopped;
      need_signal(words[1]);
    } else {
      error(
          fmt::format("the last line must state the end: 'exit N', 'signal NAME [core|nocore]' or "
                      "'stopped NAME', not '{}'",
                      body));
    }
  }

  Trace run(const std::string& text) {
    trace.file = file;
    std::vector<std::pair<int, std::string>> lines;
    {
      std::istringstream in(text);
      std::string raw;
      int n = 0;
      bool header = true;
      while (std::getline(in, raw)) {
        ++n;
        line_no = n;
        if (raw.find('\0') != std::string::npos) error("the file holds a NUL byte");
        if (raw.size() > kMaxLineBytes)
          error(fmt::format("the line is longer than {} bytes", kMaxLineBytes));
        const std::string t = trim(raw);
        if (t.empty()) continue;
        if (t[0] == '#') {
          std::string c = trim(t.substr(1));
          if (c.rfind("claim:", 0) == 0) {
            std::string ids = c.substr(6);
            for (char& ch : ids)
              if (ch == ',') ch = ' ';
            const auto words = split_words(ids);
            if (words.empty()) error("'# claim:' names no catalogue ID");
            static const std::regex id_form("[A-Z]{3}-[0-9]{2}");
            for (const auto& w : words) {
              if (!std::regex_match(w, id_form))
                error(fmt::format("'{}' is not a catalogue ID like SIG-16", w));
              trace.claims.push_back(w);
            }
          } else if (header) {
            trace.description.push_back(c);
          }
          continue;
        }
        header = false;
        lines.emplace_back(n, t);
      }
    }
    if (lines.empty()) {
      line_no = 1;
      error("the trace is empty: it needs at least its end status ('exit 0', ...)");
    }
    for (std::size_t i = 0; i < lines.size(); ++i) {
      line_no = lines[i].first;
      const std::string& t = lines[i].second;
      const bool last = i + 1 == lines.size();
      if (t[0] == '%') {
        if (last) error("the last line must state the end, not a directive");
        directive(t.substr(1));
        continue;
      }
      if (last) {
        if (in_block) error("a '{' block is still open at the end of the file");
        std::optional<double> at;
        std::optional<double> late;
        const std::string body = time_prefix(t, at, late);
        end_status(body);
        trace.end.at = at;
        trace.end.late = late;
        break;
      }
      seen_expectation_or_end = true;
      if (t == "{") {
        if (in_block) error("'{' blocks do not nest");
        in_block = true;
        Item item;
        item.unordered = true;
        item.line = line_no;
        trace.items.push_back(item);
        continue;
      }
      if (t == "}") {
        if (!in_block) error("'}' without an open '{'");
        if (trace.items.back().lines.empty()) error("an empty '{ }' block");
        in_block = false;
        continue;
      }
      std::optional<double> at;
      std::optional<double> late;
      const std::string body = time_prefix(t, at, late);
      if (!body.empty() && body[0] == '>') {
        stimulus(trim(body.substr(1)), at, late);
      } else {
        expectation(body, at, late);
      }
    }
    return trace;
  }
};

}  // namespace

Trace parse_trace(const std::string& text, const std::string& file_name) {
  Parser p;
  p.file = file_name;
  return p.run(text);
}

Trace load_trace(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw TraceError(path, 0, "cannot open the trace file");
  std::ostringstream buf;
  buf << in.rdbuf();
  return parse_trace(buf.str(), path);
}

}  // namespace procsync
