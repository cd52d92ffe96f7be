// Where a rule's matches start, read from its pattern: a pattern that
// begins with fixed text holding one of the rule's literals
// ("(?i:openreview\.net)/...", "10\.24963/...") starts every match a fixed
// distance before an occurrence of that literal. The rule can then be run
// anchored at that position, which saves RE2 the two passes of an
// unanchored search (a forward DFA to find where the match ends, a reverse
// one to find where it starts).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace coolpapers::detail {

struct LiteralLead {
  std::size_t literal;  // index into the rule's literals
  std::size_t offset;   // where it starts in every match that begins this way
};

// The leads of `pattern`: one per alternative it may begin with, or none
// when the pattern does not plainly begin with fixed text holding one of
// `literals` (then the rule runs unanchored; this only ever errs towards
// none). Recognised: a pattern that starts with literal characters
// (letters, digits, escaped punctuation and "/-_@:=,%&~;!"), or with a
// group "(?i:...)" of alternatives of only such characters followed by
// such characters, and has no top-level '|'.
std::vector<LiteralLead> literal_leads(std::string_view pattern, const std::vector<std::string>& literals);

}  // namespace coolpapers::detail
