// The words that tell the user there was no answer.
#pragma once

#include <string>
#include <string_view>

#include "coolpapers/resolver.hpp"

namespace coolpapers::detail {

// "No paper id found in ..." naming what the request held, so each shell
// reads true: a text given alone is "the text", one URL alone is "the URL",
// a browser's request names its fields ("the selection, link or page").
// `site_without_rule`, when not empty, is the display name of a known paper
// site whose pages hold no id (rules.json "sites_without_rule"): the
// message then names it and says what works instead. Written into
// `message` (replacing its text, keeping its capacity).
void no_match_message(const Request& request, std::string_view site_without_rule, std::string& message);

}  // namespace coolpapers::detail
