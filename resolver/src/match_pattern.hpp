// Chrome match patterns ("*://arxiv.org/abs/*"), as rule files give them
// for the extension's page menu, PDF-viewer menu and content script.
#pragma once

#include <string>
#include <string_view>

namespace coolpapers::detail {

// Longest pattern accepted; real ones are a few dozen characters.
inline constexpr std::size_t kMaxMatchPatternBytes = 256;
// Patterns per list of one family.
inline constexpr std::size_t kMaxMatchPatternsPerList = 64;

// Checks that `pattern` is a match pattern Chrome accepts in
// documentUrlPatterns and content_scripts.matches, in the strict subset the
// rule table allows: SCHEME://HOST/PATH with SCHEME "*", "http" or "https";
// HOST "*", "*.DOMAIN" or DOMAIN (lower-case letters, digits, '-' and '.',
// no port); PATH starting with '/', printable ASCII without spaces, where
// '*' matches anything. Returns an empty string if it is valid, else what
// is wrong.
std::string match_pattern_error(std::string_view pattern);

}  // namespace coolpapers::detail
