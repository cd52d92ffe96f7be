// The built-in table is compiled into the library as C++ data generated from
// resolver/rules.json (cmake/embed_rule_table.cmake): what the resolver
// loaded must be exactly what the file says, read here with a JSON parser.
#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>

#include "test_support.hpp"

using namespace coolpapers;
namespace json = boost::json;

namespace {

const json::object& table() {
  static const json::value parsed = json::parse(builtin_rules_json());
  return parsed.as_object();
}

std::vector<std::string> strings(const json::object& object, std::string_view key) {
  std::vector<std::string> out;
  if (const json::value* list = object.if_contains(key))
    for (const auto& item : list->as_array()) out.emplace_back(item.as_string());
  return out;
}

}  // namespace

TEST_CASE("rules() lists the rules of rules.json in order, with their pattern, output, literals and examples") {
  const json::array& expected = table().at("rules").as_array();
  std::vector<RuleInfo> rules = test::builtin().rules();
  REQUIRE(rules.size() == expected.size());
  std::size_t examples = 0;
  for (std::size_t i = 0; i < rules.size(); ++i) {
    const json::object& rule = expected[i].as_object();
    CAPTURE(rules[i].id);
    CHECK(rules[i].id == std::string_view(rule.at("id").as_string()));
    CHECK(rules[i].family == std::string_view(rule.at("family").as_string()));
    CHECK(rules[i].pattern == std::string_view(rule.at("pattern").as_string()));
    CHECK(rules[i].output == std::string_view(rule.at("output").as_string()));
    CHECK(rules[i].literals == strings(rule, "literals"));
    CHECK(rules[i].source == "built-in");
    const std::size_t count = rule.contains("examples") ? rule.at("examples").as_array().size() : 0;
    CHECK(rules[i].examples == count);
    examples += count;
  }
  // Each example ran, and passed (their answers are checked in
  // rule_examples_test.cpp).
  ExampleReport report = test::builtin().run_examples();
  CHECK(report.passed + report.failures.size() == examples);
}

TEST_CASE("a URL on each host of rules.json's sites_without_rule gets that site's message") {
  for (const auto& item : table().at("sites_without_rule").as_array()) {
    const json::object& site = item.as_object();
    std::vector<std::string> paths = strings(site, "paths");
    for (const std::string& host : strings(site, "hosts")) {
      std::string url = "https://" + host + (paths.empty() ? "/some/page" : paths.front() + "some-page");
      CAPTURE(url);
      Resolution r = test::builtin().resolve(url, Field::page_url);
      CHECK(r.error == ErrorCode::no_match);
      CHECK(r.site_without_rule == std::string_view(site.at("name").as_string()));
    }
  }
}

TEST_CASE("a user rule's examples are kept after its file's text is gone") {
  std::vector<RuleSource> sources{{"mine.json", R"J({"families":[{"name":"mine","page":"venue"}],"rules":[
    {"id":"mine","family":"mine","literals":["mine.org"],"pattern":"mine\\.org/p/([0-9]+)","output":"{1}@Mine",
     "examples":[{"input":"https://mine.org/p/7","field":"page","url":"https://papers.cool/venue/7@Mine"},
                 {"input":"https://mine.org/p/x","field":"page","url":null}]}]})J"}};
  auto resolver = Resolver::create({}, sources);
  REQUIRE(resolver);
  sources.clear();  // the file's text, and with it the parsed tree, is gone
  ExampleReport report = resolver->run_examples();
  CHECK(report.failures.empty());
  CHECK(report.passed == test::builtin().run_examples().passed + 2);
}
