#include "literal_filter.hpp"

#include <algorithm>
#include <array>
#include <cassert>
#include <cstdlib>
#include <cstring>
#include <new>
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

// One table entry per pair of bytes.
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

// A byte with the bit set that tells a lower-case letter from an upper-
// case one: one instruction where the scan checks a byte at every
// candidate. Equal for the two cases of a letter and for equal bytes, so
// a check of these can only let through more than a check of the bytes.
unsigned char case_bit_set(unsigned char c) { return static_cast<unsigned char>(c | 0x20); }

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
  constexpr std::uint64_t kLow7 = 0x7F7F7F7F7F7F7F7F;
  constexpr std::uint64_t kTo128 = 0x7676767676767676;  // 0x76 + 9 = 0x7F
  const std::uint64_t diff = word_at(at) ^ word_at(want);
  // Where the literal holds '#', diff is the text's byte XOR '0', at most
  // 9 iff the byte is a digit: else bit 7 of the byte or of its low seven
  // bits plus 0x76 (which cannot carry into the next byte) is set.
  const std::uint64_t wrong = (diff & word_at(care)) | ((diff | ((diff & kLow7) + kTo128)) & word_at(digit));
  return wrong == 0;
}

// The size of each of a literal's masks.
std::size_t mask_size(std::size_t literal_size) { return std::max<std::size_t>(literal_size, 8); }

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

namespace {

// The rarity (lower = rarer, pair_rarity()) of a pair with one byte past
// either end of the literal, which is any byte: about as common as its
// other character alone, so chosen only where the literal has no pair of
// its own of that parity, or only pairs of two '#' (any two digits). For
// "/#######" the pair of any byte and '/' (with the digit after checked
// first) costs fewer instructions per page URL than "##", which every
// arXiv id holds several times.
constexpr int kAnyByte = 5000;

// How rare the literal's pair at `offset` is (-1 to size - 1, a byte past
// either end standing for any byte), as the scan looks for pairs: the sum
// of its two characters' commonness. A pair every URL holds ranks after
// every other pair of two characters, and a pair of two '#' after them all.
int pair_rarity(std::string_view literal, int offset) {
  if (offset < 0) return kAnyByte + kCommonness[static_cast<unsigned char>(literal.front())];
  const auto a = static_cast<unsigned char>(literal[static_cast<std::size_t>(offset)]);
  if (static_cast<std::size_t>(offset) + 1 == literal.size()) return kAnyByte + kCommonness[a];
  const auto b = static_cast<unsigned char>(literal[static_cast<std::size_t>(offset) + 1]);
  return (a == '#' && b == '#' ? 10000 : 0) + (is_url_pair(a, b) ? 1000 : 0) + kCommonness[a] + kCommonness[b];
}

// The offset (-1 to size - 1) of the literal's rarest pair whose offset
// has the parity `odd` (the first of equal ones).
int rarest_pair(std::string_view literal, bool odd) {
  int best = odd ? -1 : 0;
  const int last = static_cast<int>(literal.size()) - 1;
  for (int offset = best + 2; offset <= last; offset += 2)
    if (pair_rarity(literal, offset) < pair_rarity(literal, best)) best = offset;
  return best;
}

// Records an occurrence of `literal` at `start`. Occurrences come in
// nearly increasing order, but those of one literal found through its two
// anchors may not (LiteralFilter::Probe), hence min and max.
void record(LiteralSet& found, std::size_t literal, std::size_t start) {
  if (!found.found[literal]) {
    found.found[literal] = true;
    found.first_start[literal] = start;
    found.last_start[literal] = start;
    return;
  }
  found.first_start[literal] = std::min(found.first_start[literal], start);
  found.last_start[literal] = std::max(found.last_start[literal], start);
}

}  // namespace

