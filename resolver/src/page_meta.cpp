#include "coolpapers/page_meta.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>

#include <algorithm>
#include <cstdint>

#include "ascii.hpp"

namespace coolpapers {
namespace {

std::string_view trim(std::string_view text) {
  std::size_t first = text.find_first_not_of(" \t\r\n\f");
  if (first == std::string_view::npos) return {};
  return text.substr(first, text.find_last_not_of(" \t\r\n\f") - first + 1);
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f'; }

void append_utf8(std::string& out, std::uint32_t cp) {
  if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

// The index of a tag in PageMeta::kNames, or its size.
std::size_t tag_index(std::string_view name) {
  for (std::size_t i = 0; i < std::size(PageMeta::kNames); ++i) {
    std::string_view known = PageMeta::kNames[i];
    if (name.size() == known.size() &&
        std::equal(name.begin(), name.end(), known.begin(), [](char a, char b) {
          return detail::ascii_lower(static_cast<unsigned char>(a)) == detail::ascii_lower(static_cast<unsigned char>(b));
        }))
      return i;
  }
  return std::size(PageMeta::kNames);
}

// Decodes the character references paper pages use in titles.
std::string decode_references(std::string_view text) {
  static constexpr std::pair<std::string_view, std::string_view> kNamed[] = {
      {"amp;", "&"}, {"lt;", "<"}, {"gt;", ">"}, {"quot;", "\""}, {"apos;", "'"}, {"nbsp;", " "}};
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '&') {
      out.push_back(text[i]);
      continue;
    }
    std::string_view rest = text.substr(i + 1);
    bool done = false;
    for (const auto& [name, value] : kNamed)
      if (rest.starts_with(name)) {
        out += value;
        i += name.size();
        done = true;
        break;
      }
    if (done) continue;
    if (rest.starts_with("#")) {
      bool hex = rest.size() > 1 && (rest[1] == 'x' || rest[1] == 'X');
      std::size_t k = hex ? 2 : 1;
      std::uint32_t cp = 0;
      std::size_t digits = 0;
      for (; k < rest.size() && digits < 7; ++k, ++digits) {
        char c = rest[k];
        int v = c >= '0' && c <= '9' ? c - '0' : hex && c >= 'a' && c <= 'f' ? c - 'a' + 10
                : hex && c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
        if (v < 0) break;
        cp = cp * (hex ? 16 : 10) + static_cast<std::uint32_t>(v);
      }
      if (digits > 0 && k < rest.size() && rest[k] == ';') {
        append_utf8(out, cp);
        i += k + 1;
        continue;
      }
    }
    out.push_back('&');
  }
  return out;
}

// Reads the attributes of one tag from html[pos] (just after "<meta") to
// its '>'. Returns the position after the tag.
std::size_t read_meta_tag(std::string_view html, std::size_t pos, PageMetaStore& store) {
  std::string_view name, content;
  while (pos < html.size() && html[pos] != '>') {
    if (is_space(html[pos]) || html[pos] == '/') {
      ++pos;
      continue;
    }
    std::size_t key_start = pos;
    while (pos < html.size() && !is_space(html[pos]) && html[pos] != '=' && html[pos] != '>') ++pos;
    std::string_view key = html.substr(key_start, pos - key_start);
    while (pos < html.size() && is_space(html[pos])) ++pos;
    std::string_view value;
    if (pos < html.size() && html[pos] == '=') {
      ++pos;
      while (pos < html.size() && is_space(html[pos])) ++pos;
      if (pos < html.size() && (html[pos] == '"' || html[pos] == '\'')) {
        char quote = html[pos++];
        std::size_t end = html.find(quote, pos);
        if (end == std::string_view::npos) return html.size();
        value = html.substr(pos, end - pos);
        pos = end + 1;
      } else {
        std::size_t start = pos;
        while (pos < html.size() && !is_space(html[pos]) && html[pos] != '>') ++pos;
        value = html.substr(start, pos - start);
      }
    }
    auto is = [&](std::string_view lower) {
      return key.size() == lower.size() && detail::starts_with_ascii_ci(key, lower);
    };
    if (is("name") || (is("property") && name.empty())) name = value;
    if (is("content")) content = value;
  }
  if (!name.empty() && !content.empty()) store.set(trim(name), decode_references(content.substr(0, 4 * kMaxMetaValueBytes)));
  return pos;
}

}  // namespace

bool PageMetaStore::set(std::string_view name, std::string_view value) {
  std::size_t index = tag_index(name);
  if (index == values_.size()) return false;
  std::string& stored = values_[index];
  value = trim(value);
  if (!stored.empty() || value.empty()) return true;
  std::size_t end = std::min(value.size(), kMaxMetaValueBytes);
  while (end < value.size() && end > 0 && (static_cast<unsigned char>(value[end]) & 0xC0) == 0x80) --end;
  stored.assign(value.substr(0, end));
  return true;
}

PageMeta PageMetaStore::view() const {
  PageMeta meta;
  for (std::size_t i = 0; i < values_.size(); ++i) *meta.find(PageMeta::kNames[i]) = values_[i];
  return meta;
}

PageMetaStore meta_from_html(std::string_view html) {
  html = html.substr(0, kMaxHtmlScanBytes);
  PageMetaStore store;
  std::size_t pos = 0;
  while ((pos = html.find('<', pos)) != std::string_view::npos) {
    ++pos;
    if (html.size() - pos > 4 && detail::starts_with_ascii_ci(html.substr(pos), "meta") && is_space(html[pos + 4]))
      pos = read_meta_tag(html, pos + 4, store);
  }
  return store;
}

std::string meta_from_json(std::string_view json_text, PageMetaStore& store) {
  boost::json::error_code ec;
  boost::json::value root = boost::json::parse(json_text, ec);
  if (ec) return "not valid JSON: " + ec.message();
  const boost::json::object* object = root.if_object();
  if (!object) return "expected a JSON object of meta tag names and values";
  for (const auto& member : *object) {
    std::string_view name(member.key().data(), member.key().size());
    const boost::json::string* value = member.value().if_string();
    if (!value) return "the value of \"" + std::string(name) + "\" must be a string";
    store.set(name, std::string_view(value->data(), value->size()));
  }
  return {};
}

}  // namespace coolpapers
