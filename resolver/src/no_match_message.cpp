#include "no_match_message.hpp"

#include <array>
#include <string_view>

namespace coolpapers::detail {

void no_match_message(const Request& request, std::string_view site_without_rule, std::string& message) {
  message.clear();
  if (!site_without_rule.empty()) {
    message += "No paper id found: ";
    message += site_without_rule;
    message += " pages hold no id Cool Papers uses. Open the page in the browser with the Cool Papers extension, "
               "where the page's title is used, or paste the paper's arXiv id";
    return;
  }

  // What the request held, in field order (no allocation: a server builds
  // this message for every request that is not a paper).
  std::array<std::string_view, kRequestFields.size()> given;
  std::size_t count = 0;
  for (Field field : kRequestFields) {
    if (field == Field::page_meta ? request.page_meta.empty() : request.get(field).empty()) continue;
    switch (field) {
      case Field::selection_text: given[count++] = "selection"; break;
      case Field::link_url: given[count++] = "link"; break;
      case Field::page_url: given[count++] = "page"; break;
      case Field::page_meta: given[count++] = "page metadata"; break;
      case Field::frame_url: given[count++] = "frame"; break;
    }
  }

  message += "No paper id found";
  if (count == 0) {
    message += ": the request holds no text or URL";
  } else if (count == 1) {
    message += given[0] == "selection" ? " in the text" : given[0] == "page metadata" ? " in the page metadata" : " in the URL";
  } else {
    message += " in the ";
    for (std::size_t i = 0; i < count; ++i) {
      if (i > 0) message += i + 1 == count ? " or " : ", ";
      message += given[i];
    }
  }
}

}  // namespace coolpapers::detail
