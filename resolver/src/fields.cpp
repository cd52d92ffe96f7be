#include <algorithm>
#include <iterator>

#include "ascii.hpp"
#include "coolpapers/resolver.hpp"

namespace coolpapers {
namespace {

// The short names the command line and the redirect service offer.
std::string_view short_name(Field field) {
  switch (field) {
    case Field::selection_text: return "selection";
    case Field::link_url: return "link";
    case Field::page_url: return "page";
    case Field::frame_url: return "frame";
    case Field::page_meta: break;
  }
  return "selection";
}

}  // namespace

std::string_view field_name(Field field) {
  switch (field) {
    case Field::selection_text: return "selectionText";
    case Field::link_url: return "linkUrl";
    case Field::page_url: return "pageUrl";
    case Field::frame_url: return "frameUrl";
    case Field::page_meta: return "pageMeta";
  }
  return "selectionText";
}

std::optional<Field> field_from_name(std::string_view name) {
  for (Field field : kRequestFields)
    if (field != Field::page_meta && (name == field_name(field) || name == short_name(field))) return field;
  return std::nullopt;
}

std::optional<FieldChoice> field_choice_from_name(std::string_view name) {
  if (name == "auto") return FieldChoice{};
  if (auto field = field_from_name(name)) return FieldChoice{field};
  return std::nullopt;
}

Field auto_field(std::string_view text) {
  std::size_t start = text.find_first_not_of(" \t\r\n");
  if (start == std::string_view::npos) return Field::selection_text;
  text.remove_prefix(start);
  return detail::starts_with_ascii_ci(text, "http://") || detail::starts_with_ascii_ci(text, "https://") ? Field::page_url
                                                                              : Field::selection_text;
}

std::string_view* PageMeta::find(std::string_view name) {
  std::string_view* values[] = {&citation_arxiv_id, &citation_doi, &citation_pdf_url, &citation_title, &dc_title};
  auto same = [](std::string_view a, std::string_view b) {
    return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
      return detail::ascii_lower(static_cast<unsigned char>(x)) == detail::ascii_lower(static_cast<unsigned char>(y));
    });
  };
  for (std::size_t i = 0; i < std::size(kNames); ++i)
    if (same(name, kNames[i])) return values[i];
  return nullptr;
}

bool PageMeta::empty() const {
  return citation_arxiv_id.empty() && citation_doi.empty() && citation_pdf_url.empty() && citation_title.empty() &&
         dc_title.empty();
}

std::string ConfigError::to_string() const {
  std::string text = source;
  if (!rule_id.empty()) text += ": rule \"" + rule_id + "\"";
  text += ": " + message;
  if (!offending.empty()) text += " (at: " + offending + ")";
  return text;
}

}  // namespace coolpapers
