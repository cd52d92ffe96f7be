// The cheap first pass: which rules can possibly match a text.
//
// Running a regular expression costs 60-290 ns even on a short text, so a
// rule names literals, one of which must occur in the text for its pattern
// to run at all (a host name such as "openreview.net", a shape such as
// "####.####"). LiteralFilter finds every literal of every rule in one pass
// over the text, so a typical input costs one or two regex calls.
#pragma once

#include <array>
#include <bitset>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace coolpapers::detail {

// Upper bound on distinct literals in a rule table (checked at load).
inline constexpr std::size_t kMaxLiterals = 512;

// Which literals occur in a text, and where the first and the last
// occurrence of each starts (valid only where `found` is set), so a rule
// that already matched can tell whether another match is still possible
// further on, and a rule run anchored knows where to try first.
struct LiteralSet {
  std::bitset<kMaxLiterals> found;
  std::array<std::size_t, kMaxLiterals> first_start;
  std::array<std::size_t, kMaxLiterals> last_start;
};

// The start of the first occurrence of `literal` (lower case, '#' any
// digit, matched as the filter does) in `text` at or after `from`, or npos.
std::size_t find_literal(std::string_view text, std::size_t from, std::string_view literal);

class LiteralFilter {
 public:
  // Returns the literal's index, adding it if new. Literals are ASCII,
  // matched case-insensitively; '#' matches any ASCII digit.
  // REQUIRES: literal is non-empty, holds a character other than '#', and
  // fewer than kMaxLiterals literals were added.
  std::size_t add(std::string_view literal);
  std::size_t size() const { return literals_.size(); }

  // Records in `found` every literal that occurs in `text` and the starts
  // of its first and last occurrences.
  void scan(std::string_view text, LiteralSet& found) const;

 private:
  struct Literal {
    std::string text;   // lower case
    std::size_t masks;  // where its masks start in masks_
  };
  // Candidates are found by two adjacent characters of a literal (its
  // "anchor" pair, the rarest one), so the scan verifies few positions:
  // a single character such as '/' or 'p' occurs several times in every
  // URL, a pair such as "/#" or "vi" rarely does.
  struct Probe {
    std::uint32_t literal;
    std::uint32_t offset;      // of the pair's first character in the literal
    std::uint32_t same_first;  // 1 + the index of the next probe for the same first byte, or 0
    // The bytes (lower case) the pair's second character stands for: from
    // next_low to next_low + next_span ('#': the digits; a one-character
    // literal: any byte, 0 for the text's end too).
    unsigned char next_low;
    unsigned char next_span;
  };
  // The probes whose pair starts at text position `at` (its first byte,
  // with the lower-cased byte after it) are verified there.
  void verify_at(std::string_view text, std::size_t at, LiteralSet& found) const;
  // Whether `literal` occurs in `text` at `start`.
  bool occurs_at(const Literal& literal, std::string_view text, std::size_t start) const;

  std::vector<Literal> literals_;
  // Each literal as three masks for comparing eight bytes of text at a
  // time (which costs less than a loop over the bytes), each
  // max(8, size of the literal) bytes long, zeros past the literal's end:
  // `want` is the literal with '0' for '#'; `care` the bits that must equal
  // `want` (0xDF for a letter: all but its case bit; 0xFF for other bytes;
  // 0 for '#'); `digit` 0xFF where the literal holds '#'. One string for
  // all, as the host builds the filter at every start.
  std::string masks_;
  // For each byte (both cases of a letter), the probes whose pair starts
  // with it: a chain through `same_first` from first_probe_ (1 + index in
  // probes_, or 0). One vector for all, as the host builds the filter at
  // every start.
  std::vector<Probe> probes_;
  std::array<std::uint32_t, 256> first_probe_{};
  // One bit per pair of bytes (read as one 16-bit number, pair_of() in
  // the .cpp), set iff some probe's pair can be those two bytes (both
  // cases of a letter, every digit for '#'; any second byte for a
  // one-character literal, where second 0 also stands for the text's end),
  // so the scan costs one 16-bit load and one bit test per byte and
  // verifies probes only where a pair occurs. 8 KiB, allocated by the
  // first add(): zeroing it costs a few hundred instructions at start-up.
  std::vector<std::uint64_t> pair_bits_;
};

}  // namespace coolpapers::detail
