// libFuzzer target for the trace parser and the comparator: hostile trace files must be
// rejected with `file:line: message` (the line inside the file), never crash or hang.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "compare.hpp"
#include "trace.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  try {
    const procsync::Trace trace = procsync::parse_trace(text, "fuzz.trace");
    // Judge a small fixed observation against whatever was accepted.
    procsync::Observation obs;
    obs.lines = {{0.0, "ready"}, {1.0, "caught SIGALRM"}, {1.5, "exit 0"}};
    obs.end.kind = procsync::ObservedEnd::Kind::Exit;
    obs.end_time = 1.5;
    procsync::Timing timing;
    (void)procsync::compare(trace, obs, timing);
  } catch (const procsync::TraceError& e) {
    std::size_t lines = 1;
    for (char c : text) lines += c == '\n' ? 1 : 0;
    const std::string prefix = "fuzz.trace:" + std::to_string(e.line()) + ": ";
    if (e.line() < 1 || static_cast<std::size_t>(e.line()) > lines) std::abort();
    if (std::string(e.what()).rfind(prefix, 0) != 0) std::abort();
  }
  return 0;
}
