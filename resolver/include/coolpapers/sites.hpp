// The supported sites in words, for help texts and the redirect service's
// page. The list comes from the rule table's families (resolver/rules.json
// plus user rule files), so adding a family there is the only edit needed.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "coolpapers/resolver.hpp"

namespace coolpapers {

// The display names of the families that find paper ids (not the listing
// fallback), in table order, each once: {"arXiv", "OpenReview", ...}.
std::vector<std::string> supported_site_names(const std::vector<FamilyInfo>& families);

// "arXiv, OpenReview and ACL Anthology"; "" for no names.
std::string join_site_names(const std::vector<std::string>& names);

// `text` split into lines of at most `width` bytes at spaces (a longer word
// gets a line of its own); each line ends with '\n'.
std::string wrap_words(std::string_view text, std::size_t width);

}  // namespace coolpapers
