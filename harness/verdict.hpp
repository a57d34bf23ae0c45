// The verdicts, and the one function that decides which one a run gets.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace procsync {

struct Trace;
struct Observation;
struct Comparison;

// In increasing severity: when a behaviour has several tests, the worst verdict wins.
// FLAKY: the first run diverged (FAIL or TIMEOUT) and a rerun (`--retry-unexpected`)
// passed. It is not a failure of the platform, but never a PASS either: a mechanism that
// only sometimes keeps its promise, or a runner too loaded to judge it.
// A divergence a port's ledger expects (XFAIL, and XPASS for an expected one that passed)
// would rank between PASS and UNSUPPORTED, and the report formats already have a place for
// it (KTAP's XFAIL directive and xfail/xpass totals).
enum class Verdict { Pass, Unsupported, Flaky, Fail, Timeout, Broken };
inline constexpr std::array kAllVerdicts = {Verdict::Pass,   Verdict::Flaky,
                                            Verdict::Fail,   Verdict::Timeout,
                                            Verdict::Broken, Verdict::Unsupported};

std::string_view verdict_name(Verdict v);
std::optional<Verdict> verdict_from_name(std::string_view name);
// What CTest sees: PASS 0, FAIL 1, TIMEOUT 2, BROKEN 3, UNSUPPORTED 77 (SKIP_RETURN_CODE),
// FLAKY 0: CTest counts a flaky pass as passed, so that it does not fail CI by default; the
// report shows it (`procsync report --fail-on-flaky` makes it fail).
int verdict_exit_code(Verdict v);
// Higher is worse: BROKEN > TIMEOUT > FAIL > FLAKY > UNSUPPORTED > PASS.
int severity(Verdict v);
// Whether the verdict counts against the platform (FAIL, TIMEOUT, BROKEN).
bool is_failure(Verdict v);

// Whether `--retry-unexpected` runs the program again after this verdict: a divergence or a
// timeout may be the runner's load; BROKEN, UNSUPPORTED and PASS do not change by chance.
bool is_retried(Verdict v);

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
// a program that could not be started (by the harness or by its launcher), one that speaks
// another protocol version, one that reported itself unsupported, one that left processes
// behind; then the comparison's TIMEOUT, FAIL or PASS.
Judgement judge(const JudgeInput& in);

// The verdict of a test from the judgements of its attempts, in order (the first is the
// run itself, the others its retries): FLAKY when a retried attempt was followed by a PASS;
// otherwise the first attempt's judgement, which the retries never turn into another
// failure (every attempt is kept in the result all the same).
Judgement settle(const std::vector<Judgement>& attempts);

}  // namespace procsync
