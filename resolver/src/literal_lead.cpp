#include "literal_lead.hpp"

#include <optional>

#include "ascii.hpp"

namespace coolpapers::detail {
namespace {

bool is_plain_literal(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
         std::string_view("/-_@:=,%&~;!").find(c) != std::string_view::npos;
}

// Punctuation that stands for itself once escaped ("\." is a dot; "\d" or
// "\b" are classes and assertions, never part of a lead).
bool is_escapable(char c) {
  return std::string_view(".-/\\[](){}*+?|^$:=,%&~;!@_#'\"<>").find(c) != std::string_view::npos;
}

bool is_quantifier(char c) { return c == '?' || c == '*' || c == '+' || c == '{'; }

// True iff `pattern` has a '|' outside every group and character class, or
// a construct this reader does not follow (POSIX classes, \Q...\E).
bool has_top_level_alternation(std::string_view pattern) {
  if (pattern.find("[:") != std::string_view::npos || pattern.find("\\Q") != std::string_view::npos) return true;
  int depth = 0;
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    char c = pattern[i];
    if (c == '\\') {
      ++i;
    } else if (c == '[') {
      // A class: an initial '^' and ']' are part of it; escapes skip a byte.
      ++i;
      if (i < pattern.size() && pattern[i] == '^') ++i;
      if (i < pattern.size() && pattern[i] == ']') ++i;
      while (i < pattern.size() && pattern[i] != ']') i += pattern[i] == '\\' ? 2 : 1;
    } else if (c == '(') {
      ++depth;
    } else if (c == ')') {
      --depth;
    } else if (c == '|' && depth == 0) {
      return true;
    }
  }
  return false;
}

// The fixed texts every match begins with one of (lower case), or none.
// Letters of a "(?i:...)" group match either case, the others only as
// written; lower-casing both is safe because every anchored try is checked
// by RE2. A group of alternatives ("(?i:aclanthology\.org|aclweb\.org)")
// gives one text per alternative.
std::vector<std::string> leading_texts(std::string_view pattern) {
  if (has_top_level_alternation(pattern)) return {};
  // Appends the literal characters at the start of `part` to `lead` and
  // returns where they end.
  auto read_literals = [](std::string_view part, std::string& lead) {
    std::size_t i = 0;
    while (i < part.size()) {
      char c = part[i];
      if (is_plain_literal(c)) {
        lead.push_back(c);
        ++i;
      } else if (c == '\\' && i + 1 < part.size() && is_escapable(part[i + 1])) {
        lead.push_back(part[i + 1]);
        i += 2;
      } else {
        break;
      }
    }
    return i;
  };
  std::vector<std::string> leads(1);
  if (pattern.starts_with("(?i:")) {
    pattern.remove_prefix(4);
    // Alternatives of literal characters only, up to the group's end, which
    // must not be repeated or optional.
    for (;;) {
      std::size_t end = read_literals(pattern, leads.back());
      if (end >= pattern.size()) return {};
      char after = pattern[end];
      pattern.remove_prefix(end + 1);
      if (after == '|') {
        leads.emplace_back();
        continue;
      }
      if (after != ')' || (!pattern.empty() && is_quantifier(pattern[0]))) return {};
      break;
    }
  }
  // Then literal characters outside any group ("(?i:arxiv\.org)/list/").
  std::string suffix;
  std::size_t end = read_literals(pattern, suffix);
  if (end < pattern.size() && is_quantifier(pattern[end]) && !suffix.empty())
    suffix.pop_back();  // "abc?" begins with "ab"
  for (std::string& lead : leads) {
    lead += suffix;
    // Lower case: the literal scan ignores case, and RE2 checks each try.
    for (char& c : lead) c = static_cast<char>(ascii_lower(static_cast<unsigned char>(c)));
  }
  return leads;
}

// True iff `literal` (lower case, '#' any digit) occurs in `lead` at `at`.
bool literal_at(std::string_view lead, std::size_t at, std::string_view literal) {
  if (at + literal.size() > lead.size()) return false;
  for (std::size_t k = 0; k < literal.size(); ++k) {
    char want = static_cast<char>(ascii_lower(static_cast<unsigned char>(literal[k])));
    char have = lead[at + k];
    if (want == '#' ? !(have >= '0' && have <= '9') : have != want) return false;
  }
  return true;
}

}  // namespace

std::vector<LiteralLead> literal_leads(std::string_view pattern, const std::vector<std::string>& literals) {
  std::vector<LiteralLead> result;
  for (const std::string& lead : leading_texts(pattern)) {
    // The first literal found in this lead, earliest position first.
    std::optional<LiteralLead> found;
    for (std::size_t at = 0; at < lead.size() && !found; ++at)
      for (std::size_t i = 0; i < literals.size() && !found; ++i)
        if (literal_at(lead, at, literals[i])) found = LiteralLead{i, at};
    if (!found) return {};  // a match may begin with text holding no literal
    result.push_back(*found);
  }
  return result;
}

}  // namespace coolpapers::detail
