// Finds its facility missing at run time and says so: UNSUPPORTED with the reason.
#include "procsync.hpp"
int main() {
  ps::say("looking for the frobnicator");
  ps::unsupported("no frobnicator on this platform");
}
