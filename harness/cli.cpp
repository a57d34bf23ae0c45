// procsync's command line: the subcommands and their options, each handed to the module that
// does the work. In the core library, so that it shares one translation unit with them.
#include "cli.hpp"

#include <fmt/format.h>
#include <gnu/libc-version.h>
#include <sys/utsname.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>

#include "align.hpp"
#include "calibrate.hpp"
#include "compare.hpp"
#include "conformance.hpp"
#include "ledger.hpp"
#include "listing.hpp"
#include "matrix.hpp"
#include "mutate.hpp"
#include "protocol.hpp"
#include "report.hpp"
#include "result_record.hpp"
#include "runner.hpp"
#include "trace.hpp"
#include "verdict.hpp"

namespace {

using namespace procsync;
namespace protocol = ps::protocol;

double time_factor_from(const std::string& text) {
  if (text.empty()) return 1.0;
  char* end = nullptr;
  const double f = std::strtod(text.c_str(), &end);
  if (end == text.c_str() || *end != '\0' || !(f >= 1.0) || f > 1000.0)
    throw CLI::ValidationError(std::string(protocol::kEnvTimeFactor),
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

// Each setting: the command line first, then the environment, then the configure-time default.
struct Common {
  std::string program;
  std::string launcher;
  bool launcher_set = false;
  std::string default_launcher;
  std::string factor_text;
  std::string default_factor;
  std::string data_dir;

  std::vector<std::string> launcher_words() const {
    if (launcher_set) return split_launcher(launcher);
    if (std::getenv(protocol::kEnvLauncher.data()) != nullptr)
      return split_launcher(env(protocol::kEnvLauncher.data()));
    return split_launcher(default_launcher);
  }
  double factor() const {
    if (!factor_text.empty()) return time_factor_from(factor_text);
    const std::string from_env = env(protocol::kEnvTimeFactor.data());
    if (!from_env.empty()) return time_factor_from(from_env);
    return time_factor_from(default_factor);
  }
};

// Which port's ledger applies: --port, then PROCSYNC_PORT, then the configure-time default;
// the ledgers' directory: --ledger-dir, then PROCSYNC_LEDGER_DIR, then ports/.
struct PortSetting {
  std::string port;
  std::string default_port;
  std::string ledger_dir;
  bool allow_stale = false;

  std::string effective_port() const {
    if (!port.empty()) return port;
    const std::string from_env = env("PROCSYNC_PORT");
    return from_env.empty() ? default_port : from_env;
  }
  Ledger ledger() const {
    std::string dir = ledger_dir;
    if (dir.empty()) dir = env("PROCSYNC_LEDGER_DIR");
    if (dir.empty()) dir = "ports";
    return load_port_ledger(dir, effective_port());
  }
  bool stale_allowed() const { return allow_stale || env("PROCSYNC_ALLOW_STALE") == "1"; }
};

void add_port_options(CLI::App* sub, PortSetting& p) {
  sub->add_option("--port", p.port,
                  "the port whose ledger applies (overrides PROCSYNC_PORT; none: a host run)");
  sub->add_option("--ledger-dir", p.ledger_dir,
                  "directory of the ledgers <port>.yaml (overrides PROCSYNC_LEDGER_DIR; default "
                  "ports)");
  sub->add_flag("--allow-stale", p.allow_stale,
                "a ledger entry whose test passes is reported, not failed "
                "(PROCSYNC_ALLOW_STALE=1 too)");
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

// The run's exit code against the port's ledger: a known divergence passes the gate, a
// stale entry fails it unless allowed, anything else keeps its verdict's code.
int gate_exit_code(const Result& r, const PortSetting& port) {
  const std::string name = port.effective_port();
  if (name.empty()) return verdict_exit_code(r.verdict);
  const Ledger ledger = port.ledger();
  const Divergence* d =
      ledger.find(r.name, r.trace != nullptr ? r.trace->claims : std::vector<std::string>{});
  switch (classify(r.verdict, d)) {
    case Expectation::Expected:
      std::cout << fmt::format("procsync: {}: EXPECTED {} on port {}: known divergence: {} ({})\n",
                               r.name, verdict_name(r.verdict), name, d->summary,
                               d->divergence_class);
      return r.verdict == Verdict::Unsupported ? verdict_exit_code(r.verdict) : 0;
    case Expectation::Stale:
      std::cout << fmt::format(
          "procsync: {}: STALE ledger entry of port {}: expects {}, the test gave {}: the port "
          "may have fixed it ({})\n",
          r.name, name, verdict_name(d->verdict), verdict_name(r.verdict), ledger.file);
      return port.stale_allowed() ? 0 : 1;
    case Expectation::Unexpected:
      if (d != nullptr)
        std::cout << fmt::format("procsync: {}: UNEXPECTED on port {}: the ledger expects {}\n",
                                 r.name, name, verdict_name(d->verdict));
      return verdict_exit_code(r.verdict);
    case Expectation::Unlisted:
      break;
  }
  return verdict_exit_code(r.verdict);
}

// --retry-unexpected: at most this many reruns, so that every attempt still fits inside
// CTest's backstop timeout (cmake/Behaviours.cmake: about four times the test's budget).
constexpr int kMaxRetries = 3;
constexpr const char* kEnvRetryUnexpected = "PROCSYNC_RETRY_UNEXPECTED";

int retries_from(const std::string& text, const std::string& what) {
  if (text.empty()) return 0;
  char* end = nullptr;
  const long n = std::strtol(text.c_str(), &end, 10);
  if (end == text.c_str() || *end != '\0' || n < 0 || n > kMaxRetries)
    throw CLI::ValidationError(
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

int cmd_run(const Common& c, const PortSetting& port, const std::string& trace_path,
            std::string name, const std::string& json_path, const std::string& unsupported,
            bool verbose, int retries) {
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
  return gate_exit_code(r, port);
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

int cmd_report(const std::string& results_dir, const std::string& catalogue_path,
               const std::string& platform_path, const std::string& out_dir, bool quiet,
               PortSetting port, bool fail_on_flaky) {
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

  if (port.default_port.empty()) port.default_port = platform.value("port", "");
  auto conformance = build_conformance(results, parse_catalogue(cat_text.str()), platform);
  const bool ported = !port.effective_port().empty();
  if (ported) {
    apply_ledger(conformance, port.ledger());
    conformance["ledger"]["allow_stale"] = port.stale_allowed();
  }
  fs::create_directories(out_dir);
  std::string files;
  for (const auto& format : kReportFormats) {
    write_text(fs::path(out_dir) / format.file, format.render(conformance));
    files += (files.empty() ? "" : ",") + std::string(format.file);
  }
  if (!quiet) std::cout << render_console(conformance);
  std::cout << "procsync: report written to " << out_dir << "/{" << files << "}\n";
  if (ported) {
    const auto& l = conformance["ledger"];
    if (gate_fails(l["unexpected"].get<int>(), l["stale"].get<int>(), port.stale_allowed()))
      return 1;
  }
  for (const auto& t : conformance["tests"]) {
    const std::string verdict = t["verdict"];
    if (is_failure(verdict) && !(ported && t.value("expectation", "") == "EXPECTED")) return 1;
    if (fail_on_flaky && verdict == verdict_name(Verdict::Flaky)) return 1;
  }
  return 0;
}

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

int cmd_diff(const std::string& a, const std::string& b, double threshold,
             const PortSetting& port) {
  nlohmann::json run_b = read_conformance(b);
  // B judged against its port's ledger: the one named now, else the one its report used.
  if (!port.effective_port().empty()) {
    apply_ledger(run_b, port.ledger());
    run_b["ledger"]["allow_stale"] = port.stale_allowed();
  }
  const RunDiff d = diff_runs(read_conformance(a), run_b, threshold);
  std::cout << render_diff(d, a, b);
  return d.regressed() ? 1 : 0;
}

// A run given on the command line: a conformance.json, or a directory holding one (itself,
// report/ or build-<port>/report/), optionally as NAME=PATH.
MatrixRun read_run(const std::string& arg) {
  namespace fs = std::filesystem;
  MatrixRun run;
  std::string path = arg;
  const auto eq = arg.find('=');
  if (eq != std::string::npos && !fs::exists(arg)) {
    run.name = arg.substr(0, eq);
    path = arg.substr(eq + 1);
  }
  if (fs::is_directory(path)) {
    for (const auto& candidate :
         {fs::path(path) / "conformance.json", fs::path(path) / "report" / "conformance.json"})
      if (fs::exists(candidate)) {
        path = candidate.string();
        break;
      }
  }
  run.conformance = read_json_file(path);
  if (run.name.empty()) {
    const auto& l = run.conformance.value("ledger", nlohmann::json::object());
    run.name = l.value("port", "");
    if (run.name.empty()) run.name = run.conformance["platform"].value("port", "");
    if (run.name.empty()) run.name = "host";
  }
  return run;
}

int cmd_matrix(const std::vector<std::string>& args, const std::string& out_dir) {
  std::vector<MatrixRun> runs;
  for (const auto& a : args) runs.push_back(read_run(a));
  const nlohmann::json m = build_matrix(runs);
  std::filesystem::create_directories(out_dir);
  write_text(std::filesystem::path(out_dir) / "matrix.html", render_matrix_html(m));
  write_text(std::filesystem::path(out_dir) / "matrix.md", render_matrix_markdown(m));
  std::cout << fmt::format(
      "procsync: matrix of {} behaviours on {} platforms written to {}/"
      "{{matrix.html,matrix.md}}\n",
      m["rows"].size(), m["platforms"].size(), out_dir);
  return 0;
}

// One test's result from a result JSON, a conformance.json or a build/report/results dir.
nlohmann::json read_test_result(const std::string& path, const std::string& test) {
  namespace fs = std::filesystem;
  if (fs::is_directory(path)) {
    for (const auto& candidate :
         {fs::path(path) / (test + ".json"), fs::path(path) / "results" / (test + ".json")})
      if (fs::exists(candidate)) return read_json_file(candidate.string());
    for (const auto& candidate :
         {fs::path(path) / "conformance.json", fs::path(path) / "report" / "conformance.json"})
      if (fs::exists(candidate)) return read_test_result(candidate.string(), test);
    throw std::runtime_error(fmt::format("{}: no result of {}", path, test));
  }
  nlohmann::json j = read_json_file(path);
  if (!j.contains("tests")) return j;
  for (const auto& t : j["tests"])
    if (t.value("name", "") == test) return t;
  throw std::runtime_error(fmt::format("{}: no test {}", path, test));
}

int cmd_align(const std::string& host, const std::string& port, std::string test, double threshold,
              bool all) {
  if (test.empty()) {
    test = read_json_file(host).value("name", "");
    if (test.empty()) throw std::runtime_error("name the test with --test");
  }
  const nlohmann::json h = read_test_result(host, test), p = read_test_result(port, test);
  Alignment a = align_lines(observed_lines(h), observed_lines(p), threshold);
  a.host_end = h.value("end", "");
  a.port_end = p.value("end", "");
  std::cout << render_alignment(a, test, host, port, all);
  return a.differences() == 0 ? 0 : 1;
}

int cmd_calibrate(const std::vector<std::string>& dirs, double margin) {
  namespace fs = std::filesystem;
  std::vector<RunNeed> runs;
  for (const auto& dir : dirs) {
    RunNeed need;
    need.run = dir;
    std::vector<fs::path> files;
    std::error_code ec;
    for (const auto& e : fs::recursive_directory_iterator(dir, ec))
      if (e.path().extension() == ".json") files.push_back(e.path());
    if (ec) throw std::runtime_error(fmt::format("cannot read {}: {}", dir, ec.message()));
    std::sort(files.begin(), files.end());
    for (const auto& f : files) {
      const nlohmann::json r = read_json_file(f.string());
      // The trace gives %timeout (and %late for results written before "allowance").
      double timeout = 0, late = Timing::kDefaultLate;
      try {
        const Trace t = load_trace(r.value("trace", ""));
        timeout = t.timeout;
        late = t.late.value_or(late);
      } catch (const std::exception&) {
      }
      add_result(need, r, timeout, late);
    }
    runs.push_back(need);
  }
  const Recommendation rec = recommend_factor(runs, margin);
  std::cout << render_calibration(runs, rec, margin);
  return 0;
}

}  // namespace

int procsync::cli_main(int argc, char** argv) {
  CLI::App app{
      "procsync: runs a behaviour program and judges its output, timing and end status against "
      "an expected trace (see docs/trace-format.md).\n"
      "Verdicts and exit codes: PASS 0, FAIL 1, TIMEOUT 2, BROKEN 3, UNSUPPORTED 77, FLAKY 0 "
      "(failed, then passed on a retry: see --retry-unexpected).\n"
      "Environment: PROCSYNC_LAUNCHER (command prefix for the program, e.g. 'qemu-aarch64 -L "
      "/usr/aarch64-linux-gnu'), PROCSYNC_TIME_FACTOR (multiplies lateness allowances and "
      "timeouts, never the early bound), PROCSYNC_RETRY_UNEXPECTED (retries after a FAIL or "
      "TIMEOUT, as --retry-unexpected)."};
  app.require_subcommand(1);
  Common c;
  auto add_common = [&](CLI::App* sub) {
    sub->add_option("--launcher", c.launcher,
                    "command prefix for the program (overrides PROCSYNC_LAUNCHER)")
        ->each([&](const std::string&) { c.launcher_set = true; });
    sub->add_option("--time-factor", c.factor_text,
                    "lateness and timeout multiplier (overrides PROCSYNC_TIME_FACTOR)");
    sub->add_option("--default-launcher", c.default_launcher,
                    "launcher used when PROCSYNC_LAUNCHER is not set (the configure-time value)");
    sub->add_option("--default-time-factor", c.default_factor,
                    "time factor used when PROCSYNC_TIME_FACTOR is not set");
    sub->add_option("--data-dir", c.data_dir, "directory of the programs' data files (fixtures/)");
  };

  std::string trace_path, name, json_path, unsupported, out_path;
  PortSetting port;
  bool verbose = false;
  double record_timeout = 10;
  std::vector<std::string> files;

  auto* run = app.add_subcommand("run", "run a program and judge it against its expected trace");
  run->add_option("--trace", trace_path, "the expected trace")
      ->required()
      ->check(CLI::ExistingFile);
  run->add_option("--program", c.program, "the behaviour program")->required();
  run->add_option("--name", name, "the test name shown in the verdict (default: the trace's stem)");
  run->add_option("--json", json_path, "write the machine-readable result here");
  run->add_option(
      "--unsupported", unsupported,
      "do not run: report UNSUPPORTED with this reason (a feature configure did not find)");
  run->add_flag("-v,--verbose", verbose, "show the side-by-side table on PASS too");
  std::string retry_text;
  run->add_option("--retry-unexpected", retry_text,
                  fmt::format("after a FAIL or TIMEOUT, run the program again, up to N ({} at "
                              "most) more times; a test that then passes is FLAKY, never PASS, "
                              "and every attempt is kept in the result (overrides {})",
                              kMaxRetries, kEnvRetryUnexpected))
      ->option_text("N");
  add_common(run);
  add_port_options(run, port);
  run->add_option("--default-port", port.default_port,
                  "port used when PROCSYNC_PORT is not set (the configure-time value)");

  auto* record = app.add_subcommand(
      "record",
      "run a program and print what it did in the trace format (a starting point for a "
      "new expected trace, never a substitute for reading the catalogue)");
  record->add_option("--program", c.program, "the behaviour program")->required();
  record->add_option("--trace", trace_path, "take arguments, stimuli and timeout from this trace");
  record->add_option("--timeout", record_timeout,
                     "seconds before the program is killed (default 10)");
  record->add_option("-o,--output", out_path, "write the trace here instead of stdout");
  add_common(record);

  auto* check = app.add_subcommand(
      "check", "parse trace files and report the first error of each as file:line");
  check->add_option("files", files, "trace files")->required();

  std::string results_dir = "results", catalogue, platform_file, report_dir = "report";
  bool quiet = false, fail_on_flaky = false;
  auto* report = app.add_subcommand(
      "report",
      "join a run's results with the catalogue: conformance.json, conformance.md, "
      "junit.xml and conformance.ktap; prints the totals and every failure's diff. "
      "Exit 1 when a test failed, timed out or was broken (or was FLAKY, with "
      "--fail-on-flaky); on a port (--port, PROCSYNC_PORT or the platform file's \"port\"), "
      "a failure its ledger expects does not count, and a stale entry does");
  report->add_option("--results", results_dir, "directory of the per-test JSON results")
      ->capture_default_str();
  report->add_option("--catalogue", catalogue, "the catalogue (docs/catalogue.md)")->required();
  report->add_option("--platform", platform_file, "configure-time platform facts (JSON)");
  report->add_option("-o,--output", report_dir, "directory for the report files")
      ->capture_default_str();
  report->add_flag("-q,--quiet", quiet, "write the files only; print no summary");
  add_port_options(report, port);
  report->add_flag("--fail-on-flaky", fail_on_flaky,
                   "exit 1 when a test is FLAKY too (failed, then passed on a retry)");

  std::string expected_dir = "expected";
  auto* list = app.add_subcommand(
      "list",
      "print the test table of a tree of expected traces as JSON: name, trace, program, args, "
      "claims, requires, labels, timeout (and error for a trace that does not parse)");
  list->add_option("--expected", expected_dir, "the directory of expected traces")
      ->capture_default_str()
      ->check(CLI::ExistingDirectory);

  std::string mutation_dir, mutation_out;
  auto* mutation = app.add_subcommand(
      "mutation-report",
      "summarise a trace-mutation run (ci/mutation.sh; PROCSYNC_MUTATION_DIR makes `run` score "
      "every mutant of its trace against the real run) as Markdown: per trace, per area, every "
      "survivor. Exit 1 when a survivor is not justified or a trace could not be scored");
  mutation->add_option("--dir", mutation_dir, "the PROCSYNC_MUTATION_DIR of the run")
      ->required()
      ->check(CLI::ExistingDirectory);
  mutation->add_option("-o,--output", mutation_out, "write the Markdown here instead of stdout");

  std::string diff_a, diff_b;
  double threshold = 0.2;
  auto* diff = app.add_subcommand(
      "diff",
      "compare two runs' conformance.json behaviour by behaviour (A the reference, B "
      "the port or the newer commit). Exit 1 when B regressed");
  diff->add_option("A", diff_a, "the reference run's conformance.json")
      ->required()
      ->check(CLI::ExistingFile);
  diff->add_option("B", diff_b, "the run to judge")->required()->check(CLI::ExistingFile);
  diff->add_option("--threshold", threshold,
                   "seconds a passing test's duration or lateness may move before it is listed")
      ->capture_default_str();
  add_port_options(diff, port);

  std::vector<std::string> matrix_runs;
  std::string matrix_out = "matrix", matrix_catalogue;
  auto* matrix = app.add_subcommand(
      "matrix",
      "join several runs' conformance.json into one claim x platform matrix: matrix.html (self-"
      "contained: click a cell for its diff and lateness) and matrix.md");
  matrix
      ->add_option("runs", matrix_runs,
                   "a run's conformance.json or report directory, optionally as NAME=PATH (the "
                   "column's name; default: the run's port, else host)")
      ->required();
  matrix->add_option("-o,--output", matrix_out, "directory for matrix.html and matrix.md")
      ->capture_default_str();

  std::string align_host, align_port, align_test;
  double align_threshold = 0.2;
  bool align_all = false;
  auto* align = app.add_subcommand(
      "align",
      "align the host's and a port's observed lines of one test and label each difference "
      "(text, order, missing, extra, timing, end). Exit 1 when they differ");
  align->add_option("HOST", align_host, "the host's result JSON, conformance.json or build/run dir")
      ->required();
  align->add_option("PORT", align_port, "the port's, likewise")->required();
  align->add_option("--test", align_test, "the test (needed unless both are result JSON files)");
  align
      ->add_option("--timing", align_threshold,
                   "seconds a line's time may differ before it is labelled timing")
      ->capture_default_str();
  align->add_flag("--all", align_all, "show the lines that agree too");

  std::vector<std::string> calibrate_runs;
  double calibrate_margin = 2.0;
  auto* calibrate = app.add_subcommand(
      "calibrate",
      "recommend the smallest safe time factor from the lateness measured over several runs "
      "(each a directory of per-test results, e.g. build-<port>/results)");
  calibrate->add_option("runs", calibrate_runs, "results directories")->required();
  calibrate
      ->add_option("--margin", calibrate_margin,
                   "headroom over the worst need measured (the factor is rounded up)")
      ->capture_default_str();

  try {
    app.parse(argc, argv);
    if (report->parsed())
      return cmd_report(results_dir, catalogue, platform_file, report_dir, quiet, port,
                        fail_on_flaky);
    if (diff->parsed()) return cmd_diff(diff_a, diff_b, threshold, port);
    if (matrix->parsed()) return cmd_matrix(matrix_runs, matrix_out);
    if (align->parsed())
      return cmd_align(align_host, align_port, align_test, align_threshold, align_all);
    if (calibrate->parsed()) return cmd_calibrate(calibrate_runs, calibrate_margin);
    if (mutation->parsed()) return cmd_mutation_report(mutation_dir, mutation_out);
    if (run->parsed()) {
      const bool from_env = retry_text.empty();
      const int retries = from_env ? retries_from(env(kEnvRetryUnexpected), kEnvRetryUnexpected)
                                   : retries_from(retry_text, "--retry-unexpected");
      return cmd_run(c, port, trace_path, name, json_path, unsupported, verbose, retries);
    }
    if (record->parsed()) return cmd_record(c, trace_path, record_timeout, out_path);
    if (check->parsed()) return cmd_check(files);
    if (list->parsed()) {
      std::cout << render_listing(list_traces(expected_dir));
      return 0;
    }
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? 0 : kBrokenExit;
  } catch (const std::exception& e) {
    std::cout << "procsync: BROKEN: harness error: " << e.what() << "\n";
    return kBrokenExit;
  }
  return kBrokenExit;
}
