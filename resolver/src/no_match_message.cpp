#include "no_match_message.hpp"

#include <string_view>
#include <utility>
#include <vector>

namespace coolpapers::detail {

std::string no_match_message(const Request& request) {
  const std::pair<Field, std::string_view> names[] = {
      {Field::selection_text, "selection"}, {Field::link_url, "link"},
      {Field::page_url, "page"},            {Field::frame_url, "frame"}};
  std::vector<std::string_view> given;
  for (const auto& [field, name] : names)
    if (!request.get(field).empty()) given.push_back(name);

  std::string message = "No paper id found";
  if (given.empty()) return message + ": the request holds no text or URL";
  if (given.size() == 1) return message + (given[0] == "selection" ? " in the text" : " in the URL");
  message += " in the ";
  for (std::size_t i = 0; i < given.size(); ++i) {
    if (i > 0) message += i + 1 == given.size() ? " or " : ", ";
    message += given[i];
  }
  return message;
}

}  // namespace coolpapers::detail
