// The harness's subcommands, one function each, behind the command line of main.cpp. Kept
// apart from it so that the command-line parser (CLI11, heavy to compile) is in one
// translation unit and everything else in others.
#pragma once

#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace procsync {

// A setting that has a bad value (PROCSYNC_TIME_FACTOR): main.cpp reports it as a command-line
// validation error naming the setting.
struct BadSetting : std::runtime_error {
  BadSetting(std::string setting, const std::string& detail)
      : std::runtime_error(detail), name(std::move(setting)) {}
  std::string name;
};

// The settings `run` and `record` share. Each: the command line first, then the environment,
// then the configure-time default.
struct Common {
  std::string program;
  std::string launcher;
  bool launcher_set = false;
  std::string default_launcher;
  std::string factor_text;
  std::string default_factor;
  std::string data_dir;

  std::vector<std::string> launcher_words() const;
  double factor() const;  // throws BadSetting
};

// --retry-unexpected: at most this many reruns, so that every attempt still fits inside
// CTest's backstop timeout (cmake/Behaviours.cmake: about four times the test's budget).
inline constexpr int kMaxRetries = 3;
inline constexpr const char* kEnvRetryUnexpected = "PROCSYNC_RETRY_UNEXPECTED";

// The retries of `run`: the option's text when given, else PROCSYNC_RETRY_UNEXPECTED's; throws
// BadSetting.
int retries_setting(const std::string& option_text);

int cmd_run(const Common& c, const std::string& trace_path, std::string name,
            const std::string& json_path, const std::string& unsupported, bool verbose,
            int retries);
int cmd_record(const Common& c, const std::string& trace_path, double timeout,
               const std::string& out_path);
int cmd_check(const std::vector<std::string>& files);
int cmd_report(const std::string& results_dir, const std::string& catalogue_path,
               const std::string& platform_path, const std::string& out_dir, bool quiet,
               bool fail_on_flaky);
int cmd_diff(const std::string& a, const std::string& b, double threshold);
int cmd_mutation_report(const std::string& dir, const std::string& out_path);
int cmd_list(const std::string& expected_dir);

}  // namespace procsync
