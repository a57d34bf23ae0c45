// Telling a dead harness's processes by the run token in their environment.
#include "cleanup.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace procsync;
using namespace std::string_literals;

TEST_CASE("Cleanup.TokenInEnvironment") {
  CHECK(token_in_environment("HOME=/root\0PROCSYNC_TOKEN=4242-0badcafe\0TERM=dumb\0"s) ==
        "4242-0badcafe");
  CHECK(token_in_environment("PROCSYNC_TOKEN=17-00000000"s) == "17-00000000");  // no final NUL
  CHECK(token_in_environment("HOME=/root\0TERM=dumb\0"s).empty());
  CHECK(token_in_environment(""s).empty());
  // Only the variable itself, not one whose name or value merely contains it.
  CHECK(token_in_environment("XPROCSYNC_TOKEN=1-00000000\0A=PROCSYNC_TOKEN=2-00000000\0"s).empty());
}

TEST_CASE("Cleanup.TokenOwner") {
  CHECK(token_owner("4242-0badcafe") == 4242);
  CHECK(token_owner(make_run_token()) > 0);
  CHECK(token_owner("manual4242") == -1);  // a program run by hand names no harness
  CHECK(token_owner("4242-0BADCAFE") == -1);
  CHECK(token_owner("-0badcafe") == -1);
  CHECK(token_owner("") == -1);
}
