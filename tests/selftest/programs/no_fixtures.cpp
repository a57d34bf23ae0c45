// Does not use the fixtures: no start mark, so times count from the spawn.
#include <unistd.h>
int main() {
  (void)!write(1, "plain\n", 6);
  return 0;
}
