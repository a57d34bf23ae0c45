// The claim x platform matrix.
#include "matrix.hpp"

#include <doctest/doctest.h>

using namespace procsync;
using nlohmann::json;

namespace {
json run(const std::string& verdict, const std::string& expectation) {
  json t{{"name", "signal/kill_probe"}, {"verdict", verdict}, {"reason", "r"},
         {"text", "diff </script>"},    {"duration", 1.5},    {"max_lateness", 0.25},
         {"expectation", expectation}};
  if (!expectation.empty())
    t["divergence"] = {{"summary", "signal 0 is refused"},
                       {"class", "emulator limitation"},
                       {"cause", {{"source", "linux-user/signal.c"}, {"function", "do_kill"}}}};
  return json{{"platform", {{"kernel", "Linux"}}},
              {"tests", json::array({t})},
              {"behaviours", json::array({json{{"id", "SIG-02"},
                                               {"area", "SIG — signals"},
                                               {"title", "signal 0 probes a pid"},
                                               {"verdict", verdict},
                                               {"tests", json::array({"signal/kill_probe"})}}})}};
}
}  // namespace

TEST_CASE("Matrix.CellsCarryVerdictExpectationAndReason") {
  std::vector<MatrixRun> runs;
  runs.push_back(MatrixRun{"host", run("PASS", "")});
  runs.push_back(MatrixRun{"qemu", run("FAIL", "EXPECTED")});
  const json m = build_matrix(runs);
  REQUIRE(m["rows"].size() == 1);
  const auto& cells = m["rows"][0]["cells"];
  CHECK(cells[0]["verdict"] == "PASS");
  CHECK(cells[1]["expectation"] == "EXPECTED");
  CHECK(cells[1]["known"][0].get<std::string>().find("signal 0 is refused") != std::string::npos);
  CHECK(cells[1]["tests"][0]["max_lateness"] == 0.25);
  const std::string md = render_matrix_markdown(m);
  CHECK(md.find("| SIG-02 | signal 0 probes a pid | PASS | FAIL (known [1]) |") !=
        std::string::npos);
  const std::string html = render_matrix_html(m);
  CHECK(html.find("</script>\"") == std::string::npos);  // the data cannot close its element
  CHECK(html.find("diff <\\/script>") != std::string::npos);
  // Nothing fetched from anywhere: no URL, no external script or style sheet.
  CHECK(html.find("://") == std::string::npos);
  CHECK(html.find("<link") == std::string::npos);
  CHECK(html.find("src=") == std::string::npos);
}

TEST_CASE("Matrix.PythonRuntimeNamesItself") {
  json pypy = run("FAIL", "EXPECTED");
  pypy["platform"]["runtime"] = "PyPy 3.9.16 pypy39";
  const json m = build_matrix({MatrixRun{"host", run("PASS", "")}, MatrixRun{"pypy", pypy}});
  CHECK(render_matrix_html(m).find("<b>pypy</b>: PyPy 3.9.16 pypy39 on ") != std::string::npos);
}
