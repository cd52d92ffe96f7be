// The supported sites as HTML, from the loaded rule table's families (the
// built-in resolver/rules.json plus any --rules file), for the service's
// page.
#pragma once

#include <string>
#include <vector>

#include "coolpapers/resolver.hpp"

namespace coolpapers::redirector {

// <ul class="sites"><li>arXiv</li>...</ul>: the display names of the
// families that find paper ids (coolpapers::supported_site_names), each
// HTML-escaped, in table order; "" when there is none.
std::string supported_sites_html(const std::vector<FamilyInfo>& families);

}  // namespace coolpapers::redirector
