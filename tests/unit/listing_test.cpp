// `procsync list`: the test table CMake registers the behaviours from.
#include "listing.hpp"

#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

using namespace procsync;

TEST_CASE("Listing.EveryTraceWithItsDirectivesAndProgram") {
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / ("procsync-listing-" + std::to_string(getpid()));
  fs::create_directories(dir / "signal");
  fs::create_directories(dir / "lock");
  std::ofstream(dir / "signal" / "b.trace")
      << "# b runs a's program\n# claim: SIG-01\n%timeout "
         "3\n%label slow\n%requires eventfd\n%args x y\n"
         "%program signal/a\n@0 a\n@0.5 > signal SIGUSR1\n@1.5 b\nexit 0\n";
  std::ofstream(dir / "lock" / "c.trace") << "@0 a\n";  // no end status: malformed
  std::ofstream(dir / "signal" / "notes.txt") << "not a trace\n";

  const auto table = list_traces(dir.string());
  fs::remove_all(dir);
  REQUIRE(table.size() == 2);
  CHECK(table[0]["name"] == "lock/c");
  CHECK(table[0]["program"] == "lock/c");
  CHECK(table[0].contains("error"));
  CHECK(table[0]["timeout"] == 10.0);
  const auto& b = table[1];
  CHECK(b["name"] == "signal/b");
  CHECK(b["program"] == "signal/a");
  CHECK(b["timeout"] == 3.0);
  CHECK(b["last_at"] == 1.5);  // the latest @T
  CHECK(table[0]["last_at"] == 0.0);
  CHECK(b["labels"] == nlohmann::json::array({"slow"}));
  CHECK(b["requires"] == nlohmann::json::array({"eventfd"}));
  CHECK(b["args"] == nlohmann::json::array({"x", "y"}));
  CHECK(b["claims"] == nlohmann::json::array({"SIG-01"}));
  CHECK(b["description"] == nlohmann::json::array({"b runs a's program"}));
  CHECK(table[0]["description"] == nlohmann::json::array());
  CHECK_FALSE(b.contains("error"));
}
