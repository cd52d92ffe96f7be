#include "coolpapers/sites.hpp"

#include <algorithm>

namespace coolpapers {

std::vector<std::string> supported_site_names(const std::vector<FamilyInfo>& families) {
  std::vector<std::string> names;
  for (const auto& family : families) {
    if (family.listing) continue;
    if (std::find(names.begin(), names.end(), family.display_name) == names.end())
      names.push_back(family.display_name);
  }
  return names;
}

std::string join_site_names(const std::vector<std::string>& names) {
  std::string out;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i > 0) out += i + 1 == names.size() ? " and " : ", ";
    out += names[i];
  }
  return out;
}

std::string wrap_words(std::string_view text, std::size_t width) {
  std::string out;
  std::size_t line = 0;
  std::size_t pos = 0;
  while (pos < text.size()) {
    if (text[pos] == ' ') {
      ++pos;
      continue;
    }
    std::size_t end = text.find(' ', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view word = text.substr(pos, end - pos);
    if (line > 0 && line + 1 + word.size() > width) {
      out += '\n';
      line = 0;
    }
    if (line > 0) {
      out += ' ';
      ++line;
    }
    out += word;
    line += word.size();
    pos = end;
  }
  if (!out.empty()) out += '\n';
  return out;
}

}  // namespace coolpapers
