#include "match_pattern.hpp"

namespace coolpapers::detail {
namespace {

bool is_domain_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.';
}

// DOMAIN: labels of [a-z0-9-] separated by single dots, no empty label.
bool is_domain(std::string_view host) {
  if (host.empty() || host.front() == '.' || host.back() == '.') return false;
  for (std::size_t i = 0; i < host.size(); ++i) {
    if (!is_domain_char(host[i])) return false;
    if (host[i] == '.' && i + 1 < host.size() && host[i + 1] == '.') return false;
  }
  return true;
}

}  // namespace

std::string match_pattern_error(std::string_view pattern) {
  constexpr std::string_view kShape = " (expected SCHEME://HOST/PATH, e.g. \"*://arxiv.org/abs/*\")";
  if (pattern.size() > kMaxMatchPatternBytes)
    return "a match pattern is longer than " + std::to_string(kMaxMatchPatternBytes) + " bytes";
  std::size_t scheme_end = pattern.find("://");
  if (scheme_end == std::string_view::npos) return std::string("no \"://\"") + std::string(kShape);
  std::string_view scheme = pattern.substr(0, scheme_end);
  if (scheme != "*" && scheme != "http" && scheme != "https")
    return "the scheme must be \"*\", \"http\" or \"https\", not \"" + std::string(scheme) + "\"";
  std::string_view rest = pattern.substr(scheme_end + 3);
  std::size_t path_start = rest.find('/');
  if (path_start == std::string_view::npos) return std::string("no path after the host") + std::string(kShape);
  std::string_view host = rest.substr(0, path_start);
  std::string_view path = rest.substr(path_start);
  if (host.find(':') != std::string_view::npos) return "a port is not allowed in the host \"" + std::string(host) + "\"";
  std::string_view domain = host;
  if (host == "*")
    domain = {};
  else if (host.starts_with("*."))
    domain = host.substr(2);
  if (host != "*" && !is_domain(domain))
    return "the host must be \"*\", \"*.DOMAIN\" or a lower-case DOMAIN, not \"" + std::string(host) + "\"";
  for (char c : path)
    if (c <= ' ' || c >= 127) return "the path must be printable ASCII without spaces";
  return {};
}

}  // namespace coolpapers::detail
