#include "rule_table.hpp"

#include <boost/json/monotonic_resource.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>

#include <algorithm>
#include <initializer_list>

#include "ascii.hpp"
#include "match_pattern.hpp"

namespace coolpapers::detail {
namespace json = boost::json;
namespace {

constexpr std::string_view kBuiltinSource = "built-in rules";
// A family's display name is shown in help texts and lists of sites.
constexpr std::size_t kMaxDisplayBytes = 64;
// First block of the arena a source's JSON is parsed into; the built-in
// table's tree takes about as much, larger files make it grow. (128 KiB
// would come from mmap, fresh pages: more page faults than it saves.)
constexpr std::size_t kArenaBytes = 64 * 1024;

// Reads one source's JSON into the table, reporting the first problem with
// its place (a JSON path such as rules[3].pattern).
class SourceReader {
 public:
  SourceReader(std::string_view source_name, bool builtin, RuleTable& table)
      : source_(source_name), builtin_(builtin), table_(table) {}

  std::optional<ConfigError> read(std::string_view text) {
    json::error_code ec;
    // The parsed tree lives only while this source is read: allocating it
    // from one growing arena and dropping the arena at once costs a fraction
    // of a malloc and free per node (the host parses the built-in table on
    // every start).
    json::monotonic_resource arena(kArenaBytes);
    json::value root = json::parse(text, ec, &arena);
    if (ec) return fail({}, "not valid JSON: " + ec.message(), {});
    const json::object* top = root.if_object();
    if (!top) return fail({}, "the rule file must be a JSON object", {});
    if (auto e = only_keys(*top, {"schema", "about", "families", "rules", "sites_without_rule"}, "")) return e;
    if (const json::value* schema = top->if_contains("schema");
        schema && !(schema->is_int64() && schema->as_int64() == 1))
      return fail({}, "unsupported schema (this version reads schema 1)", "schema");

    if (const json::value* families = top->if_contains("families")) {
      const json::array* list = families->if_array();
      if (!list) return fail({}, "\"families\" must be an array", "families");
      for (std::size_t i = 0; i < list->size(); ++i)
        if (auto e = read_family((*list)[i], "families[" + std::to_string(i) + "]")) return e;
    }
    if (const json::value* sites = top->if_contains("sites_without_rule")) {
      const json::array* list = sites->if_array();
      if (!list) return fail({}, "\"sites_without_rule\" must be an array", "sites_without_rule");
      for (std::size_t i = 0; i < list->size(); ++i)
        if (auto e = read_site((*list)[i], "sites_without_rule[" + std::to_string(i) + "]")) return e;
    }
    const json::value* rules = top->if_contains("rules");
    if (!rules) {
      if (builtin_) return fail({}, "no \"rules\"", "rules");
      return std::nullopt;
    }
    const json::array* list = rules->if_array();
    if (!list) return fail({}, "\"rules\" must be an array", "rules");
    for (std::size_t i = 0; i < list->size(); ++i)
      if (auto e = read_rule((*list)[i], "rules[" + std::to_string(i) + "]")) return e;
    return std::nullopt;
  }

 private:
  ConfigError fail(std::string rule_id, std::string message, std::string offending) const {
    return {std::string(source_), std::move(rule_id), std::move(message), std::move(offending)};
  }

  std::optional<ConfigError> only_keys(const json::object& object,
                                       std::initializer_list<std::string_view> allowed,
                                       const std::string& path, const std::string& rule_id = {}) {
    for (const auto& member : object)
      if (std::find(allowed.begin(), allowed.end(), std::string_view(member.key())) == allowed.end())
        return fail(rule_id, "unknown key \"" + std::string(member.key()) + "\"",
                    path.empty() ? std::string(member.key()) : path + "." + std::string(member.key()));
    return std::nullopt;
  }

