// procsync: the host-side harness. Runs one behaviour program against its expected trace.
// This file is the command line alone (CLI11, slow to compile); the subcommands are in
// commands.cpp.
#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <exception>
#include <iostream>
#include <string>
#include <vector>

#include "commands.hpp"
#include "verdict.hpp"

using namespace procsync;

int main(int argc, char** argv) {
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
      "--fail-on-flaky)");
  report->add_option("--results", results_dir, "directory of the per-test JSON results")
      ->capture_default_str();
  report->add_option("--catalogue", catalogue, "the catalogue (docs/catalogue.md)")->required();
  report->add_option("--platform", platform_file, "configure-time platform facts (JSON)");
  report->add_option("-o,--output", report_dir, "directory for the report files")
      ->capture_default_str();
  report->add_flag("-q,--quiet", quiet, "write the files only; print no summary");
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

  try {
    app.parse(argc, argv);
    if (report->parsed())
      return cmd_report(results_dir, catalogue, platform_file, report_dir, quiet, fail_on_flaky);
    if (diff->parsed()) return cmd_diff(diff_a, diff_b, threshold);
    if (mutation->parsed()) return cmd_mutation_report(mutation_dir, mutation_out);
    if (run->parsed()) {
      return cmd_run(c, trace_path, name, json_path, unsupported, verbose,
                     retries_setting(retry_text));
    }
    if (record->parsed()) return cmd_record(c, trace_path, record_timeout, out_path);
    if (check->parsed()) return cmd_check(files);
    if (list->parsed()) return cmd_list(expected_dir);
  } catch (const BadSetting& e) {
    return app.exit(CLI::ValidationError(e.name, e.what())) == 0 ? 0 : kBrokenExit;
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? 0 : kBrokenExit;
  } catch (const std::exception& e) {
    std::cout << "procsync: BROKEN: harness error: " << e.what() << "\n";
    return kBrokenExit;
  }
  return kBrokenExit;
}