std::size_t LiteralFilter::add(std::string_view literal) {
  std::string text(literal);
  for (char& c : text) c = static_cast<char>(ascii_lower(static_cast<unsigned char>(c)));
  for (std::size_t i = 0; i < literals_.size(); ++i)
    if (literals_[i].text == text) return i;
  assert(literals_.size() < kMaxLiterals);

  const std::size_t index = literals_.size();
  const std::size_t size = mask_size(text.size()), masks = masks_.size();
  masks_.resize(masks + 3 * size);  // zeros
  char* want = masks_.data() + masks;
  char* care = want + size;
  char* digit = care + size;
  for (std::size_t k = 0; k < text.size(); ++k) {
    const char c = text[k];
    want[k] = c == '#' ? '0' : c;
    care[k] = c == '#' ? '\x00' : c >= 'a' && c <= 'z' ? '\xDF' : '\xFF';
    digit[k] = c == '#' ? '\x80' : '\x00';
  }
  if (!pair_table_) {
    // calloc, not a vector: it clears only the part of the block that
    // was not fresh from the system (zero already), which halves the cost
    // of zeroing at host start (30,000 instructions instead of 63,000).
    pair_table_.reset(static_cast<unsigned char*>(std::calloc(kPairCount, 1)));
    if (!pair_table_) throw std::bad_alloc();
    probes_.emplace_back();  // index 0 ends a group
  }
  add_anchor(index, text, masks, rarest_pair(text, false));
  add_anchor(index, text, masks, rarest_pair(text, true));
  literals_.push_back({std::move(text), masks});
  return index;
}

void LiteralFilter::add_anchor(std::size_t index, const std::string& text, std::size_t masks, int offset) {
  // The bytes the literal's character at `k` stands for, or every byte
  // past its ends.
  auto bytes_at = [&](int k) {
    ByteSet set;
    if (k < 0 || static_cast<std::size_t>(k) >= text.size()) {
      for (unsigned c = 0; c < 256; ++c) set.bytes[set.size++] = static_cast<unsigned char>(c);
      return set;
    }
    for_each_byte(static_cast<unsigned char>(text[static_cast<std::size_t>(k)]),
                  [&](unsigned char c) { set.bytes[set.size++] = c; });
    return set;
  };
  const auto after = static_cast<std::size_t>(offset + 2);
  Probe probe{static_cast<std::uint32_t>(index), static_cast<std::uint32_t>(masks),
              static_cast<std::uint32_t>(text.size()), static_cast<std::uint32_t>(mask_size(text.size())),
              offset, 0, 0, 255};
  if (after < text.size()) {
    const auto c = static_cast<unsigned char>(text[after]);
    probe.after_low = c == '#' ? '0' : case_bit_set(c);  // the digits have the bit set
    probe.after_span = c == '#' ? 9 : 0;
  }
  add_to_groups(bytes_at(offset), bytes_at(offset + 1), probe);
}

void LiteralFilter::add_to_groups(const ByteSet& firsts, const ByteSet& seconds, Probe probe) {
  auto for_each_pair = [&](auto&& f) {
    for (std::size_t i = 0; i < firsts.size; ++i)
      for (std::size_t j = 0; j < seconds.size; ++j) f(pair_table_[pair_of(firsts.bytes[i], seconds.bytes[j])]);
  };
  // How many of the pairs each group holds; those with any, the first
  // `groups` of `listed`; where each of those moves them. Only the
  // entries of groups there are initialized, as the host adds 40 anchors
  // at every start.
  std::array<std::uint32_t, 256> touched;
  std::fill_n(touched.begin(), groups_, 0);
  std::array<unsigned char, 256> listed, moved_to;
  std::size_t groups = 0;
  for_each_pair([&](unsigned char group) {
    if (touched[group]++ == 0) listed[groups++] = group;
  });
  for (std::size_t k = 0; k < groups; ++k) {
    const unsigned group = listed[k];
    probe.next = group_heads_[group];
    const auto head = static_cast<std::uint32_t>(probes_.size());
    probes_.push_back(probe);
    if (group != 0 && touched[group] == group_pairs_[group]) {
      // Every pair of the group gets the probe: it stays.
      group_heads_[group] = head;
      moved_to[group] = static_cast<unsigned char>(group);
    } else if (groups_ < group_heads_.size()) {
      moved_to[group] = static_cast<unsigned char>(groups_);
      group_heads_[groups_] = head;
      group_pairs_[groups_++] = touched[group];
      if (group != 0) group_pairs_[group] -= touched[group];  // group 0 is not counted
    } else {
      // No group left: the probe joins the whole group (the last for
      // pairs in none), where it is verified at more pairs than its own.
      const unsigned joined = group != 0 ? group : 255;
      probes_.back().next = group_heads_[joined];
      group_heads_[joined] = head;
      group_pairs_[joined] += group != 0 ? 0 : touched[group];
      moved_to[group] = static_cast<unsigned char>(joined);
    }
  }
  for_each_pair([&](unsigned char& group) { group = moved_to[group]; });
}