  // Reads object[key] as a string; `required` says whether it may be absent.
  std::optional<ConfigError> get_string(const json::object& object, std::string_view key,
                                        bool required, const std::string& path,
                                        const std::string& rule_id, std::string& out) {
    const json::value* v = object.if_contains(key);
    if (!v) return required ? std::optional(fail(rule_id, "missing \"" + std::string(key) + "\"",
                                                 path + "." + std::string(key)))
                            : std::nullopt;
    const json::string* s = v->if_string();
    if (!s || (required && s->empty()))
      return fail(rule_id, "\"" + std::string(key) + "\" must be a non-empty string",
                  path + "." + std::string(key));
    out.assign(s->data(), s->size());
    return std::nullopt;
  }

  // Reads object[key], if present, as a list of Chrome match patterns.
  std::optional<ConfigError> read_patterns(const json::object& object, std::string_view key,
                                           const std::string& path, std::vector<std::string>& out) {
    const json::value* v = object.if_contains(key);
    if (!v) return std::nullopt;
    std::string at = path + "." + std::string(key);
    const json::array* list = v->if_array();
    if (!list) return fail({}, "\"" + std::string(key) + "\" must be an array of match patterns", at);
    if (list->size() > kMaxMatchPatternsPerList)
      return fail({}, "at most " + std::to_string(kMaxMatchPatternsPerList) + " patterns per list", at);
    out.clear();
    for (std::size_t i = 0; i < list->size(); ++i) {
      std::string item = at + "[" + std::to_string(i) + "]";
      const json::string* s = (*list)[i].if_string();
      if (!s) return fail({}, "a match pattern must be a string", item);
      std::string_view pattern(s->data(), s->size());
      if (std::string error = match_pattern_error(pattern); !error.empty())
        return fail({}, "not a valid match pattern \"" + std::string(pattern) + "\": " + error, item);
      out.emplace_back(pattern);
    }
    return std::nullopt;
  }

  std::optional<ConfigError> read_family(const json::value& value, const std::string& path) {
    const json::object* object = value.if_object();
    if (!object) return fail({}, "a family must be an object", path);
    if (auto e = only_keys(*object,
                           {"name", "display", "page", "stage", "doc", "page_patterns", "pdf_patterns",
                            "content_script_patterns"},
                           path))
      return e;
    // The extension's manifest is generated from the built-in table at build
    // time; a user file cannot change where its content script runs.
    if (!builtin_ && object->contains("content_script_patterns"))
      return fail({}, "\"content_script_patterns\" is only read from the built-in table "
                      "(the extension's content script is fixed when it is built); remove it, "
                      "\"page_patterns\" gives the page menu",
                  path + ".content_script_patterns");
    Family family;
    std::string page, stage = "id";
    if (auto e = get_string(*object, "name", true, path, {}, family.name)) return e;
    if (auto e = get_string(*object, "page", true, path, {}, page)) return e;
    if (auto e = get_string(*object, "stage", false, path, {}, stage)) return e;
    if (page != "arxiv" && page != "venue")
      return fail({}, "\"page\" must be \"arxiv\" or \"venue\"", path + ".page");
    if (stage != "id" && stage != "listing")
      return fail({}, "\"stage\" must be \"id\" or \"listing\"", path + ".stage");
    family.arxiv_page = page == "arxiv";
    family.listing = stage == "listing";
    family.source = builtin_ ? "built-in" : std::string(source_);

    auto existing = std::find_if(table_.families.begin(), table_.families.end(),
                                 [&](const Family& f) { return f.name == family.name; });
    // A user file may redefine a family: what it gives replaces, what it
    // leaves out (display name, patterns) is kept.
    if (existing != table_.families.end()) {
      family.display = existing->display;
      family.page_patterns = existing->page_patterns;
      family.pdf_patterns = existing->pdf_patterns;
      family.content_script_patterns = existing->content_script_patterns;
    }
    if (auto e = get_string(*object, "display", false, path, {}, family.display)) return e;
    if (object->contains("display") &&
        (family.display.empty() || family.display.size() > kMaxDisplayBytes ||
         std::any_of(family.display.begin(), family.display.end(),
                     [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7f; })))
      return fail({}, "\"display\" must be a name of 1 to " + std::to_string(kMaxDisplayBytes) +
                          " bytes without control characters",
                  path + ".display");
    if (auto e = read_patterns(*object, "page_patterns", path, family.page_patterns)) return e;
    if (auto e = read_patterns(*object, "pdf_patterns", path, family.pdf_patterns)) return e;
    if (auto e = read_patterns(*object, "content_script_patterns", path, family.content_script_patterns))
      return e;
    if (existing != table_.families.end())
      *existing = std::move(family);
    else
      table_.families.push_back(std::move(family));
    return std::nullopt;
  }

