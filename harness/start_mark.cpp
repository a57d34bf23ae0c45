#include "start_mark.hpp"

#include <regex>
#include <string>

#include "protocol.hpp"

namespace procsync {

std::optional<StartMark> parse_start_mark(std::string_view line) {
  namespace protocol = ps::protocol;
  static const std::regex form("^" + std::string(protocol::kStartWord) +
                               " ([0-9]+(\\.[0-9]+)?)(?: " + std::string(protocol::kProtocolWord) +
                               " ([0-9]{1,9})(?: " + std::string(protocol::kPidWord) +
                               " ([0-9]{1,9}))?)?\n?$");
  std::match_results<std::string_view::const_iterator> m;
  if (!std::regex_match(line.begin(), line.end(), m, form)) return std::nullopt;
  StartMark mark;
  mark.stamp = std::stod(m[1].str());
  if (m[3].matched) mark.version = std::stoi(m[3].str());
  if (m[4].matched) mark.pid = std::stol(m[4].str());
  return mark;
}

}  // namespace procsync
