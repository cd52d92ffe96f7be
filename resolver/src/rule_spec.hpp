// One source of rules as plain text, before anything is checked: what a
// user's JSON rule file says (rule_json.cpp reads it) or what the built-in
// table says (generated from resolver/rules.json at build time by
// cmake/embed_rule_table.cmake, so a start-up parses no JSON). Both go
// through the same checks into the table (add_rule_source in rule_table.hpp).
//
// Every member is a view: of the parsed JSON while a user file is read, of
// static storage for the built-in table.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

#include "rule.hpp"

namespace coolpapers::detail {

using TextList = std::span<const std::string_view>;

struct FamilySpec {
  std::string_view name;
  std::string_view page;                   // "arxiv" or "venue"
  std::optional<std::string_view> stage;   // "id" (when absent) or "listing"
  std::optional<std::string_view> display;
  // Absent lists keep what an earlier source gave the family.
  std::optional<TextList> page_patterns;
  std::optional<TextList> pdf_patterns;
  std::optional<TextList> content_script_patterns;
};

struct SiteSpec {
  std::string_view name;
  TextList hosts;
  TextList paths;
};

struct RuleSpec {
  std::string_view id;
  std::string_view family;
  std::string_view pattern;
  std::string_view output;
  TextList literals;
  std::optional<std::int64_t> yymm_group;
  std::span<const RuleExample> examples;
};

struct SourceSpec {
  std::span<const FamilySpec> families;
  std::span<const SiteSpec> sites_without_rule;
  std::span<const RuleSpec> rules;
};

// resolver/rules.json, as compiled into the library (the generated
// builtin_rule_table.cpp). Its text lives as long as the program.
const SourceSpec& builtin_rule_spec();

}  // namespace coolpapers::detail
