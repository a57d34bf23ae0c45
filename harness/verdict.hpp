// The verdicts, and the one function that decides which one a run gets.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>

namespace procsync {

struct Trace;
struct Observation;
struct Comparison;

// In increasing severity: when a behaviour has several tests, the worst verdict wins.
enum class Verdict { Pass, Unsupported, Fail, Timeout, Broken };
inline constexpr std::array kAllVerdicts = {Verdict::Pass, Verdict::Fail, Verdict::Timeout,
                                            Verdict::Broken, Verdict::Unsupported};

std::string_view verdict_name(Verdict v);
std::optional<Verdict> verdict_from_name(std::string_view name);
// What CTest sees: PASS 0, FAIL 1, TIMEOUT 2, BROKEN 3, UNSUPPORTED 77 (SKIP_RETURN_CODE).
int verdict_exit_code(Verdict v);
// Higher is worse: BROKEN > TIMEOUT > FAIL > UNSUPPORTED > PASS.
int severity(Verdict v);
// Whether the verdict counts against the platform (FAIL, TIMEOUT, BROKEN).
bool is_failure(Verdict v);

// The exit code of a harness that could not judge at all (bad arguments, internal error).
inline constexpr int kBrokenExit = 3;

// Everything a verdict may depend on. Pointers are null when that stage never happened.
struct JudgeInput {
  std::string trace_error;  // the trace did not parse: why
  std::string unsupported;  // configure found a required feature missing: why
  const Trace* trace = nullptr;
  const Observation* observation = nullptr;
  const Comparison* comparison = nullptr;
};

struct Judgement {
  Verdict verdict = Verdict::Pass;
  std::string reason;  // the first divergence, the UNSUPPORTED reason, what is BROKEN
};

// The whole verdict policy, in order: a malformed trace, a feature configure did not find,
// a program that could not be started, one that speaks another protocol version, one that
// reported itself unsupported, one that left processes behind; then the comparison's
// TIMEOUT, FAIL or PASS.
Judgement judge(const JudgeInput& in);

}  // namespace procsync
