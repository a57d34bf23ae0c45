#include "verdict.hpp"

#include <fmt/format.h>

#include "compare.hpp"
#include "observation.hpp"
#include "protocol.hpp"
#include "trace.hpp"

namespace procsync {

namespace protocol = ps::protocol;

std::string_view verdict_name(Verdict v) {
  switch (v) {
    case Verdict::Pass:
      return "PASS";
    case Verdict::Fail:
      return "FAIL";
    case Verdict::Unsupported:
      return "UNSUPPORTED";
    case Verdict::Timeout:
      return "TIMEOUT";
    case Verdict::Broken:
      return "BROKEN";
    case Verdict::Flaky:
      return "FLAKY";
  }
  return "BROKEN";
}

std::optional<Verdict> verdict_from_name(std::string_view name) {
  for (const Verdict v : kAllVerdicts)
    if (verdict_name(v) == name) return v;
  return std::nullopt;
}

int verdict_exit_code(Verdict v) {
  switch (v) {
    case Verdict::Pass:
    case Verdict::Flaky:
      return 0;
    case Verdict::Fail:
      return 1;
    case Verdict::Timeout:
      return 2;
    case Verdict::Broken:
      return kBrokenExit;
    case Verdict::Unsupported:
      return protocol::kUnsupportedExit;
  }
  return kBrokenExit;
}

int severity(Verdict v) {
  return static_cast<int>(v) + 1;
}

bool is_failure(Verdict v) {
  return v == Verdict::Fail || v == Verdict::Timeout || v == Verdict::Broken;
}

bool is_retried(Verdict v) {
  return v == Verdict::Fail || v == Verdict::Timeout;
}

namespace {

// The reason after the program's last "UNSUPPORTED: " on stderr, up to the end of that line.
std::string unsupported_reason(const std::string& stderr_text) {
  const auto pos = stderr_text.rfind(protocol::kUnsupportedPrefix);
  if (pos == std::string::npos) return "the program reported it unsupported";
  const auto from = pos + protocol::kUnsupportedPrefix.size();
  const auto nl = stderr_text.find('\n', from);
  return stderr_text.substr(from, nl == std::string::npos ? std::string::npos : nl - from);
}

// A launcher (env, qemu-user, valgrind) that could not start the program ends at once with
// its own status: no start mark (the fixtures write it before main), no line, and never
// exit 0. env says why on stderr (exit 127 or 126), valgrind too (127, 126, 1); qemu-user
// 7.2 prints a missing program's error to stdout and loses it in _exit (exit 1, nothing
// said), but a wrong -L or a binary of another architecture on stderr (exit 255).
bool launcher_could_not_start(const Observation& obs) {
  if (obs.launcher.empty() || obs.start_mark_seen || !obs.lines.empty() || obs.timed_out)
    return false;
  if (obs.end.kind == ObservedEnd::Kind::Exit) return obs.end.code != 0;
  return obs.end.kind == ObservedEnd::Kind::Signal;
}

// The launcher's own words: its stderr, on one line, cut to a readable length.
std::string launcher_message(const Observation& obs) {
  std::string text = obs.stderr_text;
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
  for (char& c : text)
    if (c == '\n') c = ' ';
  constexpr std::size_t kMax = 400;
  if (text.size() > kMax) text = text.substr(0, kMax) + " [cut]";
  if (text.empty()) text = "it said nothing on stderr";
  return fmt::format("{} ({})", text, obs.end.describe());
}

bool expects_unsupported_exit(const Trace& t) {
  return t.end.kind == EndStatus::Kind::Exit && t.end.code == protocol::kUnsupportedExit;
}

}  // namespace

Judgement judge(const JudgeInput& in) {
  if (!in.trace_error.empty()) return {Verdict::Broken, "malformed trace: " + in.trace_error};
  if (!in.unsupported.empty()) return {Verdict::Unsupported, in.unsupported};
  if (in.observation == nullptr || in.trace == nullptr || in.comparison == nullptr)
    return {Verdict::Broken, "nothing was run"};
  const Observation& obs = *in.observation;
  const Comparison& cmp = *in.comparison;
  if (!obs.spawn_error.empty()) return {Verdict::Broken, obs.spawn_error};
  if (launcher_could_not_start(obs))
    return {Verdict::Broken, "the launcher could not start the program: " + launcher_message(obs)};
  // A program built against another protocol may mean something else by its output.
  if (obs.start_mark_seen && obs.program_protocol != protocol::kVersion)
    return {Verdict::Broken,
            fmt::format("protocol version mismatch: harness {}, program {}", protocol::kVersion,
                        obs.program_protocol ? std::to_string(*obs.program_protocol)
                                             : std::string("none (a start mark without one)"))};
  if (obs.end.kind == ObservedEnd::Kind::Exit && obs.end.code == protocol::kUnsupportedExit &&
      !expects_unsupported_exit(*in.trace))
    return {Verdict::Unsupported, unsupported_reason(obs.stderr_text)};
  if (!obs.leftovers.empty()) {
    const std::string left =
        fmt::format("the program left {} process(es) running after it ended (killed): {}",
                    obs.leftovers.size(), obs.leftovers.front());
    // A program that gives up on a divergence (a failed check exits at once) leaves its
    // children behind: the divergence is the platform's failure and must not hide as BROKEN.
    if (!obs.timed_out && !cmp.agrees()) return {Verdict::Fail, cmp.summary + "; " + left};
    return {Verdict::Broken, left};
  }
  if (obs.timed_out) return {Verdict::Timeout, cmp.summary};
  if (!cmp.agrees()) return {Verdict::Fail, cmp.summary};
  return {Verdict::Pass, ""};
}

Judgement settle(const std::vector<Judgement>& attempts) {
  if (attempts.empty()) return {Verdict::Broken, "nothing was run"};
  const Judgement& first = attempts.front();
  if (!is_retried(first.verdict)) return first;
  for (std::size_t i = 1; i < attempts.size(); ++i) {
    if (attempts[i].verdict != Verdict::Pass) continue;
    // The reason names the first attempt's divergence: that is what needs explaining.
    return {Verdict::Flaky,
            fmt::format("{} on attempt 1, PASS on attempt {} of {}: {}",
                        verdict_name(first.verdict), i + 1, attempts.size(), first.reason)};
  }
  return first;
}

}  // namespace procsync