bool LiteralFilter::occurs_near_end(const Probe& probe, std::string_view text, std::size_t start) const {
  if (start + probe.size > text.size()) return false;
  return matches_at(text, start, literals_[probe.literal].text);
}

bool LiteralFilter::occurs_past_word(const Probe& probe, const unsigned char* at) const {
  const std::size_t size = probe.span;
  const auto* want = reinterpret_cast<const unsigned char*>(masks_.data()) + probe.masks;
  const auto* care = want + size;
  const auto* digit = care + size;
  // Words at 8, 16, ... and the last eight bytes (overlapping the word
  // before), so every byte is compared.
  for (std::size_t k = std::min<std::size_t>(8, size - 8);; k = std::min(k + 8, size - 8)) {
    if (!word_matches(at + k, want + k, care + k, digit + k)) return false;
    if (k + 8 == size) return true;
  }
}

inline bool LiteralFilter::occurs_at(const Probe& probe, std::string_view text, std::size_t start) const {
  const std::size_t size = probe.span;
  // A literal shorter than a word, too near the text's end to read one.
  if (start + size > text.size()) return occurs_near_end(probe, text, start);
  const auto* at = reinterpret_cast<const unsigned char*>(text.data()) + start;
  const auto* want = reinterpret_cast<const unsigned char*>(masks_.data()) + probe.masks;
  // Most candidates fail in their first word.
  if (!word_matches(at, want, want + size, want + 2 * size)) return false;
  return size == 8 || occurs_past_word(probe, at);
}

inline void LiteralFilter::verify_at(std::string_view text, std::size_t at, unsigned char group,
                                     LiteralSet& found) const {
  const Probe* probes = probes_.data();
  // The byte after the pair (case_bit_set()), 0 past the text's end.
  const unsigned char after = at + 2 < text.size() ? case_bit_set(static_cast<unsigned char>(text[at + 2])) : 0;
  // Not 0: the group is not (scan() verifies none there), so it holds a probe.
  std::uint32_t i = group_heads_[group];
  do {
    const Probe& probe = probes[i];
    i = probe.next;
    if (static_cast<unsigned char>(after - probe.after_low) > probe.after_span) continue;
    const auto start = static_cast<std::ptrdiff_t>(at) - probe.offset;
    if (start < 0) continue;
    if (occurs_at(probe, text, static_cast<std::size_t>(start)))
      record(found, probe.literal, static_cast<std::size_t>(start));
  } while (i != 0);
}

namespace {

// The first even position from `at` (even) on whose pair of bytes is
// listed in `table`, or the first even one at or past `last`, the text's
// last byte. Four pairs per round, for fewer loop branches.
std::size_t next_candidate(const unsigned char* bytes, const unsigned char* table, std::size_t at, std::size_t last) {
  auto listed = [&](std::size_t i) { return table[pair_at(bytes + i)] != 0; };
  for (; at + 6 < last; at += 8) {
    if (listed(at)) return at;
    if (listed(at + 2)) return at + 2;
    if (listed(at + 4)) return at + 4;
    if (listed(at + 6)) return at + 6;
  }
  for (; at < last; at += 2)
    if (listed(at)) return at;
  return at;
}

}  // namespace

void LiteralFilter::scan(std::string_view text, LiteralSet& found) const {
  found.found.reset();
  if (text.empty() || !pair_table_) return;
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  const unsigned char* table = pair_table_.get();
  // The pairs at even positions (every anchor pair of an occurrence of one
  // parity, add()), then, if the text's size is odd, the last byte with
  // the text's end.
  const std::size_t last = text.size() - 1;
  std::size_t at = 0;
  while ((at = next_candidate(bytes, table, at, last)) < last) {
    verify_at(text, at, table[pair_at(bytes + at)], found);
    at += 2;
  }
  if (at != last) return;
  if (const unsigned char group = table[pair_of(bytes[last], 0)]; group != 0) verify_at(text, last, group, found);
}

}  // namespace coolpapers::detail
