// The rule table: families in priority order and their rules, loaded from
// the built-in table and any user rule files, immutable once built.
#pragma once

#include <deque>
#include <optional>
#include <string>
#include <vector>

#include "coolpapers/resolver.hpp"
#include "literal_filter.hpp"
#include "rule.hpp"
#include "rule_spec.hpp"

namespace coolpapers::detail {

struct Family {
  std::string name;
  bool arxiv_page = false;  // emits B/arxiv/...; otherwise B/venue/...
  bool listing = false;     // a listing-page fallback, not an id family
  std::string display;      // empty: people see `name`
  // Chrome match patterns for the extension (see FamilyInfo).
  std::vector<std::string> page_patterns;
  std::vector<std::string> pdf_patterns;
  std::vector<std::string> content_script_patterns;
  std::string source;  // "built-in" or the file that last defined it
};

// A paper site none of whose pages holds an id Cool Papers uses: a URL
// there gets a message naming the site and what works instead.
struct SiteWithoutRule {
  std::string name;                // "NeurIPS proceedings"
  std::vector<std::string> hosts;  // lower case; subdomains match too
  std::vector<std::string> paths;  // path prefixes; empty = any path
};

struct RuleTable {
  std::vector<Family> families;                     // priority order
  std::vector<Rule> rules;                          // table order
  std::vector<std::vector<std::size_t>> by_family;  // rule indices per family
  // Per family, the literals of its rules (in the filter), or nullopt when
  // a rule of it has none: a text holding none of them skips the family.
  std::vector<std::optional<std::vector<std::size_t>>> family_literals;
  std::vector<SiteWithoutRule> sites_without_rule;
  LiteralFilter filter;
  bool every_rule_has_literals = true;  // then a text with none can skip all rules

  // True iff a rule of family `f` may match a text whose scan is `present`.
  bool family_may_match(std::size_t f, const LiteralSet& present) const {
    if (!family_literals[f]) return true;
    for (std::size_t i : *family_literals[f])
      if (present.found[i]) return true;
    return false;
  }
  // The examples of user rules and their text, which the rules view (the
  // built-in rules' examples are static). Deques: elements never move.
  std::deque<std::string> user_text;
  std::deque<std::vector<RuleExample>> user_examples;
};

// Checks one source and adds it to `table`: families (a known name is
// redefined: what the source gives replaces, what it leaves out is kept),
// sites without a rule, then rules (a known id is replaced in place). Every
// problem is reported as in a JSON rule file, with its JSON path
// (rules[3].pattern). `builtin`: the source is the built-in table, whose
// text is static and whose patterns are compiled on first use; a user
// source's patterns are compiled now, so errors surface at load.
// Returns a ConfigError iff the source is invalid; `table` is then unusable.
std::optional<ConfigError> add_rule_source(const SourceSpec& spec, std::string_view source_name, bool builtin,
                                           RuleTable& table);

// Builds the table from the built-in rules plus `user_rules` (JSON rule
// files), in order. User patterns are compiled now so errors surface at
// load; built-in ones are compiled on first use (their examples are tested).
// Returns a ConfigError iff any source is invalid; `table` is then unusable.
std::optional<ConfigError> load_rule_table(const std::vector<RuleSource>& user_rules,
                                           RuleTable& table);

}  // namespace coolpapers::detail
