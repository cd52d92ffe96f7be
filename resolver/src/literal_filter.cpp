#include "literal_filter.hpp"

#include <algorithm>
#include <array>
#include <cassert>
#include <cstring>
#include <string_view>

#include "ascii.hpp"

namespace coolpapers::detail {
namespace {

// How often a character shows up in URLs and prose (higher = more often).
// The filter anchors each literal on its rarest pair of characters so the
// scan verifies as few candidate positions as possible.
// '#' stands for any digit, which together are as common as '/'; one
// digit is rarer, and 0, 1 and 2 (years, arXiv ids, "10." of every DOI)
// are the common ones. A table, as the host builds the filter at every start.
constexpr std::array<int, 256> kCommonness = [] {
  constexpr std::string_view kByFrequency = "/.etaoinsrhldcumpfgwybvkxjqz-_:?=&";
  std::array<int, 256> table{};
  for (std::size_t at = 0; at < kByFrequency.size(); ++at)
    table[static_cast<unsigned char>(kByFrequency[at])] = static_cast<int>(kByFrequency.size() - at);
  for (int c = '0'; c <= '9'; ++c) table[static_cast<std::size_t>(c)] = c <= '2' ? 20 : 12;
  table['#'] = 40;
  return table;
}();

// Pairs of characters every URL holds: its scheme, "www." and the
// commonest top-level domains. A literal such as "aaai.org" is better
// anchored on "ai" than on "rg", which is in every ".org". One bit per
// pair of ASCII characters.
constexpr std::array<std::uint64_t, 128 * 128 / 64> kUrlPairs = [] {
  std::array<std::uint64_t, 128 * 128 / 64> bits{};
  for (std::string_view word : {"https://", "http://", "www.", ".org", ".com", ".net"})
    for (std::size_t k = 0; k + 1 < word.size(); ++k) {
      const std::size_t pair = static_cast<std::size_t>(word[k]) * 128 + static_cast<std::size_t>(word[k + 1]);
      bits[pair / 64] |= std::uint64_t{1} << (pair % 64);
    }
  return bits;
}();

bool is_url_pair(unsigned char first, unsigned char second) {
  if (first >= 128 || second >= 128) return false;
  const std::size_t pair = std::size_t{first} * 128 + second;
  return (kUrlPairs[pair / 64] >> (pair % 64)) & 1;
}

// One bit per pair of bytes.
constexpr std::size_t kPairCount = 256 * 256;

// The index of the pair of bytes at `at`: one 16-bit load. Its value
// depends on the machine's byte order, the same when the table is built.
std::uint16_t pair_at(const unsigned char* at) {
  std::uint16_t pair;
  std::memcpy(&pair, at, sizeof pair);
  return pair;
}

std::uint16_t pair_of(unsigned char first, unsigned char second) {
  const unsigned char bytes[2] = {first, second};
  return pair_at(bytes);
}

bool is_digit(unsigned char c) { return c >= '0' && c <= '9'; }

bool matches_at(std::string_view text, std::size_t start, std::string_view literal) {
  if (start + literal.size() > text.size()) return false;
  for (std::size_t k = 0; k < literal.size(); ++k) {
    auto c = ascii_lower(static_cast<unsigned char>(text[start + k]));
    char want = literal[k];
    if (want == '#' ? !is_digit(c) : c != static_cast<unsigned char>(want)) return false;
  }
  return true;
}

// Eight bytes as one word, in memory order (the literal's words are built
// the same way, so the comparison does not depend on byte order).
std::uint64_t word_at(const unsigned char* at) {
  std::uint64_t word;
  std::memcpy(&word, at, sizeof word);
  return word;
}

// Whether the eight bytes of text at `at` match those of a literal's
// masks (LiteralFilter::masks_) at `want`, `care` and `digit`, one byte
// per lane; no lane carries into another.
bool word_matches(const unsigned char* at, const unsigned char* want, const unsigned char* care,
                  const unsigned char* digit) {
  constexpr std::uint64_t kLowNibbles = 0x0F0F0F0F0F0F0F0F;
  constexpr std::uint64_t kSixes = 0x0606060606060606;
  constexpr std::uint64_t kSixteens = 0x1010101010101010;
  const std::uint64_t diff = word_at(at) ^ word_at(want);
  // Where the literal holds '#', diff is the text's byte minus '0' iff it
  // is a digit: its high nibble must be 0 and its low nibble below 10
  // (adding 6 must not carry into bit 4).
  const std::uint64_t digits = diff & word_at(digit);
  const std::uint64_t wrong =
      (diff & word_at(care)) | (digits & ~kLowNibbles) | (((digits & kLowNibbles) + kSixes) & kSixteens);
  return wrong == 0;
}

// The size of each of a literal's masks.
std::size_t mask_size(const std::string& literal) { return std::max<std::size_t>(literal.size(), 8); }

// The bytes a literal character stands for: '#' any digit, a letter both cases.
template <typename F>
void for_each_byte(unsigned char c, F&& f) {
  if (c == '#') {
    for (unsigned char d = '0'; d <= '9'; ++d) f(d);
    return;
  }
  f(c);
  if (c >= 'a' && c <= 'z') f(static_cast<unsigned char>(c - 32));
}

}  // namespace

std::size_t find_literal(std::string_view text, std::size_t from, std::string_view literal) {
  for (std::size_t start = from; start + literal.size() <= text.size(); ++start)
    if (matches_at(text, start, literal)) return start;
  return std::string_view::npos;
}

std::size_t LiteralFilter::add(std::string_view literal) {
  std::string text(literal);
  for (char& c : text) c = static_cast<char>(ascii_lower(static_cast<unsigned char>(c)));
  for (std::size_t i = 0; i < literals_.size(); ++i)
    if (literals_[i].text == text) return i;
  assert(literals_.size() < kMaxLiterals);

  // The rarest pair, as the scan looks for pairs: the one whose two
  // characters are the least common together (the sum of their
  // commonness, the first pair of equal ones). A pair every URL holds is
  // chosen only when there is no other, and a pair of two '#' (any two
  // digits) only when there is nothing else.
  auto rarity = [&](std::size_t k) {
    auto a = static_cast<unsigned char>(text[k]), b = static_cast<unsigned char>(text[k + 1]);
    return (a == '#' && b == '#' ? 10000 : 0) + (is_url_pair(a, b) ? 1000 : 0) + kCommonness[a] + kCommonness[b];
  };
  std::size_t index = literals_.size();
  Probe probe{static_cast<std::uint32_t>(index), 0, 0, 0, 255};
  const bool single = text.size() == 1;
  unsigned char next = 0;
  if (!single) {
    int best = rarity(0);
    for (std::size_t k = 1; k + 1 < text.size(); ++k)
      if (int r = rarity(k); r < best) {
        best = r;
        probe.offset = static_cast<std::uint32_t>(k);
      }
    next = static_cast<unsigned char>(text[probe.offset + 1]);
    probe.next_low = next == '#' ? '0' : next;
    probe.next_span = next == '#' ? 9 : 0;
  }
  if (pair_bits_.empty()) pair_bits_.resize(kPairCount / 64);  // zeros
  auto set_pair = [&](unsigned char first, unsigned char second) {
    unsigned pair = pair_of(first, second);
    pair_bits_[pair / 64] |= std::uint64_t{1} << (pair % 64);
  };
  for_each_byte(static_cast<unsigned char>(text[probe.offset]), [&](unsigned char c) {
    probe.same_first = first_probe_[c];
    probes_.push_back(probe);
    first_probe_[c] = static_cast<std::uint32_t>(probes_.size());
    if (single)
      for (unsigned second = 0; second < 256; ++second) set_pair(c, static_cast<unsigned char>(second));
    else
      for_each_byte(next, [&](unsigned char second) { set_pair(c, second); });
  });
  const std::size_t size = mask_size(text), masks = masks_.size();
  masks_.resize(masks + 3 * size);  // zeros
  char* want = masks_.data() + masks;
  char* care = want + size;
  char* digit = care + size;
  const std::string_view lower = text;
  for (std::size_t k = 0; k < lower.size(); ++k) {
    const char c = lower[k];
    want[k] = c == '#' ? '0' : c;
    care[k] = c == '#' ? '\x00' : c >= 'a' && c <= 'z' ? '\xDF' : '\xFF';
    digit[k] = c == '#' ? '\xFF' : '\x00';
  }
  literals_.push_back({std::move(text), masks});
  return index;
}

bool LiteralFilter::occurs_at(const Literal& literal, std::string_view text, std::size_t start) const {
  const std::size_t size = mask_size(literal.text);
  // A literal shorter than a word, too near the text's end to read one.
  if (start + size > text.size()) return matches_at(text, start, literal.text);
  const auto* at = reinterpret_cast<const unsigned char*>(text.data()) + start;
  const auto* want = reinterpret_cast<const unsigned char*>(masks_.data()) + literal.masks;
  const auto* care = want + size;
  const auto* digit = care + size;
  // Words at 0, 8, 16, ... and the last eight bytes (overlapping the word
  // before), so every byte is compared.
  for (std::size_t k = 0;; k = std::min(k + 8, size - 8)) {
    if (!word_matches(at + k, want + k, care + k, digit + k)) return false;
    if (k + 8 == size) return true;
  }
}

void LiteralFilter::verify_at(std::string_view text, std::size_t at, LiteralSet& found) const {
  // The byte after this one, lower case; 0 at the end (no literal holds 0).
  const unsigned char next = at + 1 < text.size() ? ascii_lower(static_cast<unsigned char>(text[at + 1])) : 0;
  const Probe* probes = probes_.data();
  for (std::uint32_t i = first_probe_[static_cast<unsigned char>(text[at])]; i != 0; i = probes[i - 1].same_first) {
    const Probe& probe = probes[i - 1];
    if (static_cast<unsigned char>(next - probe.next_low) > probe.next_span) continue;
    if (at < probe.offset) continue;
    std::size_t start = at - probe.offset;
    if (!occurs_at(literals_[probe.literal], text, start)) continue;
    if (!found.found[probe.literal]) found.first_start[probe.literal] = start;
    found.found[probe.literal] = true;
    found.last_start[probe.literal] = start;
  }
}

void LiteralFilter::scan(std::string_view text, LiteralSet& found) const {
  found.found.reset();
  if (text.empty() || pair_bits_.empty()) return;
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  const std::uint64_t* bits = pair_bits_.data();
  // Bit 0 is set iff the pair is in the table; the other bits are noise.
  auto pair_bit = [bits](std::size_t pair) { return bits[pair / 64] >> (pair % 64); };
  // Every pair of adjacent bytes, then the last byte with the text's end.
  const std::size_t last = text.size() - 1;
  auto check = [&](std::size_t at) {
    if (pair_bit(pair_at(bytes + at)) & 1) verify_at(text, at, found);
  };
  std::size_t i = 0;
  // Four positions per round, for fewer loop branches.
  for (; i + 4 <= last; i += 4) {
    check(i);
    check(i + 1);
    check(i + 2);
    check(i + 3);
  }
  for (; i < last; ++i) check(i);
  if (pair_bit(pair_of(bytes[last], 0)) & 1) verify_at(text, last, found);
}

}  // namespace coolpapers::detail
