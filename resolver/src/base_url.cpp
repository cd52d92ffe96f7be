// Validation of the target base URL (docs/resolution.md, "Target base": every URL emitted starts with B).
#include <string>

#include "ascii.hpp"
#include "coolpapers/resolver.hpp"

namespace coolpapers {
namespace {

bool is_host_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '.' || c == '[' || c == ']' || c == ':';
}

ConfigError bad_base(std::string_view base, std::string message) {
  return {"--base", {}, std::move(message), std::string(base)};
}

}  // namespace

Expected<std::string> normalize_base(std::string_view base) {
  std::size_t scheme_end = detail::starts_with_ascii_ci(base, "https://") ? 8 : detail::starts_with_ascii_ci(base, "http://") ? 7 : 0;
  if (scheme_end == 0) return bad_base(base, "the base must start with http:// or https://");
  for (char c : base)
    if (static_cast<unsigned char>(c) <= 32 || static_cast<unsigned char>(c) >= 127)
      return bad_base(base, "the base must be printable ASCII without spaces");
  if (base.find_first_of("?#\\\"<>'`{}|^") != std::string_view::npos)
    return bad_base(base, "the base must not have a query, fragment or quote characters");

  std::string_view rest = base.substr(scheme_end);
  std::string_view authority = rest.substr(0, rest.find('/'));
  if (authority.empty()) return bad_base(base, "the base has no host");
  for (char c : authority)
    if (!is_host_char(c)) return bad_base(base, "the base's host may hold only letters, digits, '-', '.' and a :port");

  std::string normalized(base);
  for (std::size_t i = 0; i < scheme_end; ++i)
    if (normalized[i] >= 'A' && normalized[i] <= 'Z') normalized[i] = static_cast<char>(normalized[i] + 32);
  while (normalized.size() > scheme_end + authority.size() && normalized.back() == '/') normalized.pop_back();
  return normalized;
}

}  // namespace coolpapers
