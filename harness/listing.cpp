#include "listing.hpp"

#include <algorithm>
#include <filesystem>

#include "trace.hpp"

namespace procsync {

namespace {

// The latest time the trace names: about how long its behaviour runs.
double last_at(const Trace& t) {
  double last = t.end.at.value_or(0.0);
  for (const auto& item : t.items)
    for (const auto& e : item.lines) last = std::max(last, e.at.value_or(0.0));
  for (const auto& s : t.stimuli) last = std::max(last, s.at.value_or(0.0));
  return last;
}

}  // namespace

nlohmann::json list_traces(const std::string& expected_dir) {
  namespace fs = std::filesystem;
  std::vector<fs::path> files;
  for (const auto& e : fs::recursive_directory_iterator(expected_dir))
    if (e.is_regular_file() && e.path().extension() == ".trace") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  nlohmann::json out = nlohmann::json::array();
  for (const auto& path : files) {
    const std::string name =
        fs::path(path).lexically_relative(expected_dir).replace_extension().generic_string();
    nlohmann::json entry{{"name", name}, {"trace", fs::absolute(path).string()}};
    try {
      const Trace t = load_trace(path.string());
      entry["program"] = t.program.empty() ? name : t.program;
      entry["args"] = t.args;
      entry["claims"] = t.claims;
      entry["requires"] = t.requires_features;
      entry["labels"] = t.labels;
      entry["timeout"] = t.timeout;
      entry["last_at"] = last_at(t);
      entry["description"] = t.description;
    } catch (const TraceError& e) {
      entry["program"] = name;
      entry["args"] = entry["claims"] = entry["requires"] = entry["labels"] = entry["description"] =
          nlohmann::json::array();
      entry["timeout"] = Trace{}.timeout;
      entry["last_at"] = 0.0;
      entry["error"] = e.what();
    }
    out.push_back(entry);
  }
  return out;
}

std::string render_listing(const nlohmann::json& listing) {
  return listing.dump(1) + "\n";
}

}  // namespace procsync
