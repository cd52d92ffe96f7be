#include "rule_table.hpp"

#include <algorithm>

#include "ascii.hpp"
#include "match_pattern.hpp"
#include "rule_json.hpp"

namespace coolpapers::detail {
namespace {

constexpr std::string_view kBuiltinSource = "built-in rules";
// A family's display name is shown in help texts and lists of sites.
constexpr std::size_t kMaxDisplayBytes = 64;

bool printable_ascii(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) { return c > 32 && c < 127; });
}

// Adds one source's families, sites and rules to the table, checking every
// value, and reports the first problem with its JSON path.
class SourceBuilder {
 public:
  SourceBuilder(std::string_view source_name, bool builtin, RuleTable& table)
      : source_(source_name), builtin_(builtin), table_(table) {}

  std::optional<ConfigError> add(const SourceSpec& spec) {
    // Room for every new item at once: a rule is moved on each reallocation.
    table_.families.reserve(table_.families.size() + spec.families.size());
    table_.sites_without_rule.reserve(table_.sites_without_rule.size() + spec.sites_without_rule.size());
    table_.rules.reserve(table_.rules.size() + spec.rules.size());
    for (std::size_t i = 0; i < spec.families.size(); ++i)
      if (auto e = add_family(spec.families[i], "families[" + std::to_string(i) + "]")) return e;
    for (std::size_t i = 0; i < spec.sites_without_rule.size(); ++i)
      if (auto e = add_site(spec.sites_without_rule[i], "sites_without_rule[" + std::to_string(i) + "]")) return e;
    if (builtin_ && spec.rules.empty()) return fail({}, "no \"rules\"", "rules");
    for (std::size_t i = 0; i < spec.rules.size(); ++i)
      if (auto e = add_rule(spec.rules[i], "rules[" + std::to_string(i) + "]")) return e;
    return std::nullopt;
  }

 private:
  ConfigError fail(std::string_view rule_id, std::string message, std::string offending) const {
    return {std::string(source_), std::string(rule_id), std::move(message), std::move(offending)};
  }

  // Checks a list of Chrome match patterns and copies it to `out`.
  std::optional<ConfigError> set_patterns(TextList list, std::string_view key, const std::string& path,
                                          std::vector<std::string>& out) {
    std::string at = path + "." + std::string(key);
    if (list.size() > kMaxMatchPatternsPerList)
      return fail({}, "at most " + std::to_string(kMaxMatchPatternsPerList) + " patterns per list", at);
    out.clear();
    for (std::size_t i = 0; i < list.size(); ++i) {
      if (std::string error = match_pattern_error(list[i]); !error.empty())
        return fail({}, "not a valid match pattern \"" + std::string(list[i]) + "\": " + error,
                    at + "[" + std::to_string(i) + "]");
      out.emplace_back(list[i]);
    }
    return std::nullopt;
  }

  std::optional<ConfigError> add_family(const FamilySpec& spec, const std::string& path) {
    if (spec.page != "arxiv" && spec.page != "venue")
      return fail({}, "\"page\" must be \"arxiv\" or \"venue\"", path + ".page");
    const std::string_view stage = spec.stage.value_or("id");
    if (stage != "id" && stage != "listing")
      return fail({}, "\"stage\" must be \"id\" or \"listing\"", path + ".stage");
    Family family;
    family.name = spec.name;
    family.arxiv_page = spec.page == "arxiv";
    family.listing = stage == "listing";
    family.source = builtin_ ? "built-in" : std::string(source_);

    auto existing = std::find_if(table_.families.begin(), table_.families.end(),
                                 [&](const Family& f) { return f.name == spec.name; });
    // A later source may redefine a family: what it gives replaces, what it
    // leaves out (display name, patterns) is kept.
    if (existing != table_.families.end()) {
      family.display = existing->display;
      family.page_patterns = existing->page_patterns;
      family.pdf_patterns = existing->pdf_patterns;
      family.content_script_patterns = existing->content_script_patterns;
    }
    if (spec.display) {
      if (spec.display->empty() || spec.display->size() > kMaxDisplayBytes ||
          std::any_of(spec.display->begin(), spec.display->end(),
                      [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7f; }))
        return fail({}, "\"display\" must be a name of 1 to " + std::to_string(kMaxDisplayBytes) +
                            " bytes without control characters",
                    path + ".display");
      family.display = *spec.display;
    }
    if (spec.page_patterns)
      if (auto e = set_patterns(*spec.page_patterns, "page_patterns", path, family.page_patterns)) return e;
    if (spec.pdf_patterns)
      if (auto e = set_patterns(*spec.pdf_patterns, "pdf_patterns", path, family.pdf_patterns)) return e;
    if (spec.content_script_patterns)
      if (auto e = set_patterns(*spec.content_script_patterns, "content_script_patterns", path,
                                family.content_script_patterns))
        return e;
    if (existing != table_.families.end())
      *existing = std::move(family);
    else
      table_.families.push_back(std::move(family));
    return std::nullopt;
  }

  // Non-empty printable ASCII strings, in lower case.
  std::optional<ConfigError> set_ascii_list(TextList list, std::string_view key, const std::string& path,
                                            std::vector<std::string>& out) {
    for (std::string_view item : list) {
      if (item.empty() || !printable_ascii(item))
        return fail({}, "\"" + std::string(key) + "\" holds printable ASCII strings", path + "." + std::string(key));
      std::string lower(item);
      for (char& c : lower) c = static_cast<char>(ascii_lower(static_cast<unsigned char>(c)));
      out.push_back(std::move(lower));
    }
    return std::nullopt;
  }

