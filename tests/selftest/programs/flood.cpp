// Writes about 300 MiB of lines: the harness must keep its memory bounded and fail it.
#include <string>

#include "procsync.hpp"
int main() {
  const std::string block(1 << 16, 'x');
  std::string chunk;
  for (int i = 0; i < 64; ++i) chunk += block.substr(0, 1023) + "\n";
  for (int i = 0; i < 300 * 16; ++i) ps::write_all(1, chunk.data(), chunk.size());
  return 0;
}
