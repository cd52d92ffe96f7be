#include "rule_json.hpp"

#include <boost/json/monotonic_resource.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>

#include <algorithm>
#include <deque>
#include <initializer_list>
#include <utility>
#include <vector>

namespace coolpapers::detail {
namespace json = boost::json;
namespace {

// First block of the arena a file's JSON is parsed into; larger files make
// it grow. (128 KiB would come from mmap: fresh pages for a small file.)
constexpr std::size_t kArenaBytes = 64 * 1024;

// Reads one file's JSON tree into a SourceSpec of views of that tree,
// reporting the first problem of shape with its JSON path. The values
// themselves (a page kind, a match pattern, a literal) are checked by
// add_rule_source(), for the built-in table too.
class JsonReader {
 public:
  explicit JsonReader(std::string_view source_name) : source_(source_name) {}

  std::optional<ConfigError> read(const json::value& root) {
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
    if (const json::value* rules = top->if_contains("rules")) {
      const json::array* list = rules->if_array();
      if (!list) return fail({}, "\"rules\" must be an array", "rules");
      for (std::size_t i = 0; i < list->size(); ++i)
        if (auto e = read_rule((*list)[i], "rules[" + std::to_string(i) + "]")) return e;
    }
    return std::nullopt;
  }

  SourceSpec spec() const { return {families_, sites_, rules_}; }

 private:
  ConfigError fail(std::string rule_id, std::string message, std::string offending) const {
    return {std::string(source_), std::move(rule_id), std::move(message), std::move(offending)};
  }

  std::optional<ConfigError> only_keys(const json::object& object,
                                       std::initializer_list<std::string_view> allowed,
                                       const std::string& path, std::string_view rule_id = {}) const {
    for (const auto& member : object)
      if (std::find(allowed.begin(), allowed.end(), std::string_view(member.key())) == allowed.end())
        return fail(std::string(rule_id), "unknown key \"" + std::string(member.key()) + "\"",
                    path.empty() ? std::string(member.key()) : path + "." + std::string(member.key()));
    return std::nullopt;
  }

  // Reads object[key] as a string; `required` says whether it may be absent
  // (and then it must not be empty either).
  std::optional<ConfigError> get_string(const json::object& object, std::string_view key, bool required,
                                        const std::string& path, std::string_view rule_id,
                                        std::optional<std::string_view>& out) const {
    const json::value* v = object.if_contains(key);
    if (!v) return required ? std::optional(fail(std::string(rule_id), "missing \"" + std::string(key) + "\"",
                                                 path + "." + std::string(key)))
                            : std::nullopt;
    const json::string* s = v->if_string();
    if (!s || (required && s->empty()))
      return fail(std::string(rule_id), "\"" + std::string(key) + "\" must be a non-empty string",
                  path + "." + std::string(key));
    out = std::string_view(s->data(), s->size());
    return std::nullopt;
  }

  std::optional<ConfigError> get_required(const json::object& object, std::string_view key, const std::string& path,
                                          std::string_view rule_id, std::string_view& out) const {
    std::optional<std::string_view> value;
    if (auto e = get_string(object, key, true, path, rule_id, value)) return e;
    out = *value;
    return std::nullopt;
  }

  // Reads object[key], if present, as an array of strings; `array_error`
  // and `item_error` are the messages for a value of another type.
  std::optional<ConfigError> get_list(const json::object& object, std::string_view key, const std::string& path,
                                      std::string_view rule_id, const std::string& array_error,
                                      const std::string& item_error, bool item_error_at_list,
                                      std::optional<TextList>& out) {
    const json::value* v = object.if_contains(key);
    if (!v) return std::nullopt;
    const std::string at = path + "." + std::string(key);
    const json::array* list = v->if_array();
    if (!list) return fail(std::string(rule_id), array_error, at);
    std::vector<std::string_view>& items = lists_.emplace_back();
    for (std::size_t i = 0; i < list->size(); ++i) {
      const json::string* s = (*list)[i].if_string();
      if (!s)
        return fail(std::string(rule_id), item_error, item_error_at_list ? at : at + "[" + std::to_string(i) + "]");
      items.emplace_back(s->data(), s->size());
    }
    out = items;
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
    if (object->contains("content_script_patterns"))
      return fail({}, "\"content_script_patterns\" is only read from the built-in table "
                      "(the extension's content script is fixed when it is built); remove it, "
                      "\"page_patterns\" gives the page menu",
                  path + ".content_script_patterns");
    FamilySpec family;
    if (auto e = get_required(*object, "name", path, {}, family.name)) return e;
    if (auto e = get_required(*object, "page", path, {}, family.page)) return e;
    if (auto e = get_string(*object, "stage", false, path, {}, family.stage)) return e;
    if (auto e = get_string(*object, "display", false, path, {}, family.display)) return e;
    for (auto [key, list] : {std::pair{"page_patterns", &family.page_patterns}, {"pdf_patterns", &family.pdf_patterns}})
      if (auto e = get_list(*object, key, path, {}, "\"" + std::string(key) + "\" must be an array of match patterns",
                            "a match pattern must be a string", false, *list))
        return e;
    families_.push_back(family);
    return std::nullopt;
  }

