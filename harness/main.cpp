// procsync: the host-side harness. Runs one behaviour program against its expected trace.
#include "cli.hpp"

int main(int argc, char** argv) {
  return procsync::cli_main(argc, argv);
}
