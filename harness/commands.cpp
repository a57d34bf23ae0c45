// The harness's subcommands (commands.hpp); main.cpp parses the command line into them.
#include "commands.hpp"

#include <fmt/format.h>
#include <gnu/libc-version.h>
#include <sys/utsname.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>

#include "compare.hpp"
#include "conformance.hpp"
#include "listing.hpp"
#include "mutate.hpp"
#include "protocol.hpp"
#include "report.hpp"
#include "result_record.hpp"
#include "runner.hpp"
#include "trace.hpp"
#include "verdict.hpp"

namespace procsync {

namespace protocol = ps::protocol;

namespace {

double time_factor_from(const std::string& text) {
  if (text.empty()) return 1.0;
  char* end = nullptr;
  const double f = std::strtod(text.c_str(), &end);
  if (end == text.c_str() || *end != '\0' || !(f >= 1.0) || f > 1000.0)
    throw BadSetting(std::string(protocol::kEnvTimeFactor),
                     fmt::format("must be a number from 1 to 1000, not '{}'", text));
  return f;
}

std::string env(const char* name) {
  const char* v = std::getenv(name);
  return v == nullptr ? std::string() : std::string(v);
}

void write_json(const std::string& path, const nlohmann::json& j) {
  if (path.empty()) return;
  std::error_code ec;
  const auto parent = std::filesystem::path(path).parent_path();
  if (!parent.empty()) std::filesystem::create_directories(parent, ec);
  std::ofstream out(path);
  // A program's output need not be UTF-8: invalid bytes become U+FFFD in the JSON.
  out << j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
  if (!out) std::cerr << "procsync: cannot write " << path << "\n";
}

RunOptions run_options(const Common& c, const Trace* trace, double factor, double timeout) {
  RunOptions o;
  o.launcher = c.launcher_words();
  std::error_code ec;
  const auto abs = std::filesystem::absolute(c.program, ec);
  o.program = ec ? c.program : abs.string();
  if (trace != nullptr) {
    o.args = trace->args;
    o.stimuli = trace->stimuli;
  }
  o.time_factor = factor;
  o.timeout = timeout * factor;
  o.grace = 0.25 * factor;
  o.data_dir = c.data_dir;
  return o;
}

int retries_from(const std::string& text, const std::string& what) {
  if (text.empty()) return 0;
  char* end = nullptr;
  const long n = std::strtol(text.c_str(), &end, 10);
  if (end == text.c_str() || *end != '\0' || n < 0 || n > kMaxRetries)
    throw BadSetting(
        what, fmt::format("must be a whole number from 0 to {}, not '{}'", kMaxRetries, text));
  return static_cast<int>(n);
}

std::string host_name() {
  char buf[256] = {};
  if (gethostname(buf, sizeof buf - 1) != 0) return "unknown";
  return buf;
}

// One run of the program, kept whole: a retry must not overwrite what the first run saw.
struct Attempt {
  std::optional<Observation> observation;
  std::optional<Comparison> comparison;
  std::string started;
};

}  // namespace

std::vector<std::string> Common::launcher_words() const {
  if (launcher_set) return split_launcher(launcher);
  if (std::getenv(protocol::kEnvLauncher.data()) != nullptr)
    return split_launcher(env(protocol::kEnvLauncher.data()));
  return split_launcher(default_launcher);
}

double Common::factor() const {
  if (!factor_text.empty()) return time_factor_from(factor_text);
  const std::string from_env = env(protocol::kEnvTimeFactor.data());
  if (!from_env.empty()) return time_factor_from(from_env);
  return time_factor_from(default_factor);
}

int retries_setting(const std::string& option_text) {
  if (option_text.empty()) return retries_from(env(kEnvRetryUnexpected), kEnvRetryUnexpected);
  return retries_from(option_text, "--retry-unexpected");
}

int cmd_list(const std::string& expected_dir) {
  std::cout << render_listing(list_traces(expected_dir));
  return 0;
}

int cmd_run(const Common& c, const std::string& trace_path, std::string name,
            const std::string& json_path, const std::string& unsupported, bool verbose,
            int retries) {
  const double factor = c.factor();
  if (name.empty()) name = std::filesystem::path(trace_path).stem().string();
  Result base;
  base.name = name;
  base.trace_file = trace_path;
  base.program = c.program;
  base.time_factor = factor;
  base.launcher = c.launcher_words();
  base.hostname = host_name();

  JudgeInput in;
  std::optional<Trace> trace;
  try {
    trace = load_trace(trace_path);
    base.trace = in.trace = &*trace;
  } catch (const TraceError& e) {
    in.trace_error = e.what();
  }
  in.unsupported = unsupported;

  // The first run, then while it diverged and retries are left, the reruns.
  std::vector<std::unique_ptr<Attempt>> runs;
  std::vector<Judgement> judgements;
  std::vector<AttemptRecord> attempts;
  std::vector<Result> results;
  do {
    auto& a = *runs.emplace_back(std::make_unique<Attempt>());
    a.started = utc_timestamp(std::chrono::system_clock::now());
    Result r = base;
    r.started = a.started;
    JudgeInput attempt_in = in;
    if (in.trace_error.empty() && in.unsupported.empty()) {
      Timing timing;
      timing.factor = factor;
      a.observation = run_program(run_options(c, &*trace, factor, trace->timeout));
      r.observation = attempt_in.observation = &*a.observation;
      a.comparison = compare(*trace, *a.observation, timing);
      r.comparison = attempt_in.comparison = &*a.comparison;
    }
    const Judgement j = judge(attempt_in);
    r.verdict = j.verdict;
    r.reason = j.reason;
    judgements.push_back(j);
    attempts.push_back(attempt_record(r));
    results.push_back(r);
  } while (is_retried(judgements.back().verdict) && static_cast<int>(runs.size()) <= retries);

  // The result describes the first run under the test's settled verdict.
  Result r = results.front();
  const Judgement settled = settle(judgements);
  r.verdict = settled.verdict;
  r.reason = settled.reason;
  const Observation* obs = r.observation;
  if (results.size() == 1) {
    std::cout << render_text(r, verbose && obs != nullptr);
  } else {
    for (std::size_t i = 0; i < results.size(); ++i) {
      std::cout << fmt::format("procsync: {}: attempt {} of at most {}:\n", name, i + 1,
                               retries + 1);
      std::cout << render_text(results[i], verbose && results[i].observation != nullptr);
    }
    const std::string text = render_text(r);
    std::cout << text.substr(0, text.find('\n') + 1);
  }
  write_json(json_path, to_json(r, attempts));
  // Trace mutation (ci/mutation.sh): the same run, checked against every mutant of its trace.
  const std::string mutation_dir = env("PROCSYNC_MUTATION_DIR");
  if (!mutation_dir.empty() && trace) {
    MutationScore score;
    if (r.verdict == Verdict::Pass && obs != nullptr) {
      Timing timing;
      timing.factor = factor;
      std::ifstream in_text(trace_path);
      std::ostringstream text;
      text << in_text.rdbuf();
      score = score_mutants(*trace, text.str(), *obs, timing);
    } else {
      score.trace_file = trace_path;
      score.skipped = fmt::format("the run was {}", verdict_name(r.verdict));
    }
    score.name = name;
    write_json(mutation_dir + "/" + name + ".json", to_json(score));
  }
  return verdict_exit_code(r.verdict);
}

int cmd_mutation_report(const std::string& dir, const std::string& out_path) {
  std::vector<MutationScore> scores;
  std::error_code ec;
  for (const auto& e : std::filesystem::recursive_directory_iterator(dir, ec)) {
    if (e.path().extension() != ".json") continue;
    std::ifstream in(e.path());
    scores.push_back(score_from_json(nlohmann::json::parse(in)));
  }
  if (ec) throw std::runtime_error(fmt::format("cannot read {}: {}", dir, ec.message()));
  std::sort(scores.begin(), scores.end(),
            [](const MutationScore& a, const MutationScore& b) { return a.name < b.name; });
  const std::string md = render_mutation_markdown(scores);
  if (out_path.empty() || out_path == "-") {
    std::cout << md;
  } else {
    std::ofstream out(out_path);
    out << md;
    if (!out) throw std::runtime_error("cannot write " + out_path);
  }
  int unjustified = 0, skipped = 0;
  for (const auto& s : scores) {
    unjustified += s.unjustified();
    if (!s.skipped.empty()) ++skipped;
  }
  return unjustified == 0 && skipped == 0 ? 0 : 1;
}

int cmd_record(const Common& c, const std::string& trace_path, double timeout,
               const std::string& out_path) {
  const double factor = c.factor();
  std::optional<Trace> trace;
  if (!trace_path.empty()) {
    try {
      trace = load_trace(trace_path);
    } catch (const TraceError& e) {
      std::cerr << "procsync: malformed trace: " << e.what() << "\n";
      return kBrokenExit;
    }
  }
  const double t = trace ? trace->timeout : timeout;
  const Observation obs = run_program(run_options(c, trace ? &*trace : nullptr, factor, t));
  if (!obs.spawn_error.empty()) {
    std::cerr << "procsync: " << obs.spawn_error << "\n";
    return kBrokenExit;
  }
  const std::string text = render_recorded_trace(obs, trace ? &*trace : nullptr, c.program);
  if (out_path.empty() || out_path == "-") {
    std::cout << text;
  } else {
    std::ofstream out(out_path);
    out << text;
    if (!out) {
      std::cerr << "procsync: cannot write " << out_path << "\n";
      return kBrokenExit;
    }
  }
  if (!obs.stderr_text.empty()) std::cerr << obs.stderr_text;
  return obs.timed_out ? verdict_exit_code(Verdict::Timeout) : 0;
}

int cmd_check(const std::vector<std::string>& files) {
  int bad = 0;
  for (const auto& f : files) {
    try {
      const Trace t = load_trace(f);
      if (t.claims.empty()) {
        std::cout << f << ": warning: no '# claim:' line ties it to the catalogue\n";
      }
    } catch (const TraceError& e) {
      std::cout << e.what() << "\n";
      ++bad;
    }
  }
  return bad == 0 ? 0 : 3;
}

namespace {

nlohmann::json read_json_file(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot read " + path);
  return nlohmann::json::parse(in);
}

void write_text(const std::filesystem::path& path, const std::string& text) {
  std::ofstream out(path);
  out << text;
  if (!out) throw std::runtime_error("cannot write " + path.string());
}

}  // namespace

int cmd_report(const std::string& results_dir, const std::string& catalogue_path,
               const std::string& platform_path, const std::string& out_dir, bool quiet,
               bool fail_on_flaky) {
  namespace fs = std::filesystem;
  std::vector<nlohmann::json> results;
  std::error_code ec;
  if (fs::is_directory(results_dir, ec)) {
    for (const auto& e : fs::recursive_directory_iterator(results_dir, ec)) {
      if (e.path().extension() != ".json") continue;
      try {
        results.push_back(read_json_file(e.path().string()));
      } catch (const std::exception& ex) {
        std::cout << "procsync: skipping " << e.path().string() << ": " << ex.what() << "\n";
      }
    }
  }
  std::ifstream cat(catalogue_path);
  if (!cat) throw std::runtime_error("cannot read the catalogue " + catalogue_path);
  std::ostringstream cat_text;
  cat_text << cat.rdbuf();

  nlohmann::json platform = nlohmann::json::object();
  if (!platform_path.empty() && fs::exists(platform_path)) platform = read_json_file(platform_path);
  utsname u{};
  if (uname(&u) == 0) {
    platform["kernel"] = std::string(u.sysname) + " " + u.release;
    platform["host_architecture"] = u.machine;
  }
  platform["host_libc"] = std::string("glibc ") + gnu_get_libc_version();
  platform["hostname"] = host_name();
  if (!results.empty()) {
    std::string launcher;
    const ResultRecord first = read_record(results.front());
    if (!first.hostname.empty()) platform["hostname"] = first.hostname;
    for (const auto& w : first.launcher) launcher += (launcher.empty() ? "" : " ") + w;
    platform["launcher"] = launcher.empty() ? "(none)" : launcher;
    platform["time_factor"] = first.time_factor;
  }

  const auto conformance = build_conformance(results, parse_catalogue(cat_text.str()), platform);
  fs::create_directories(out_dir);
  std::string files;
  for (const auto& format : kReportFormats) {
    write_text(fs::path(out_dir) / format.file, format.render(conformance));
    files += (files.empty() ? "" : ",") + std::string(format.file);
  }
  if (!quiet) std::cout << render_console(conformance);
  std::cout << "procsync: report written to " << out_dir << "/{" << files << "}\n";
  for (const auto& t : conformance["tests"]) {
    const std::string verdict = t["verdict"];
    if (is_failure(verdict)) return 1;
    if (fail_on_flaky && verdict == verdict_name(Verdict::Flaky)) return 1;
  }
  return 0;
}

namespace {

// A conformance.json this harness can compare: any version up to its own (the keys the
// comparison reads have not changed since the first).
nlohmann::json read_conformance(const std::string& path) {
  nlohmann::json c = read_json_file(path);
  const int schema = c.value("schema", 0);
  if (schema > kConformanceSchemaVersion)
    throw std::runtime_error(fmt::format("{} is of schema {}, newer than this harness's {}", path,
                                         schema, kConformanceSchemaVersion));
  return c;
}

}  // namespace

int cmd_diff(const std::string& a, const std::string& b, double threshold) {
  const RunDiff d = diff_runs(read_conformance(a), read_conformance(b), threshold);
  std::cout << render_diff(d, a, b);
  return d.regressed() ? 1 : 0;
}

}  // namespace procsync
