// The trace parser: what it accepts, and the file:line it gives for what it rejects.
#include "trace.hpp"

#include <doctest/doctest.h>

#include <csignal>

using procsync::EndStatus;
using procsync::parse_trace;
using procsync::Stimulus;
using procsync::TraceError;

namespace {
int error_line(const std::string& text) {
  try {
    parse_trace(text, "t.trace");
  } catch (const TraceError& e) {
    return e.line();
  }
  return -1;
}
}  // namespace

TEST_CASE("TraceParser.ReadsTheDesignExample") {
  const auto t = parse_trace(
      "# a second alarm() replaces the first\n"
      "# claim: SIG-16\n"
      "%timeout 6\n"
      "@0      armed alarm 3\n"
      "@0      second alarm returned 3\n"
      "@1      caught SIGALRM\n"
      "@3.5    no second SIGALRM\n"
      "exit 0\n",
      "t.trace");
  CHECK(t.description == std::vector<std::string>{"a second alarm() replaces the first"});
  CHECK(t.claims == std::vector<std::string>{"SIG-16"});
  CHECK(t.timeout == 6.0);
  REQUIRE(t.items.size() == 4);
  CHECK(t.items[2].lines[0].text == "caught SIGALRM");
  CHECK(*t.items[2].lines[0].at == 1.0);
  CHECK(*t.items[3].lines[0].at == 3.5);
  CHECK(t.items[3].lines[0].line == 7);
  CHECK(t.end.kind == EndStatus::Kind::Exit);
  CHECK(t.end.code == 0);
}

TEST_CASE("TraceParser.SeveralClaimsOnOneLine") {
  const auto t = parse_trace("# claim: SIG-10, SIG-11 SIG-12\nexit 0\n", "t");
  CHECK(t.claims == std::vector<std::string>{"SIG-10", "SIG-11", "SIG-12"});
}

TEST_CASE("TraceParser.RegexBlocksStimuliAndEnds") {
  const auto t = parse_trace(
      "%late 0.2\n"
      "%label slow\n"
      "%requires eventfd openpty\n"
      "%args one two\n"
      "@0.5+2 ~ waiting for a signal [0-9]+\n"
      "{\n"
      "child 1 done\n"
      "@1 child 2 done\n"
      "}\n"
      "@2 > signal SIGINT\n"
      "> stdin hello world\n"
      "> close stdin\n"
      "> signal-group SIGTERM\n"
      "\\~ not a pattern\n"
      "signal SIGABRT core\n",
      "t");
  CHECK(*t.late == doctest::Approx(0.2));
  CHECK(t.labels == std::vector<std::string>{"slow"});
  CHECK(t.requires_features == std::vector<std::string>{"eventfd", "openpty"});
  CHECK(t.args == std::vector<std::string>{"one", "two"});
  REQUIRE(t.items.size() == 3);
  CHECK(t.items[0].lines[0].regex);
  CHECK(*t.items[0].lines[0].late == 2.0);
  CHECK(t.items[1].unordered);
  CHECK(t.items[1].lines.size() == 2);
  CHECK(t.items[2].lines[0].text == "~ not a pattern");
  CHECK_FALSE(t.items[2].lines[0].regex);
  REQUIRE(t.stimuli.size() == 4);
  CHECK(t.stimuli[0].kind == Stimulus::Kind::Signal);
  CHECK(t.stimuli[0].signal == SIGINT);
  CHECK(*t.stimuli[0].at == 2.0);
  CHECK(t.stimuli[0].after_lines == 3);
  CHECK(t.stimuli[1].kind == Stimulus::Kind::Stdin);
  CHECK(t.stimuli[1].data == "hello world");
  CHECK_FALSE(t.stimuli[1].at.has_value());
  CHECK(t.stimuli[2].kind == Stimulus::Kind::CloseStdin);
  CHECK(t.stimuli[3].kind == Stimulus::Kind::SignalGroup);
  CHECK(t.end.kind == EndStatus::Kind::Signal);
  CHECK(t.end.signal == SIGABRT);
  CHECK(*t.end.core);
}

TEST_CASE("TraceParser.EndStatusForms") {
  CHECK(parse_trace("stopped SIGSTOP\n", "t").end.kind == EndStatus::Kind::Stopped);
  CHECK(parse_trace("exit 3\n", "t").end.code == 3);
  const auto timed = parse_trace("@1.5 exit 0\n", "t");
  CHECK(*timed.end.at == 1.5);
  CHECK_FALSE(parse_trace("signal SIGKILL\n", "t").end.core.has_value());
}

TEST_CASE("TraceParser.MalformedTracesNameTheirLine") {
  CHECK(error_line("") == 1);
  CHECK(error_line("# only a comment\n") == 1);
  CHECK(error_line("@0 hello\n") == 1);                // no end status
  CHECK(error_line("hello\nexit 300\n") == 2);         // exit out of range
  CHECK(error_line("@x hello\nexit 0\n") == 1);        // bad time
  CHECK(error_line("@-1 hello\nexit 0\n") == 1);       // negative time
  CHECK(error_line("hi\n%timeout 3\nexit 0\n") == 2);  // directive after lines
  CHECK(error_line("%timeout 0\nexit 0\n") == 1);
  CHECK(error_line("%frobnicate 1\nexit 0\n") == 1);
  CHECK(error_line("{\n{\na\n}\n}\nexit 0\n") == 2);  // nested block
  CHECK(error_line("a\n}\nexit 0\n") == 2);
  CHECK(error_line("{\n}\nexit 0\n") == 2);                   // empty block
  CHECK(error_line("{\na\nexit 0\n") == 3);                   // block open at the end
  CHECK(error_line("{\n> signal SIGINT\n}\nexit 0\n") == 2);  // stimulus in a block
  CHECK(error_line("> signal SIGNOPE\nexit 0\n") == 1);
  CHECK(error_line("> signal INT\nexit 0\n") == 1);  // names carry SIG
  CHECK(error_line("> shout\nexit 0\n") == 1);
  CHECK(error_line("@1 ~ (unclosed\nexit 0\n") == 1);
  CHECK(error_line("# claim: sig-1\nexit 0\n") == 1);
  CHECK(error_line("a\nb\nsignal SIGFOO\n") == 3);
  CHECK(error_line("a\nsignal SIGABRT maybe\n") == 2);
  CHECK(error_line("a\nwhatever\n") == 2);  // last line is not an end
}

TEST_CASE("TraceParser.ErrorTextIsFileColonLine") {
  try {
    parse_trace("a\n%late x\nexit 0\n", "expected/x/y.trace");
    FAIL("accepted a malformed trace");
  } catch (const TraceError& e) {
    CHECK(std::string(e.what()).rfind("expected/x/y.trace:2: ", 0) == 0);
  }
}
