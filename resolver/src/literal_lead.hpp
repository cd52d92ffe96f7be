// Where a rule's matches start, read from its pattern: when every way
// through the pattern's first bytes holds one of the rule's literals a
// bounded distance from the match's start ("(?i:openreview\.net)/...",
// "10\.24963/...", or "(?:^|[^0-9.]|(?:^|[^0-9])\.)(DDDD\.DDDD...)" with the
// literal "####.####" 0 to 2 bytes in), the literal scan says where the
// leftmost match can start, and the rule is searched from there instead of
// from the text's start: anchored, which saves RE2 the two DFA passes of an
// unanchored search (a forward one to find where the match ends, a reverse
// one to find where it starts).
#pragma once

#include <bitset>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace coolpapers::detail {

// One literal that leads matches: every match that holds it where the
// pattern's first bytes put it starts `min_offset` to `max_offset` bytes
// before it.
struct LiteralLead {
  std::size_t literal;  // index into the rule's literals
  std::size_t min_offset;
  std::size_t max_offset;
};

// What the bytes before a lead's literal may be, for the ways that put it
// `offset` bytes into the match: a match starting at a place where they
// are not is impossible (a necessary condition, not a sufficient one).
struct LeadShape {
  std::size_t offset;
  bool at_text_start = false;  // every such way begins with ^ or \A
  // The bytes allowed at each of the first min(offset, 4) places.
  std::vector<std::bitset<256>> before;
};

struct Leads {
  std::vector<LiteralLead> literals;
  std::vector<LeadShape> shapes;  // one per offset
  bool empty() const { return literals.empty(); }
};

// How far into a match a lead's literal may start (bytes).
inline constexpr std::size_t kMaxLeadOffset = 16;

// The leads of `pattern` (RE2 syntax, read as Latin-1), or none. Every way
// through the pattern's first bytes (each alternative, each fixed count of
// a repetition) is followed byte class by byte class; each must hold one of
// `literals` (lower case, '#' any digit, letters of either case) at most
// kMaxLeadOffset bytes in, where every byte the pattern allows is one the
// literal allows. Then every match holds a lead's literal there. Followed:
// literal characters, escapes, character classes, '.', \C, groups
// "(...)", "(?:...)", "(?i:...)", "(?P<name>...)", alternation, the
// assertions ^ \b \B \A (zero bytes) and the repetitions ? * + {n} {n,}
// {n,m} (a way ends where the count is no longer fixed). Anything else
// gives no leads: this only ever errs towards none.
Leads literal_leads(std::string_view pattern, const std::vector<std::string>& literals);

}  // namespace coolpapers::detail
