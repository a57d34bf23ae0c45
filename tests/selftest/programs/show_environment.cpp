// Prints the protocol variables the harness must give every program.
#include <cstdlib>
#include <string>

#include "procsync.hpp"
#include "protocol.hpp"

int main() {
  namespace protocol = ps::protocol;
  for (const auto name : {protocol::kEnvProtocol, protocol::kEnvTimeFactor}) {
    const char* value = std::getenv(name.data());
    ps::say(name, "=", value != nullptr ? value : "(unset)");
  }
  return 0;
}
