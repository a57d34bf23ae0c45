// `procsync list`: the test table of a tree of expected traces, read by the one trace
// parser, for the build system (cmake/Behaviours.cmake) and anyone else who needs it.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

namespace procsync {

// Every expected/<area>/<name>.trace under `expected_dir`, sorted by name, as a JSON array
// (docs/schema/listing.schema.json):
//   {"name", "trace", "program", "args", "claims", "requires", "labels", "timeout",
//    "description"}
// where "program" is <area>/<name> of the program to build (the trace's own, or its
// %program), "timeout" the trace's seconds before the time factor, and "description" its
// leading comment lines. A trace that does not parse is listed with "error" and its own
// name as the program, so that its test still runs and reports it BROKEN.
nlohmann::json list_traces(const std::string& expected_dir);

// The same as text, for stdout.
std::string render_listing(const nlohmann::json& listing);

}  // namespace procsync
