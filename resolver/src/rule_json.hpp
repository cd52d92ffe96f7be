// A user's rule file, in the JSON format of resolver/rules.json (described
// in docs/resolution.md), read strictly and added to a rule table.
#pragma once

#include <optional>

#include "coolpapers/resolver.hpp"
#include "rule_table.hpp"

namespace coolpapers::detail {

// Parses `source.json`, checks its shape (a JSON object with the known keys
// only, each value of the right type; a user file may not set a family's
// content_script_patterns) and adds what it says to `table` with
// add_rule_source(). Returns a ConfigError naming `source.name` and the
// JSON path of the first problem iff the file is invalid.
std::optional<ConfigError> add_json_rule_source(const RuleSource& source, RuleTable& table);

}  // namespace coolpapers::detail
