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
#include <cstdlib>
#include <memory>
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
  // Candidates are found by two adjacent characters of a literal (an
  // "anchor" pair, a rare one), so the scan verifies few positions: a
  // single character such as '/' or 'p' occurs several times in every URL,
  // a pair such as "/#" or "vi" rarely does. The scan looks up the pair
  // only at every other text position (0, 2, 4, ...), which halves its
  // cost per byte, so each literal has two anchors, at offsets of opposite
  // parity: whichever parity an occurrence starts at, one of its two
  // anchor pairs starts at an even position. An anchor may reach one byte
  // past either end of the literal (offset -1: any byte, then the
  // literal's first character; offset size - 1: its last character, then
  // any byte), which gives a literal of one or two characters a second
  // anchor. Each literal's anchors are its rarest pair of each parity, a
  // pair past its ends ranking after every pair of its own but one of two
  // '#' (add()). An occurrence is found through one anchor only, but those
  // of one literal may come out of order (through its two anchors), so
  // the first and last starts are kept as a minimum and a maximum.
  struct Probe {
    std::uint32_t literal;
    std::uint32_t masks;  // Literal::masks of the literal
    std::uint32_t size;   // of the literal
    std::uint32_t span;   // of each of its masks: max(8, size)
    std::int32_t offset;  // of the pair's first character in the literal (-1 to size - 1)
    std::uint32_t next;   // the index of the next probe in the same group, or 0
    // The bytes the literal's character after the pair stands for, with
    // bit 0x20 set (case_bit_set() in the .cpp): from after_low to
    // after_low + after_span ('#': the digits; past the literal's end:
    // any byte, 0 for the text's end too). A check of one byte that most
    // false candidates fail (a '/' that no digit follows), before the
    // literal's first word.
    unsigned char after_low;
    unsigned char after_span;
  };
  // Adds the probe of literal `index` (lower case `text`) for its anchor
  // at `offset` to the groups of its pairs (pair_table_).
  void add_anchor(std::size_t index, const std::string& text, std::size_t masks, int offset);
  // Distinct bytes.
  struct ByteSet {
    std::array<unsigned char, 256> bytes;
    std::size_t size = 0;
  };
  // Adds `probe` to the group of each pair of one of `firsts` and one of
  // `seconds`, which then holds the same probes as before and `probe`: a
  // group all of whose pairs are among them gets the probe, one with
  // others too moves those among them to a new group.
  void add_to_groups(const ByteSet& firsts, const ByteSet& seconds, Probe probe);
  // The probes of `group` (not 0), that of the pair at text position
  // `at`, are verified there. (Inlined into scan(), like occurs_at(): called at
  // every candidate.)
  [[gnu::always_inline]] void verify_at(std::string_view text, std::size_t at, unsigned char group,
                                        LiteralSet& found) const;
  // Whether the literal of `probe` occurs in `text` at `start`: its first
  // word, then the rest out of line.
  [[gnu::always_inline]] bool occurs_at(const Probe& probe, std::string_view text, std::size_t start) const;
  // The same, where a word from `start` does not fit in the text.
  bool occurs_near_end(const Probe& probe, std::string_view text, std::size_t start) const;
  // Whether the literal's bytes past its first word match those at `at`.
  bool occurs_past_word(const Probe& probe, const unsigned char* at) const;

  std::vector<Literal> literals_;
  // Each literal as three masks for comparing eight bytes of text at a
  // time (which costs less than a loop over the bytes), each
  // max(8, size of the literal) bytes long, zeros past the literal's end:
  // `want` is the literal with '0' for '#'; `care` the bits that must equal
  // `want` (0xDF for a letter: all but its case bit; 0xFF for other bytes;
  // 0 for '#'); `digit` 0x80 where the literal holds '#' (the bit the
  // digit test sets in a byte that is not one). One string for all, as the
  // host builds the filter at every start.
  std::string masks_;
  // The probes by the pairs of bytes they are anchored on, in groups: a
  // pair's group holds every probe whose pair can be those two bytes
  // (both cases of a letter, every digit for '#', every byte past a
  // literal's end, where second 0 also stands for the text's end), so a
  // candidate visits only probes whose pair is there (chains by the first
  // byte visited nearly twice as many). Pairs with the same probes share a
  // group: group_heads_[g] is the first probe of group g, an index in
  // probes_ (whose element 0 is no probe but ends every group), its others
  // follow through `next`; group 0 is empty. Groups share their tails. At
  // most 255 groups: past that, a probe joins groups whole, which costs
  // only time (a probe verifies its whole literal, so one verified at a
  // pair not its own finds only true occurrences). One vector of probes,
  // as the host builds the filter at every start.
  std::vector<Probe> probes_;
  std::array<std::uint32_t, 256> group_heads_{};
  std::array<std::uint32_t, 256> group_pairs_{};  // how many pairs are in each group
  std::size_t groups_ = 1;                        // how many are in use
  // One byte per pair of bytes (indexed by them read as one 16-bit
  // number, pair_of() in the .cpp): the pair's group, 0 if no probe's
  // pair can be those bytes, so the scan costs one 16-bit load and one
  // byte test per two bytes (a bit table costs twice the instructions)
  // and verifies probes only where a pair occurs. 64 KiB, allocated
  // (zeroed) by the first add().
  struct Free {
    void operator()(unsigned char* table) const { std::free(table); }
  };
  std::unique_ptr<unsigned char[], Free> pair_table_;
};

}  // namespace coolpapers::detail