  std::optional<ConfigError> read_site(const json::value& value, const std::string& path) {
    const json::object* object = value.if_object();
    if (!object) return fail({}, "a site must be an object", path);
    if (auto e = only_keys(*object, {"name", "hosts", "paths", "doc"}, path)) return e;
    SiteSpec site;
    if (auto e = get_required(*object, "name", path, {}, site.name)) return e;
    for (auto [key, list] : {std::pair{"hosts", &site.hosts}, {"paths", &site.paths}}) {
      std::optional<TextList> items;
      if (auto e = get_list(*object, key, path, {}, "\"" + std::string(key) + "\" must be an array of strings",
                            "\"" + std::string(key) + "\" holds printable ASCII strings", true, items))
        return e;
      *list = items.value_or(TextList{});
    }
    sites_.push_back(site);
    return std::nullopt;
  }

  std::optional<ConfigError> read_examples(const json::object& object, const std::string& path, std::string_view id,
                                           std::span<const RuleExample>& out) {
    const json::value* v = object.if_contains("examples");
    if (!v) return std::nullopt;
    const json::array* list = v->if_array();
    if (!list) return fail(std::string(id), "\"examples\" must be an array", path + ".examples");
    std::vector<RuleExample>& examples = examples_.emplace_back();
    for (std::size_t i = 0; i < list->size(); ++i) {
      std::string at = path + ".examples[" + std::to_string(i) + "]";
      const json::object* example = (*list)[i].if_object();
      if (!example) return fail(std::string(id), "an example must be an object", at);
      if (auto e = only_keys(*example, {"input", "url", "field"}, at, id)) return e;
      RuleExample parsed;
      if (auto e = get_required(*example, "input", at, id, parsed.input)) return e;
      std::optional<std::string_view> field;
      if (auto e = get_string(*example, "field", false, at, id, field)) return e;
      parsed.field = field.value_or(std::string_view());
      const json::value* url = example->if_contains("url");
      if (!url || !(url->is_null() || url->is_string()))
        return fail(std::string(id), "\"url\" must be the expected URL or null (no answer)", at + ".url");
      if (url->is_string()) parsed.url = std::string_view(url->get_string().data(), url->get_string().size());
      examples.push_back(parsed);
    }
    out = examples;
    return std::nullopt;
  }

  std::optional<ConfigError> read_rule(const json::value& value, const std::string& path) {
    const json::object* object = value.if_object();
    if (!object) return fail({}, "a rule must be an object", path);
    RuleSpec rule;
    if (auto e = get_required(*object, "id", path, {}, rule.id)) return e;
    if (auto e = only_keys(*object, {"id", "family", "doc", "literals", "pattern", "output", "yymm_group", "examples"},
                           path, rule.id))
      return e;
    if (auto e = get_required(*object, "family", path, rule.id, rule.family)) return e;
    if (auto e = get_required(*object, "pattern", path, rule.id, rule.pattern)) return e;
    if (auto e = get_required(*object, "output", path, rule.id, rule.output)) return e;
    if (const json::value* v = object->if_contains("yymm_group")) {
      if (!v->is_int64())
        return fail(std::string(rule.id), "\"yymm_group\" must be the number of a capture group the output uses",
                    path + ".yymm_group");
      rule.yymm_group = v->as_int64();
    }
    std::optional<TextList> literals;
    if (auto e = get_list(*object, "literals", path, rule.id, "\"literals\" must be an array of strings",
                          "a literal must be printable ASCII with a character other than '#'", false, literals))
      return e;
    rule.literals = literals.value_or(TextList{});
    if (auto e = read_examples(*object, path, rule.id, rule.examples)) return e;
    rules_.push_back(rule);
    return std::nullopt;
  }

  std::string_view source_;
  // Storage the spec's lists view; deques, so earlier lists never move.
  std::deque<std::vector<std::string_view>> lists_;
  std::deque<std::vector<RuleExample>> examples_;
  std::vector<FamilySpec> families_;
  std::vector<SiteSpec> sites_;
  std::vector<RuleSpec> rules_;
};

}  // namespace

std::optional<ConfigError> add_json_rule_source(const RuleSource& source, RuleTable& table) {
  json::error_code ec;
  // The parsed tree lives only while the file is read: one growing arena,
  // dropped at once, costs a fraction of a malloc and free per node.
  json::monotonic_resource arena(kArenaBytes);
  json::value root = json::parse(source.json, ec, &arena);
  if (ec) return ConfigError{source.name, {}, "not valid JSON: " + ec.message(), {}};
  JsonReader reader(source.name);
  if (auto e = reader.read(root)) return e;
  return add_rule_source(reader.spec(), source.name, false, table);
}

}  // namespace coolpapers::detail
