// ASCII helpers: URL schemes, host names and rule literals are ASCII, and
// must not depend on the C locale.
#pragma once

#include <string_view>

namespace coolpapers::detail {

constexpr unsigned char ascii_lower(unsigned char c) { return (c >= 'A' && c <= 'Z') ? c + 32 : c; }

// True iff `text` starts with `lower_prefix` ignoring ASCII case.
// REQUIRES: lower_prefix is lower case.
constexpr bool starts_with_ascii_ci(std::string_view text, std::string_view lower_prefix) {
  if (text.size() < lower_prefix.size()) return false;
  for (std::size_t i = 0; i < lower_prefix.size(); ++i)
    if (ascii_lower(static_cast<unsigned char>(text[i])) != static_cast<unsigned char>(lower_prefix[i])) return false;
  return true;
}

}  // namespace coolpapers::detail
