// Writes the start mark of an older protocol version instead of the fixtures' own (it does
// not link them): the harness must refuse to judge its output.
#include <time.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>

#include "protocol.hpp"

int main() {
  namespace protocol = ps::protocol;
  const char* fd_text = std::getenv(protocol::kEnvStartFd.data());
  if (fd_text != nullptr) {
    timespec now{};
    clock_gettime(CLOCK_MONOTONIC, &now);
    char line[64];
    const int n =
        std::snprintf(line, sizeof line, "start %lld.%09ld protocol %d\n",
                      static_cast<long long>(now.tv_sec), now.tv_nsec, protocol::kVersion - 1);
    (void)!write(std::atoi(fd_text), line, static_cast<std::size_t>(n));
    close(std::atoi(fd_text));
  }
  (void)!write(1, "plain\n", 6);
  return 0;
}
