#include "sites_html.hpp"

#include "coolpapers/sites.hpp"
#include "responses.hpp"

namespace coolpapers::redirector {

std::string supported_sites_html(const std::vector<FamilyInfo>& families) {
  std::vector<std::string> names = supported_site_names(families);
  if (names.empty()) return {};
  std::string html = "<ul class=\"sites\">";
  for (const auto& name : names) {
    html += "<li>";
    append_html_escaped(html, name);
    html += "</li>";
  }
  html += "</ul>\n";
  return html;
}

}  // namespace coolpapers::redirector
