#include "literal_filter.hpp"

#include <cassert>

#include "ascii.hpp"

namespace coolpapers::detail {
namespace {

// How often a character shows up in URLs and prose (higher = more often).
// The filter anchors each literal on its rarest character so the scan
// verifies as few candidate positions as possible.
int commonness(unsigned char c) {
  static constexpr std::string_view kByFrequency = "/.etaoinsrhldcumpfgwybvkxjqz-_:?=&";
  // Any one digit is rarer than '/' or '.'; 0, 1 and 2 (years, arXiv ids,
  // "10." of every DOI) are the common ones.
  if (c >= '0' && c <= '9') return c <= '2' ? 20 : 12;
  auto at = kByFrequency.find(static_cast<char>(c));
  return at == std::string_view::npos ? 0 : static_cast<int>(kByFrequency.size() - at);
}

bool matches_at(std::string_view text, std::size_t start, const std::string& literal) {
  if (start + literal.size() > text.size()) return false;
  for (std::size_t k = 0; k < literal.size(); ++k) {
    auto c = ascii_lower(static_cast<unsigned char>(text[start + k]));
    char want = literal[k];
    if (want == '#' ? !(c >= '0' && c <= '9') : c != static_cast<unsigned char>(want)) return false;
  }
  return true;
}

}  // namespace

std::size_t LiteralFilter::add(std::string_view literal) {
  std::string text;
  for (char c : literal) text.push_back(static_cast<char>(ascii_lower(static_cast<unsigned char>(c))));
  for (std::size_t i = 0; i < literals_.size(); ++i)
    if (literals_[i].text == text) return i;
  assert(literals_.size() < kMaxLiterals);

  std::size_t anchor = text.find_first_not_of('#');
  assert(anchor != std::string::npos);
  for (std::size_t k = anchor; k < text.size(); ++k)
    if (text[k] != '#' && commonness(static_cast<unsigned char>(text[k])) <
                              commonness(static_cast<unsigned char>(text[anchor])))
      anchor = k;

  std::size_t index = literals_.size();
  auto c = static_cast<unsigned char>(text[anchor]);
  by_anchor_[c].push_back(index);
  is_anchor_[c] = true;
  if (c >= 'a' && c <= 'z') {
    by_anchor_[c - 32].push_back(index);
    is_anchor_[c - 32] = true;
  }
  literals_.push_back({std::move(text), anchor});
  return index;
}

void LiteralFilter::scan(std::string_view text, LiteralSet& found) const {
  found.found.reset();
  for (std::size_t i = 0; i < text.size(); ++i) {
    auto c = static_cast<unsigned char>(text[i]);
    if (!is_anchor_[c]) continue;
    for (std::size_t index : by_anchor_[c]) {
      const Literal& literal = literals_[index];
      if (i < literal.anchor) continue;
      std::size_t start = i - literal.anchor;
      if (matches_at(text, start, literal.text)) {
        found.found.set(index);
        found.last_start[index] = start;
      }
    }
  }
}

}  // namespace coolpapers::detail