  // Reads object[key], an array of non-empty printable ASCII strings, in
  // lower case.
  std::optional<ConfigError> get_ascii_list(const json::object& object, std::string_view key, const std::string& path,
                                            std::vector<std::string>& out) {
    const json::value* v = object.if_contains(key);
    if (!v) return std::nullopt;
    const json::array* list = v->if_array();
    std::string at = path + "." + std::string(key);
    if (!list) return fail({}, "\"" + std::string(key) + "\" must be an array of strings", at);
    for (const json::value& item : *list) {
      const json::string* s = item.if_string();
      if (!s || s->empty() || !std::all_of(s->begin(), s->end(), [](char c) { return c > 32 && c < 127; }))
        return fail({}, "\"" + std::string(key) + "\" holds printable ASCII strings", at);
      std::string lower(s->data(), s->size());
      for (char& c : lower) c = static_cast<char>(ascii_lower(static_cast<unsigned char>(c)));
      out.push_back(std::move(lower));
    }
    return std::nullopt;
  }

  std::optional<ConfigError> read_site(const json::value& value, const std::string& path) {
    const json::object* object = value.if_object();
    if (!object) return fail({}, "a site must be an object", path);
    if (auto e = only_keys(*object, {"name", "hosts", "paths", "doc"}, path)) return e;
    SiteWithoutRule site;
    if (auto e = get_string(*object, "name", true, path, {}, site.name)) return e;
    if (auto e = get_ascii_list(*object, "hosts", path, site.hosts)) return e;
    if (site.hosts.empty()) return fail({}, "a site needs at least one host", path + ".hosts");
    if (auto e = get_ascii_list(*object, "paths", path, site.paths)) return e;
    table_.sites_without_rule.push_back(std::move(site));
    return std::nullopt;
  }

  std::optional<ConfigError> read_examples(const json::object& object, const std::string& path,
                                           const std::string& id, std::vector<RuleExample>& out) {
    const json::value* v = object.if_contains("examples");
    if (!v) return std::nullopt;
    const json::array* list = v->if_array();
    if (!list) return fail(id, "\"examples\" must be an array", path + ".examples");
    for (std::size_t i = 0; i < list->size(); ++i) {
      std::string at = path + ".examples[" + std::to_string(i) + "]";
      const json::object* example = (*list)[i].if_object();
      if (!example) return fail(id, "an example must be an object", at);
      if (auto e = only_keys(*example, {"input", "url", "field"}, at, id)) return e;
      RuleExample parsed;
      if (auto e = get_string(*example, "input", true, at, id, parsed.input)) return e;
      std::string field;
      if (auto e = get_string(*example, "field", false, at, id, field)) return e;
      if (!field.empty()) {
        if (!field_from_name(field)) return fail(id, "unknown field \"" + field + "\"", at + ".field");
        parsed.field = field;
      }
      const json::value* url = example->if_contains("url");
      if (!url || !(url->is_null() || url->is_string()))
        return fail(id, "\"url\" must be the expected URL or null (no answer)", at + ".url");
      if (url->is_string()) parsed.url = std::string(url->as_string());
      out.push_back(std::move(parsed));
    }
    return std::nullopt;
  }

