#include "search_words.hpp"

#include <re2/re2.h>

#include <array>
#include <cstdint>
#include <cstring>
#include <memory>

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

// Joiners a query keeps as they are (append_percent_encoded() escapes the
// others).
constexpr bool is_query_safe(unsigned char c) { return c == '-' || c == '.' || c == '_'; }

// Joiners a word may end with: "C++", "C#".
bool may_end_word(unsigned char c) { return c == '+' || c == '#'; }

// What a byte is to the word splitter, one table lookup per byte. The
// order matters: the kinds up to kept_joiner never need percent-encoding,
// the kinds up to escaped_joiner are ASCII word bytes.
enum class ByteKind : unsigned char { alnum, kept_joiner, escaped_joiner, separator, non_ascii };
constexpr std::array<ByteKind, 256> kByteKinds = [] {
  std::array<ByteKind, 256> kinds{};
  for (int c = 0; c < 256; ++c) {
    auto byte = static_cast<unsigned char>(c);
    kinds[c] = c >= 0x80                 ? ByteKind::non_ascii
               : is_ascii_alnum(byte)    ? ByteKind::alnum
               : !is_inner_joiner(byte)  ? ByteKind::separator
               : is_query_safe(byte)     ? ByteKind::kept_joiner
                                         : ByteKind::escaped_joiner;
  }
  return kinds;
}();
ByteKind kind_of(char c) { return kByteKinds[static_cast<unsigned char>(c)]; }

// Length of the UTF-8 sequence at text[i] as its lead and continuation
// bytes say (overlong forms and surrogates included), or 0: how far a
// separator is skipped, and what the binary-data check counts as valid.
std::size_t utf8_length(std::string_view text, std::size_t i) {
  auto c = static_cast<unsigned char>(text[i]);
  std::size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 && c >= 0xC2 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E && c <= 0xF4 ? 4 : 0;
  if (n == 0 || i + n > text.size()) return 0;
  for (std::size_t k = 1; k < n; ++k)
    if ((static_cast<unsigned char>(text[i + k]) & 0xC0) != 0x80) return 0;
  return n;
}

// The number of control characters (tabs and line breaks included) and
// non-ASCII bytes in `window`: at least its junk, counted 16 bytes at a
// time (GCC/Clang vector extensions, any target).
std::size_t count_suspect_bytes(std::string_view window) {
  using Block = unsigned char __attribute__((vector_size(16)));
  std::size_t count = 0;
  std::size_t i = 0;
  for (; i + 16 <= window.size(); i += 16) {
    Block block;
    std::memcpy(&block, window.data() + i, 16);
    Block suspect = ((block < 0x20) | (block >= 0x7F)) & 1;  // 1 per suspect byte
    std::uint64_t halves[2];
    std::memcpy(halves, &suspect, 16);
    // The sum of the eight bytes of each half, in the top byte.
    count += ((halves[0] * 0x0101010101010101u) >> 56) + ((halves[1] * 0x0101010101010101u) >> 56);
  }
  for (; i < window.size(); ++i) {
    auto c = static_cast<unsigned char>(window[i]);
    count += c < 0x20 || c >= 0x7F;
  }
  return count;
}

