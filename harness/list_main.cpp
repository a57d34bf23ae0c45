// procsync-list: only `procsync list`, built by CMake at configure time when the harness
// itself is not built yet (see cmake/Behaviours.cmake). Same arguments, same output.
#include <cstring>
#include <iostream>

#include "listing.hpp"

int main(int argc, char** argv) {
  if (argc != 4 || std::strcmp(argv[1], "list") != 0 || std::strcmp(argv[2], "--expected") != 0) {
    std::cerr << "usage: procsync-list list --expected <directory of traces>\n";
    return 3;
  }
  try {
    std::cout << procsync::render_listing(procsync::list_traces(argv[3]));
  } catch (const std::exception& e) {
    std::cerr << "procsync-list: " << e.what() << "\n";
    return 3;
  }
  return 0;
}
