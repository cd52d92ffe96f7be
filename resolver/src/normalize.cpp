#include "normalize.hpp"

#include <array>
#include <cstdint>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace coolpapers::detail {
namespace {

// Bytes that may start something to normalise: '\n' (a broken id) and the
// lead bytes of every folded or dropped character. Anything else is copied.
constexpr unsigned char kTriggerBytes[] = {
    '\n',
    0xC2,  // U+00AD
    0xE2,  // U+2010-U+2013, U+200B-U+200D, U+2060, U+2212
    0xE3,  // U+3000
    0xEF,  // U+FE63, U+FEFF, U+FF01-U+FF5E
};
constexpr std::array<bool, 256> kTrigger = [] {
  std::array<bool, 256> t{};
  for (unsigned char c : kTriggerBytes) t[c] = true;
  return t;
}();

// needs_preparing() looks for '%' as well, in the same pass.
constexpr std::array<bool, 256> kTriggerOrPercent = [] {
  std::array<bool, 256> t = kTrigger;
  t['%'] = true;
  return t;
}();

using Block = unsigned char __attribute__((vector_size(16)));

// True iff a byte of `lanes` has its top bit set: a comparison's lane that
// holds, or a byte >= 0x80 of a text. One instruction on x86 (PMOVMSKB).
bool any_top_bit(Block lanes) {
#if defined(__SSE2__)
  return _mm_movemask_epi8(reinterpret_cast<__m128i>(lanes)) != 0;
#else
  std::uint64_t halves[2];
  std::memcpy(halves, &lanes, 16);
  return ((halves[0] | halves[1]) & 0x8080808080808080u) != 0;
#endif
}

// Sixteen bytes at a time (GCC/Clang vector extensions, any target): a
// block with no byte >= 0x80 and no '\n' (nor '%', `with_percent`) holds
// no trigger, which is the common case (plain ASCII on one line); else one
// comparison per trigger byte for the whole block, so that non-ASCII
// letters (accents, Cyrillic, CJK) are skipped without looking at each byte.
template <bool with_percent>
bool block_has_trigger(const char* at) {
  Block block;
  std::memcpy(&block, at, 16);
  // A byte >= 0x80 has its own top bit set.
  Block cheap = block | (block == '\n');
  if constexpr (with_percent) cheap |= block == '%';
  if (!any_top_bit(cheap)) return false;
  Block hits = {};
  if constexpr (with_percent) hits = block == '%';
  for (unsigned char trigger : kTriggerBytes) hits |= block == trigger;
  return any_top_bit(hits);
}

template <bool with_percent>
bool has_trigger(std::string_view text) {
  if (text.size() < 16) {
    const auto& table = with_percent ? kTriggerOrPercent : kTrigger;
    for (char c : text)
      if (table[static_cast<unsigned char>(c)]) return true;
    return false;
  }
  std::size_t i = 0;
  for (; i + 16 <= text.size(); i += 16)
    if (block_has_trigger<with_percent>(text.data() + i)) return true;
  // The tail as one last block that overlaps the one before.
  return i < text.size() && block_has_trigger<with_percent>(text.data() + text.size() - 16);
}

// Decodes the valid 2- or 3-byte UTF-8 sequence at text[i] (the only
// lengths of the characters handled here). Returns its length, or 0.
std::size_t decode(std::string_view text, std::size_t i, std::uint32_t& cp) {
  auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  unsigned char c = byte(i);
  std::size_t n = (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : 0;
  if (n == 0 || i + n > text.size()) return 0;
  cp = c & (n == 2 ? 0x1F : 0x0F);
  for (std::size_t k = 1; k < n; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (byte(i + k) & 0x3F);
  }
  return n;
}

// What a character becomes: a replacement byte, nothing (0), or itself (-1).
int fold(std::uint32_t cp) {
  if (cp >= 0xFF01 && cp <= 0xFF5E) return static_cast<int>(cp - 0xFEE0);
  switch (cp) {
    case 0x3000: return ' ';
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2212: case 0xFE63: return '-';
    case 0x00AD: case 0x200B: case 0x200C: case 0x200D: case 0x2060: case 0xFEFF: return 0;
    default: return -1;
  }
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r'; }

int two_digits(std::string_view s) { return (s[0] - '0') * 10 + (s[1] - '0'); }

// True iff `digits` (digits and dots) is a new-style arXiv id without
// version, or, when `after_slash`, the seven digits of an old-style id.
bool is_arxiv_id(std::string_view digits, bool after_slash) {
  for (std::size_t i = 0; i < digits.size(); ++i)
    if (!is_digit(digits[i]) && !(i == 4 && digits[i] == '.' && !after_slash)) return false;
  if (after_slash) return digits.size() == 7 && two_digits(digits.substr(2)) >= 1 && two_digits(digits.substr(2)) <= 12;
  if (digits.size() != 9 && digits.size() != 10) return false;
  if (digits[4] != '.') return false;
  int yymm = two_digits(digits) * 100 + two_digits(digits.substr(2));
  int month = yymm % 100;
  if (month < 1 || month > 12) return false;
  return digits.size() == 10 ? yymm >= 1501 : (yymm >= 704 && yymm <= 1412);
}

// Folds characters (first pass).
void fold_characters(std::string_view text, std::string& out) {
  out.clear();
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    auto c = static_cast<unsigned char>(text[i]);
    std::uint32_t cp = 0;
    std::size_t n = c >= 0x80 ? decode(text, i, cp) : 0;
    int folded = n > 0 ? fold(cp) : -1;
    if (folded < 0) {
      out.push_back(text[i]);
      ++i;
      continue;
    }
    if (folded > 0) out.push_back(static_cast<char>(folded));
    i += n;
  }
}

// Joins ids broken across a line (second pass, in place: the text only
// shrinks, so the write position never passes the read position).
void join_broken_ids(std::string& s) {
  std::size_t write = 0;
  for (std::size_t read = 0; read < s.size();) {
    if (s[read] != '\n') {
      s[write++] = s[read++];
      continue;
    }
    // Left: the written text without trailing spaces and one line-end '-'.
    std::size_t left_end = write;
    while (left_end > 0 && is_space(s[left_end - 1])) --left_end;
    bool hyphen = left_end > 1 && s[left_end - 1] == '-' && is_digit(s[left_end - 2]);
    if (hyphen) --left_end;
    std::size_t left_start = left_end;
    while (left_start > 0 && left_end - left_start < 10 && (is_digit(s[left_start - 1]) || s[left_start - 1] == '.'))
      --left_start;
    // Right: after the spaces of the next line, a run of digits.
    std::size_t right_start = read + 1;
    while (right_start < s.size() && is_space(s[right_start])) ++right_start;
    std::size_t right_end = right_start;
    while (right_end < s.size() && right_end - right_start < 10 && is_digit(s[right_end])) ++right_end;

    bool joined = false;
    std::size_t left_size = left_end - left_start, right_size = right_end - right_start;
    bool left_bounded = left_start == 0 || !is_digit(s[left_start - 1]);
    if (left_size > 0 && right_size > 0 && left_size + right_size <= 10 && left_bounded &&
        (right_end == s.size() || !is_digit(s[right_end]))) {
      char candidate[10];
      s.copy(candidate, left_size, left_start);
      s.copy(candidate + left_size, right_size, right_start);
      std::string_view id(candidate, left_size + right_size);
      bool after_slash = left_start > 0 && s[left_start - 1] == '/';
      joined = is_arxiv_id(id, after_slash);
    }
    if (joined) {
      write = left_end;
      read = right_start;
    } else {
      s[write++] = s[read++];
    }
  }
  s.resize(write);
}

}  // namespace

bool normalize_text(std::string_view text, std::string& out) {
  if (!has_trigger<false>(text)) return false;
  fold_characters(text, out);
  if (out.find('\n') != std::string::npos) join_broken_ids(out);
  return true;
}

bool needs_preparing(std::string_view text) { return has_trigger<true>(text); }

}  // namespace coolpapers::detail
