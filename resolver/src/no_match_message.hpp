// The words that tell the user there was no answer.
#pragma once

#include <string>

#include "coolpapers/resolver.hpp"

namespace coolpapers::detail {

// "No paper id found in ..." naming what the request held, so each shell
// reads true: a text given alone is "the text", one URL alone is "the URL",
// a browser's request names its fields ("the selection, link or page").
std::string no_match_message(const Request& request);

}  // namespace coolpapers::detail
