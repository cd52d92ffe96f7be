#include "no_match_message.hpp"

#include <string_view>
#include <vector>

namespace coolpapers::detail {

std::string no_match_message(const Request& request, std::string_view site_without_rule) {
  if (!site_without_rule.empty())
    return "No paper id found: " + std::string(site_without_rule) +
           " pages hold no id Cool Papers uses. Open the page in the browser with the Cool Papers extension, "
           "where the page's title is used, or paste the paper's arXiv id";

  std::vector<std::string_view> given;
  for (Field field : kRequestFields) {
    if (field == Field::page_meta ? request.page_meta.empty() : request.get(field).empty()) continue;
    switch (field) {
      case Field::selection_text: given.push_back("selection"); break;
      case Field::link_url: given.push_back("link"); break;
      case Field::page_url: given.push_back("page"); break;
      case Field::page_meta: given.push_back("page metadata"); break;
      case Field::frame_url: given.push_back("frame"); break;
    }
  }

  std::string message = "No paper id found";
  if (given.empty()) return message + ": the request holds no text or URL";
  if (given.size() == 1) {
    if (given[0] == "selection") return message + " in the text";
    if (given[0] == "page metadata") return message + " in the page metadata";
    return message + " in the URL";
  }
  message += " in the ";
  for (std::size_t i = 0; i < given.size(); ++i) {
    if (i > 0) message += i + 1 == given.size() ? " or " : ", ";
    message += given[i];
  }
  return message;
}

}  // namespace coolpapers::detail
