#include "search_words.hpp"

#include <re2/re2.h>

#include <algorithm>

#include "percent.hpp"

namespace coolpapers::detail {
namespace {

// How much of the text's start is checked for binary data, and the share
// of junk bytes (invalid UTF-8, control characters) that makes it binary.
constexpr std::size_t kJunkWindow = 4096;
constexpr std::size_t kJunkPercent = 25;

bool is_ascii_alnum(unsigned char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

bool is_inner_joiner(unsigned char c) { return c == '-' || c == '+' || c == '.' || c == '\'' || c == '_' || c == '#'; }

// Joiners a word may end with: "C++", "C#".
bool may_end_word(unsigned char c) { return c == '+' || c == '#'; }

bool is_ascii(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

// Length of a well-formed UTF-8 sequence at text[i], or 0.
std::size_t utf8_length(std::string_view text, std::size_t i) {
  auto c = static_cast<unsigned char>(text[i]);
  std::size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 && c >= 0xC2 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E && c <= 0xF4 ? 4 : 0;
  if (n == 0 || i + n > text.size()) return 0;
  for (std::size_t k = 1; k < n; ++k)
    if ((static_cast<unsigned char>(text[i + k]) & 0xC0) != 0x80) return 0;
  return n;
}

// True iff the text's start looks like binary data rather than words.
bool looks_binary(std::string_view text) {
  std::string_view window = text.substr(0, kJunkWindow);
  std::size_t junk = 0;
  for (std::size_t i = 0; i < window.size();) {
    std::size_t n = utf8_length(window, i);
    auto c = static_cast<unsigned char>(window[i]);
    if (n == 0 || (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) {
      ++junk;
      ++i;
    } else {
      i += n;
    }
  }
  return junk * 100 > window.size() * kJunkPercent;
}

class WordJoiner {
 public:
  WordJoiner(std::string& query, std::size_t max_words, std::size_t max_bytes)
      : query_(query), start_(query.size()), max_words_(max_words), max_bytes_(max_bytes) {}

  // Trims the word's trailing joiners and appends it. Returns false once
  // no further word may be taken.
  bool add(std::string_view word) {
    while (!word.empty() && is_inner_joiner(static_cast<unsigned char>(word.back())) &&
           !may_end_word(static_cast<unsigned char>(word.back())))
      word.remove_suffix(1);
    if (word.empty()) return true;
    std::size_t before = query_.size();
    if (count_ > 0) query_ += "%20";
    append_percent_encoded(query_, word);
    if (query_.size() - start_ > max_bytes_) {
      query_.resize(before);
      return false;
    }
    return ++count_ < max_words_;
  }
  std::size_t count() const { return count_; }

 private:
  std::string& query_;
  std::size_t start_;
  std::size_t max_words_;
  std::size_t max_bytes_;
  std::size_t count_ = 0;
};

// Most selections are ASCII: split them by hand, no regex needed.
void split_ascii(std::string_view text, WordJoiner& words) {
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && !is_ascii_alnum(static_cast<unsigned char>(text[i]))) ++i;
    std::size_t start = i;
    while (i < text.size() && (is_ascii_alnum(static_cast<unsigned char>(text[i])) ||
                               is_inner_joiner(static_cast<unsigned char>(text[i]))))
      ++i;
    if (i > start && !words.add(text.substr(start, i - start))) return;
  }
}

void split_unicode(std::string_view text, WordJoiner& words) {
  // Compiled once, on the first non-ASCII selection: Unicode classes cost
  // milliseconds to compile, which the native host must not pay per start.
  static const RE2 word_pattern("([\\p{L}\\p{N}\\p{M}][\\p{L}\\p{N}\\p{M}+.'_#-]*)");
  // Words are matched anchored where one can start, which RE2 runs with its
  // one-pass engine (the pattern is one-pass; asking for the group makes
  // RE2 skip its DFA) on a window of at most kWindow bytes; an unanchored
  // search would run a forward and a reverse DFA per word.
  // A word never starts on an ASCII byte that is not a letter or digit.
  constexpr std::size_t kWindow = 4096;  // RE2's limit for its one-pass engine
  std::size_t i = 0;
  while (i < text.size()) {
    auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80 && !is_ascii_alnum(c)) {
      ++i;
      continue;
    }
    std::string_view window = text.substr(i, kWindow);
    re2::StringPiece match[2];
    bool found = word_pattern.Match(re2::StringPiece(window.data(), window.size()), 0, window.size(), RE2::ANCHOR_START,
                                    match, 2);
    // A word that fills the window may go on past it.
    if (found && match[0].size() == window.size() && window.size() < text.size() - i)
      found = word_pattern.Match(re2::StringPiece(text.data() + i, text.size() - i), 0, text.size() - i,
                                 RE2::ANCHOR_START, match, 2);
    if (!found) {
      // Not a letter, digit or mark: skip the character (a match cannot
      // start inside one), or one byte of what is not UTF-8.
      std::size_t n = utf8_length(text, i);
      i += n > 0 ? n : 1;
      continue;
    }
    if (!words.add(std::string_view(match[0].data(), match[0].size()))) return;
    i += match[0].size();
  }
}

// True iff `text` is printable ASCII, tabs and line breaks: neither binary
// nor Unicode, which most selections are (one cheap pass instead of two).
bool is_plain_ascii(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char ch) {
    auto c = static_cast<unsigned char>(ch);
    return (c >= 0x20 && c < 0x7F) || c == '\t' || c == '\n' || c == '\r';
  });
}

}  // namespace

std::size_t append_search_query(std::string_view text, std::size_t max_words, std::size_t max_bytes,
                                std::string& query) {
  if (max_words == 0) return 0;
  const bool plain = is_plain_ascii(text);
  if (!plain && looks_binary(text)) return 0;
  WordJoiner words(query, max_words, max_bytes);
  if (plain || is_ascii(text))
    split_ascii(text, words);
  else
    split_unicode(text, words);
  return words.count();
}

}  // namespace coolpapers::detail