// The number of junk bytes in `window`: control characters other than tabs
// and line breaks, and bytes of invalid UTF-8.
std::size_t count_junk(std::string_view window) {
  std::size_t junk = 0;
  for (std::size_t i = 0; i < window.size();) {
    auto c = static_cast<unsigned char>(window[i]);
    std::size_t n = c >= 0x20 && c < 0x7F ? 1 : utf8_length(window, i);
    if (n == 0 || (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) {
      ++junk;
      ++i;
    } else {
      i += n;
    }
  }
  return junk;
}

// True iff the text's start looks like binary data rather than words.
bool looks_binary(std::string_view text) {
  std::string_view window = text.substr(0, kJunkWindow);
  auto too_much = [&](std::size_t junk) { return junk * 100 > window.size() * kJunkPercent; };
  // Most texts have too few control characters and non-ASCII bytes for
  // any share of them to be junk: their UTF-8 need not be checked.
  return too_much(count_suspect_bytes(window)) && too_much(count_junk(window));
}

class WordJoiner {
 public:
  WordJoiner(std::string& query, std::size_t max_words, std::size_t max_bytes)
      : query_(query), start_(query.size()), max_words_(max_words), max_bytes_(max_bytes) {}

  // Trims the word's trailing joiners and appends it; `plain` says that it
  // holds nothing to percent-encode (most words). Returns false once no
  // further word may be taken.
  bool add(std::string_view word, bool plain) {
    while (!word.empty() && is_inner_joiner(static_cast<unsigned char>(word.back())) &&
           !may_end_word(static_cast<unsigned char>(word.back())))
      word.remove_suffix(1);
    if (word.empty()) return true;
    std::size_t before = query_.size();
    if (count_ > 0) query_ += "%20";
    if (plain)
      query_.append(word);
    else
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

// Decodes the character at text[i] as RE2 reads UTF-8: only the shortest
// form, no surrogates, nothing past U+10FFFF. Returns its length, or 0 when
// the bytes there are no such character (RE2 matches no character there).
inline std::size_t decode_utf8(std::string_view text, std::size_t i, char32_t& code_point) {
  auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  unsigned char lead = byte(i);
  // The length, the lead byte's bits and the range of the second byte
  // (narrower after E0, ED, F0 and F4: the excluded forms).
  std::size_t n = 0;
  unsigned char second_min = 0x80, second_max = 0xBF;
  if (lead >= 0xC2 && lead <= 0xDF) {
    n = 2;
    code_point = lead & 0x1F;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    n = 3;
    code_point = lead & 0x0F;
    second_min = lead == 0xE0 ? 0xA0 : 0x80;
    second_max = lead == 0xED ? 0x9F : 0xBF;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    n = 4;
    code_point = lead & 0x07;
    second_min = lead == 0xF0 ? 0x90 : 0x80;
    second_max = lead == 0xF4 ? 0x8F : 0xBF;
  }
  if (n == 0 || i + n > text.size()) return 0;
  if (byte(i + 1) < second_min || byte(i + 1) > second_max) return 0;
  for (std::size_t k = 1; k < n; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
    code_point = (code_point << 6) | (byte(i + k) & 0x3F);
  }
  return n;
}

// Which non-ASCII characters are letters, digits or marks. RE2 decides;
// its answer for a character of the Basic Multilingual Plane is kept (two
// bits each, 16 KiB per thread that meets non-ASCII text), so RE2 is asked
// once per distinct character instead of once per word. Characters above
// it (rare: emoji, historic scripts) are asked every time.
class UnicodeWordCharacters {
 public:
  // True iff `character`, the UTF-8 form of `code_point`, is a letter,
  // digit or mark.
  bool contains(char32_t code_point, std::string_view character) {
    if (code_point >= kKept) return ask_re2(character);
    std::uint8_t& slot = answers_[code_point / 4];
    const unsigned shift = (code_point % 4) * 2;
    unsigned answer = (slot >> shift) & 3u;
    if (answer == kUnknown) {
      answer = ask_re2(character) ? kWord : kNotWord;
      slot = static_cast<std::uint8_t>(slot | (answer << shift));
    }
    return answer == kWord;
  }

 private:
  static bool ask_re2(std::string_view character) {
    // Compiled once, on the first non-ASCII selection: Unicode classes cost
    // milliseconds to compile, which the native host must not pay per start.
    static const RE2 word_character("[\\p{L}\\p{N}\\p{M}]");
    return RE2::FullMatch(re2::StringPiece(character.data(), character.size()), word_character);
  }

  static constexpr char32_t kKept = 0x10000;
  enum : unsigned { kUnknown = 0, kWord = 1, kNotWord = 2 };
  std::array<std::uint8_t, kKept / 4> answers_{};
};

// The length of the letter, digit or mark at text[i] (a non-ASCII byte),
// or 0 when no such character starts there.
std::size_t word_character_length(std::string_view text, std::size_t i, UnicodeWordCharacters& characters) {
  char32_t code_point = 0;
  std::size_t n = decode_utf8(text, i, code_point);
  return n > 0 && characters.contains(code_point, text.substr(i, n)) ? n : 0;
}

UnicodeWordCharacters& unicode_word_characters() {
  thread_local auto characters = std::make_unique<UnicodeWordCharacters>();
  return *characters;
}

// Splits `text` into words (search_words.hpp) and hands them to `words`
// until it takes no more.
void split_words(std::string_view text, WordJoiner& words) {
  UnicodeWordCharacters* characters = nullptr;  // only for non-ASCII text
  auto word_length = [&](std::size_t i) {
    if (characters == nullptr) characters = &unicode_word_characters();
    return word_character_length(text, i, *characters);
  };
  std::size_t i = 0;
  while (i < text.size()) {
    // Separators up to the next word's first character.
    while (i < text.size()) {
      ByteKind kind = kind_of(text[i]);
      if (kind == ByteKind::alnum || (kind == ByteKind::non_ascii && word_length(i) > 0)) break;
      // Skip the character, or one byte of what is not UTF-8 (by
      // utf8_length(): an overlong or surrogate form is skipped whole).
      std::size_t n = kind == ByteKind::non_ascii ? utf8_length(text, i) : 1;
      i += n > 0 ? n : 1;
    }
    // The word goes on through letters, digits, marks and joiners: runs of
    // bytes that need no encoding, then one that does, and so on.
    std::size_t start = i;
    bool plain = true;
    while (i < text.size()) {
      while (i < text.size() && kind_of(text[i]) <= ByteKind::kept_joiner) ++i;
      if (i == text.size()) break;
      ByteKind kind = kind_of(text[i]);
      std::size_t n = kind == ByteKind::escaped_joiner ? 1 : kind == ByteKind::non_ascii ? word_length(i) : 0;
      if (n == 0) break;
      plain = false;
      i += n;
    }
    if (i > start && !words.add(text.substr(start, i - start), plain)) return;
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