  std::optional<ConfigError> read_literals(const json::object& object, const std::string& path,
                                           const std::string& id, std::vector<std::string>& out) {
    const json::value* v = object.if_contains("literals");
    if (!v) return std::nullopt;
    const json::array* list = v->if_array();
    if (!list) return fail(id, "\"literals\" must be an array of strings", path + ".literals");
    for (std::size_t i = 0; i < list->size(); ++i) {
      std::string at = path + ".literals[" + std::to_string(i) + "]";
      const json::string* s = (*list)[i].if_string();
      bool printable_ascii = s && std::all_of(s->begin(), s->end(), [](char c) { return c > 32 && c < 127; });
      if (!s || !printable_ascii || s->find_first_not_of("#") == json::string::npos)
        return fail(id, "a literal must be printable ASCII with a character other than '#'", at);
      out.emplace_back(s->data(), s->size());
    }
    return std::nullopt;
  }

  std::optional<ConfigError> read_rule(const json::value& value, const std::string& path) {
    const json::object* object = value.if_object();
    if (!object) return fail({}, "a rule must be an object", path);
    std::string id;
    if (auto e = get_string(*object, "id", true, path, {}, id)) return e;
    if (auto e = only_keys(*object, {"id", "family", "doc", "literals", "pattern", "output", "yymm_group", "examples"},
                           path, id))
      return e;
    std::string family_name, pattern, output_text;
    if (auto e = get_string(*object, "family", true, path, id, family_name)) return e;
    if (auto e = get_string(*object, "pattern", true, path, id, pattern)) return e;
    if (auto e = get_string(*object, "output", true, path, id, output_text)) return e;

    auto family = std::find_if(table_.families.begin(), table_.families.end(),
                               [&](const Family& f) { return f.name == family_name; });
    if (family == table_.families.end())
      return fail(id, "unknown family \"" + family_name + "\" (declare it under \"families\")",
                  path + ".family");
    std::string template_error;
    auto output = parse_template(output_text, template_error);
    if (!output) return fail(id, template_error, output_text);

    int yymm_group = 0;
    if (const json::value* v = object->if_contains("yymm_group")) {
      if (!v->is_int64() || v->as_int64() < 1 || v->as_int64() > output->max_group)
        return fail(id, "\"yymm_group\" must be the number of a capture group the output uses",
                    path + ".yymm_group");
      yymm_group = static_cast<int>(v->as_int64());
    }
    std::vector<std::string> literals;
    if (auto e = read_literals(*object, path, id, literals)) return e;
    std::vector<RuleExample> examples;
    if (auto e = read_examples(*object, path, id, examples)) return e;
    if (std::find(seen_ids_.begin(), seen_ids_.end(), id) != seen_ids_.end())
      return fail(id, "duplicate rule id in one file", path + ".id");
    seen_ids_.push_back(id);

    Rule rule(id, static_cast<std::size_t>(family - table_.families.begin()), std::move(pattern),
              std::move(*output), std::move(output_text), std::move(literals),
              builtin_ ? "built-in" : std::string(source_), std::move(examples), yymm_group);
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
  std::vector<std::string> seen_ids_;
};

// Registers every rule's literals and groups rules by family.
std::optional<ConfigError> index_rules(RuleTable& table) {
  table.by_family.assign(table.families.size(), {});
  for (std::size_t i = 0; i < table.rules.size(); ++i) {
    Rule& rule = table.rules[i];
    table.by_family[rule.family()].push_back(i);
    if (rule.literals().empty()) table.every_rule_has_literals = false;
    rule.literal_indices.clear();
    for (const auto& literal : rule.literals()) {
      if (table.filter.size() >= kMaxLiterals)
        return ConfigError{rule.source(), rule.id(),
                           "too many distinct literals (at most " + std::to_string(kMaxLiterals) + ")",
                           literal};
      rule.literal_indices.push_back(table.filter.add(literal));
    }
  }
  return std::nullopt;
}

}  // namespace

std::optional<ConfigError> load_rule_table(const std::vector<RuleSource>& user_rules, RuleTable& table) {
  if (auto e = SourceReader(kBuiltinSource, true, table).read(builtin_rules_json())) return e;
  for (const auto& source : user_rules)
    if (auto e = SourceReader(source.name, false, table).read(source.json)) return e;
  return index_rules(table);
}

}  // namespace coolpapers::detail