  std::optional<ConfigError> add_site(const SiteSpec& spec, const std::string& path) {
    SiteWithoutRule site;
    site.name = spec.name;
    if (auto e = set_ascii_list(spec.hosts, "hosts", path, site.hosts)) return e;
    if (site.hosts.empty()) return fail({}, "a site needs at least one host", path + ".hosts");
    if (auto e = set_ascii_list(spec.paths, "paths", path, site.paths)) return e;
    table_.sites_without_rule.push_back(std::move(site));
    return std::nullopt;
  }

  // The examples as the rule will keep them: the built-in table's are
  // static; a user file's are copied into the table.
  std::span<const RuleExample> keep(std::span<const RuleExample> examples) {
    if (builtin_ || examples.empty()) return examples;
    auto text = [this](std::string_view s) -> std::string_view { return table_.user_text.emplace_back(s); };
    std::vector<RuleExample>& kept = table_.user_examples.emplace_back();
    for (const RuleExample& example : examples) {
      RuleExample copy;
      copy.input = text(example.input);
      copy.field = text(example.field);
      if (example.url) copy.url = text(*example.url);
      kept.push_back(copy);
    }
    return kept;
  }

  std::optional<ConfigError> add_rule(const RuleSpec& spec, const std::string& path) {
    const std::string_view id = spec.id;
    auto family = std::find_if(table_.families.begin(), table_.families.end(),
                               [&](const Family& f) { return f.name == spec.family; });
    if (family == table_.families.end())
      return fail(id, "unknown family \"" + std::string(spec.family) + "\" (declare it under \"families\")",
                  path + ".family");
    std::string template_error;
    auto output = parse_template(spec.output, template_error);
    if (!output) return fail(id, template_error, std::string(spec.output));

    int yymm_group = 0;
    if (spec.yymm_group) {
      if (*spec.yymm_group < 1 || *spec.yymm_group > output->max_group)
        return fail(id, "\"yymm_group\" must be the number of a capture group the output uses",
                    path + ".yymm_group");
      yymm_group = static_cast<int>(*spec.yymm_group);
    }
    std::vector<std::string> literals;
    for (std::size_t i = 0; i < spec.literals.size(); ++i) {
      std::string_view literal = spec.literals[i];
      if (!printable_ascii(literal) || literal.find_first_not_of('#') == std::string_view::npos)
        return fail(id, "a literal must be printable ASCII with a character other than '#'",
                    path + ".literals[" + std::to_string(i) + "]");
      literals.emplace_back(literal);
    }
    for (std::size_t i = 0; i < spec.examples.size(); ++i) {
      std::string_view field = spec.examples[i].field;
      if (!field.empty() && !field_from_name(field))
        return fail(id, "unknown field \"" + std::string(field) + "\"",
                    path + ".examples[" + std::to_string(i) + "].field");
    }
    if (std::find(seen_ids_.begin(), seen_ids_.end(), id) != seen_ids_.end())
      return fail(id, "duplicate rule id in one file", path + ".id");
    seen_ids_.push_back(id);

    Rule rule(std::string(id), static_cast<std::size_t>(family - table_.families.begin()), std::string(spec.pattern),
              std::move(*output), std::string(spec.output), std::move(literals),
              builtin_ ? "built-in" : std::string(source_), keep(spec.examples), yymm_group);
    if (!builtin_) {
      std::string offending;
      std::string error = rule.compile_now(offending);
      if (!error.empty()) return fail(id, error, offending);
    }
    auto existing = std::find_if(table_.rules.begin(), table_.rules.end(),
                                 [&](const Rule& r) { return r.id() == id; });
    if (existing != table_.rules.end())
      *existing = std::move(rule);
    else
      table_.rules.push_back(std::move(rule));
    return std::nullopt;
  }

  std::string_view source_;
  bool builtin_;
  RuleTable& table_;
  std::vector<std::string_view> seen_ids_;
};

// Registers every rule's literals and groups rules by family.
std::optional<ConfigError> index_rules(RuleTable& table) {
  table.by_family.assign(table.families.size(), {});
  table.family_literals.assign(table.families.size(), std::vector<std::size_t>());
  for (std::size_t i = 0; i < table.rules.size(); ++i) {
    Rule& rule = table.rules[i];
    table.by_family[rule.family()].push_back(i);
    auto& family_literals = table.family_literals[rule.family()];
    if (rule.literals().empty()) {
      table.every_rule_has_literals = false;
      family_literals.reset();
    }
    rule.literal_indices.clear();
    for (const auto& literal : rule.literals()) {
      if (table.filter.size() >= kMaxLiterals)
        return ConfigError{rule.source(), rule.id(),
                           "too many distinct literals (at most " + std::to_string(kMaxLiterals) + ")",
                           literal};
      const std::size_t index = table.filter.add(literal);
      rule.literal_indices.push_back(index);
      if (family_literals && std::find(family_literals->begin(), family_literals->end(), index) == family_literals->end())
        family_literals->push_back(index);
    }
  }
  return std::nullopt;
}

}  // namespace

std::optional<ConfigError> add_rule_source(const SourceSpec& spec, std::string_view source_name, bool builtin,
                                           RuleTable& table) {
  return SourceBuilder(source_name, builtin, table).add(spec);
}

std::optional<ConfigError> load_rule_table(const std::vector<RuleSource>& user_rules, RuleTable& table) {
  if (auto e = add_rule_source(builtin_rule_spec(), kBuiltinSource, true, table)) return e;
  for (const auto& source : user_rules)
    if (auto e = add_json_rule_source(source, table)) return e;
  return index_rules(table);
}

}  // namespace coolpapers::detail
