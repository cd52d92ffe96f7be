// Every example shipped in the rule table is a test.
#include <set>

#include "test_support.hpp"

using namespace coolpapers;

TEST_CASE("every built-in rule's examples pass") {
  ExampleReport report = test::builtin().run_examples();
  for (const auto& f : report.failures) {
    CAPTURE(f.rule_id);
    CAPTURE(f.input);
    CAPTURE(f.expected);
    CAPTURE(f.actual);
    FAIL_CHECK("rule example failed");
  }
  CHECK(report.passed > 60);
}

TEST_CASE("every built-in rule has examples, literals and a pattern that compiles") {
  std::set<std::string> families;
  for (const RuleInfo& rule : test::builtin().rules()) {
    CAPTURE(rule.id);
    CHECK(rule.examples >= 2);
    CHECK_FALSE(rule.literals.empty());
    families.insert(rule.family);
  }
  // Compiling happens on first use; a user file that copies a rule compiles
  // it eagerly, so load each built-in pattern that way to prove it is valid.
  for (const RuleInfo& rule : test::builtin().rules()) {
    std::string file = R"({"rules":[{"id":"copy","family":")" + rule.family + R"(","pattern":)";
    std::string escaped;
    for (char c : rule.pattern) escaped += (c == '\\' || c == '"') ? std::string("\\") + c : std::string(1, c);
    file += "\"" + escaped + "\",\"output\":\"" + rule.output + "\"}]}";
    auto loaded = Resolver::create({}, {{"copy-of-" + rule.id, file}});
    CAPTURE(rule.id);
    CHECK_MESSAGE(loaded, (loaded ? "" : loaded.error().to_string()));
  }
  for (const char* family : {"arxiv", "openreview", "ijcai", "acl", "pmlr", "cvf", "usenix", "aaai", "listing"})
    CHECK(families.count(family) == 1);
}
