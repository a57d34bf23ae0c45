#pragma once

namespace procsync {

// Parses the command line and runs its subcommand; returns the process's exit status.
int cli_main(int argc, char** argv);

}  // namespace procsync
