#include "search_words.hpp"

#include <re2/re2.h>

#include "percent.hpp"

namespace coolpapers::detail {
namespace {

bool is_ascii_alnum(unsigned char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

bool is_ascii(std::string_view text) {
  for (char c : text)
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  return true;
}

// Number of code points in a valid UTF-8 string.
std::size_t code_points(std::string_view word) {
  std::size_t n = 0;
  for (char c : word) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

class WordJoiner {
 public:
  WordJoiner(std::string& query, std::size_t max_words) : query_(query), max_(max_words) {}
  // Returns false once enough words were taken.
  bool add(std::string_view word) {
    if (code_points(word) < 2) return count_ < max_;
    if (count_ > 0) query_ += "%20";
    append_percent_encoded(query_, word);
    return ++count_ < max_;
  }
  std::size_t count() const { return count_; }

 private:
  std::string& query_;
  std::size_t max_;
  std::size_t count_ = 0;
};

// Most selections are ASCII: split them by hand, no regex needed.
void split_ascii(std::string_view text, WordJoiner& words) {
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && !is_ascii_alnum(static_cast<unsigned char>(text[i]))) ++i;
    std::size_t start = i;
    while (i < text.size() && is_ascii_alnum(static_cast<unsigned char>(text[i]))) ++i;
    if (i > start && !words.add(text.substr(start, i - start))) return;
  }
}

void split_unicode(std::string_view text, WordJoiner& words) {
  // Compiled once, on the first non-ASCII selection: Unicode classes cost
  // milliseconds to compile, which the native host must not pay per start.
  static const RE2 word_pattern("([\\p{L}\\p{Nd}][\\p{L}\\p{Nd}\\p{M}]*)");
  re2::StringPiece input(text.data(), text.size());
  re2::StringPiece word;
  while (RE2::FindAndConsume(&input, word_pattern, &word))
    if (!words.add(std::string_view(word.data(), word.size()))) return;
}

}  // namespace

std::size_t append_search_query(std::string_view text, std::size_t max_words, std::string& query) {
  if (max_words == 0) return 0;
  WordJoiner words(query, max_words);
  if (is_ascii(text))
    split_ascii(text, words);
  else
    split_unicode(text, words);
  return words.count();
}

}  // namespace coolpapers::detail
