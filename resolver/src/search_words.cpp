#include "search_words.hpp"

#include <re2/re2.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>

#include "percent.hpp"

namespace coolpapers::detail {
namespace {

// How much of the text's start is checked for binary data, and the share
// of junk bytes (invalid UTF-8, control characters) that makes it binary.
constexpr std::size_t kJunkWindow = 4096;
constexpr std::size_t kJunkPercent = 25;

constexpr bool is_ascii_alnum(unsigned char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

constexpr bool is_inner_joiner(unsigned char c) { return c == '-' || c == '+' || c == '.' || c == '\'' || c == '_' || c == '#'; }

// Joiners a word may end with: "C++", "C#".
bool may_end_word(unsigned char c) { return c == '+' || c == '#'; }

// What a byte is to the word splitter, one table lookup per byte.
enum class ByteKind : unsigned char { separator, alnum, joiner, non_ascii };
constexpr std::array<ByteKind, 256> kByteKinds = [] {
  std::array<ByteKind, 256> kinds{};
  for (int c = 0; c < 256; ++c)
    kinds[c] = c >= 0x80                                       ? ByteKind::non_ascii
               : is_ascii_alnum(static_cast<unsigned char>(c)) ? ByteKind::alnum
               : is_inner_joiner(static_cast<unsigned char>(c)) ? ByteKind::joiner
                                                                : ByteKind::separator;
  return kinds;
}();
ByteKind kind_of(char c) { return kByteKinds[static_cast<unsigned char>(c)]; }

// Length of a well-formed UTF-8 sequence at text[i], or 0.
std::size_t utf8_length(std::string_view text, std::size_t i) {
  auto c = static_cast<unsigned char>(text[i]);
  std::size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 && c >= 0xC2 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E && c <= 0xF4 ? 4 : 0;
  if (n == 0 || i + n > text.size()) return 0;
  for (std::size_t k = 1; k < n; ++k)
    if ((static_cast<unsigned char>(text[i + k]) & 0xC0) != 0x80) return 0;
  return n;
}

// True iff the 16 bytes at `at` are all printable ASCII (GCC/Clang vector
// extensions, any target): most of most selections, skipped at once.
bool is_printable_ascii_block(const char* at) {
  using Block = unsigned char __attribute__((vector_size(16)));
  Block block;
  std::memcpy(&block, at, 16);
  auto other = (block < 0x20) | (block >= 0x7F);
  std::uint64_t halves[2];
  std::memcpy(halves, &other, 16);
  return (halves[0] | halves[1]) == 0;
}

// True iff the text's start looks like binary data rather than words.
bool looks_binary(std::string_view text) {
  std::string_view window = text.substr(0, kJunkWindow);
  std::size_t junk = 0;
  std::size_t i = 0;
  while (i < window.size()) {
    if (i + 16 <= window.size() && is_printable_ascii_block(window.data() + i)) {
      i += 16;
      continue;
    }
    // Character by character to the end of this block (a character may
    // reach a little past it).
    for (std::size_t block_end = std::min(i + 16, window.size()); i < block_end;) {
      auto c = static_cast<unsigned char>(window[i]);
      std::size_t n = c >= 0x20 && c < 0x7F ? 1 : utf8_length(window, i);
      if (n == 0 || (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) {
        ++junk;
        ++i;
      } else {
        i += n;
      }
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

// Tells non-ASCII word characters from separators, as RE2 says (ASCII is
// classified by hand). RE2 is asked for the whole run of letters, digits
// and marks a non-ASCII character starts, so a word costs at most one call
// per part that starts with a non-ASCII character, and ASCII words none.
class WordCharacters {
 public:
  explicit WordCharacters(std::string_view text) : text_(text) {}

  // True iff the non-ASCII character at text[i] (where a character starts)
  // is a letter, digit or mark.
  bool is_word_unicode(std::size_t i) {
    if (i >= known_end_) known_end_ = i + word_run_length(i);
    return i < known_end_;
  }

 private:
  // Length of the run at text[i] of ASCII and non-ASCII letters, digits
  // and marks: within it every non-ASCII character is a word character.
  std::size_t word_run_length(std::size_t i) const {
    // Compiled once, on the first non-ASCII selection: Unicode classes cost
    // milliseconds to compile, which the native host must not pay per start.
    static const RE2 run_pattern("[\\p{L}\\p{N}\\p{M}]*", longest_match());
    // Anchored and with no group asked for, RE2 runs its DFA (its one-pass
    // matcher on a few bytes), which stops where the run ends.
    re2::StringPiece rest(text_.data() + i, text_.size() - i);
    re2::StringPiece match;
    if (!run_pattern.Match(rest, 0, rest.size(), RE2::ANCHOR_START, &match, 1)) return 0;
    return match.size();
  }

  static RE2::Options longest_match() {
    RE2::Options options;
    options.set_longest_match(true);
    return options;
  }

  std::string_view text_;
  // Every non-ASCII character before this offset is a word character.
  std::size_t known_end_ = 0;
};

// Splits `text` into words (search_words.hpp) and hands them to `words`
// until it takes no more.
void split_words(std::string_view text, WordJoiner& words) {
  WordCharacters unicode(text);
  std::size_t i = 0;
  while (i < text.size()) {
    // Separators up to the next word's first character.
    for (; i < text.size(); ++i) {
      ByteKind kind = kind_of(text[i]);
      if (kind == ByteKind::alnum) break;
      if (kind != ByteKind::non_ascii) continue;
      if (unicode.is_word_unicode(i)) break;
      // Not a letter, digit or mark: skip the character, or one byte of
      // what is not UTF-8 (the loop's ++i takes the last byte).
      std::size_t n = utf8_length(text, i);
      if (n > 1) i += n - 1;
    }
    // The word goes on through letters, digits, marks and joiners. Inside
    // a run RE2 vouched for, every non-ASCII byte belongs to a word
    // character, so bytes can be taken one by one.
    std::size_t start = i;
    for (; i < text.size(); ++i) {
      ByteKind kind = kind_of(text[i]);
      if (kind == ByteKind::separator || (kind == ByteKind::non_ascii && !unicode.is_word_unicode(i))) break;
    }
    if (i > start && !words.add(text.substr(start, i - start))) return;
  }
}

}  // namespace

std::size_t append_search_query(std::string_view text, std::size_t max_words, std::size_t max_bytes,
                                std::string& query) {
  if (max_words == 0 || looks_binary(text)) return 0;
  WordJoiner words(query, max_words, max_bytes);
  split_words(text, words);
  return words.count();
}

}  // namespace coolpapers::detail
