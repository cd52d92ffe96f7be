// User rule files: added, overriding, and bad ones reported precisely.
#include "test_support.hpp"

using namespace coolpapers;

namespace {
ConfigError load_error(const std::string& json) {
  auto r = Resolver::create({}, {{"my-rules.json", json}});
  REQUIRE_FALSE(r);
  return r.error();
}
}  // namespace

TEST_CASE("a user rule adds a new family after the built-in ones") {
  const char* rules = R"J({"schema":1,"families":[{"name":"mysite","page":"venue"}],"rules":[
    {"id":"mysite","family":"mysite","literals":["mysite.org"],"pattern":"mysite\\.org/paper/([0-9]+)",
     "output":"{1}@MySite","examples":[{"input":"https://mysite.org/paper/42","url":"https://papers.cool/venue/42@MySite"}]}]})J";
  auto resolver = Resolver::create({}, {{"my-rules.json", rules}});
  REQUIRE(resolver);
  CHECK(resolver->rule_count() == test::builtin().rule_count() + 1);
  CHECK(resolver->resolve("https://mysite.org/paper/42", Field::page_url).url == "https://papers.cool/venue/42@MySite");
  // Built-in families still come first.
  CHECK(resolver->resolve("https://mysite.org/paper/42?arxiv=2401.00001", Field::page_url).url ==
        "https://papers.cool/arxiv/2401.00001");
  ExampleReport report = resolver->run_examples();
  CHECK(report.failures.empty());
  CHECK(resolver->rules().back().source == "my-rules.json");
}

TEST_CASE("a user rule with a built-in id replaces that rule") {
  const char* rules = R"J({"rules":[{"id":"aaai","family":"aaai","literals":["aaai.org"],
    "pattern":"aaai\\.org/papers/([0-9]+)","output":"{1}@AAAI"}]})J";
  auto resolver = Resolver::create({}, {{"override.json", rules}});
  REQUIRE(resolver);
  CHECK(resolver->rule_count() == test::builtin().rule_count());
  CHECK(resolver->resolve("https://aaai.org/papers/77", Field::page_url).url == "https://papers.cool/venue/77@AAAI");
  CHECK_FALSE(resolver->resolve("https://ojs.aaai.org/index.php/AAAI/article/view/25841", Field::page_url).ok());
}

TEST_CASE("a bad pattern is reported with file, rule, RE2's error and the offending part") {
  ConfigError e = load_error(R"J({"rules":[{"id":"broken","family":"arxiv","pattern":"abc(def","output":"{1}"}]})J");
  CHECK(e.source == "my-rules.json");
  CHECK(e.rule_id == "broken");
  CHECK(e.message == "missing ): abc(def");
  CHECK(e.offending == "abc(def");
  CHECK(e.to_string() == "my-rules.json: rule \"broken\": missing ): abc(def (at: abc(def)");

  e = load_error(R"J({"rules":[{"id":"bad-class","family":"arxiv","pattern":"([z-a]+)","output":"{1}"}]})J");
  CHECK(e.rule_id == "bad-class");
  CHECK(e.offending == "z-a");
}

TEST_CASE("every kind of malformed rule file is refused with its place named") {
  struct Case {
    const char* json;
    const char* message_part;
    const char* offending;
  };
  for (const Case& c : std::initializer_list<Case>{
           {"{", "not valid JSON", ""},
           {"[]", "must be a JSON object", ""},
           {R"J({"schema":2})J", "unsupported schema", "schema"},
           {R"J({"rulez":[]})J", "unknown key \"rulez\"", "rulez"},
           {R"J({"rules":{}})J", "\"rules\" must be an array", "rules"},
           {R"J({"rules":[{"id":"x","family":"nope","pattern":"(a)","output":"{1}"}]})J", "unknown family", "rules[0].family"},
           {R"J({"rules":[{"id":"x","family":"arxiv","pattern":"(a)"}]})J", "missing \"output\"", "rules[0].output"},
           {R"J({"rules":[{"id":"x","family":"arxiv","pattern":"(a)","output":"{2}"}]})J", "pattern has 1 capture group", "{2}"},
           {R"J({"rules":[{"id":"x","family":"arxiv","pattern":"(a)","output":"id"}]})J", "uses no capture group", "id"},
           {R"J({"rules":[{"id":"x","family":"arxiv","pattern":"(a)","output":"{1"}]})J", "placeholders", "{1"},
           {R"J({"rules":[{"id":"x","family":"arxiv","pattern":5,"output":"{1}"}]})J", "non-empty string", "rules[0].pattern"},
           {R"J({"rules":[{"id":"x","family":"arxiv","pattern":"(a)","output":"{1}","literals":["###"]}]})J", "literal", "rules[0].literals[0]"},
           {R"J({"rules":[{"id":"x","family":"arxiv","pattern":"(a)","output":"{1}","examples":[{"input":"a"}]}]})J", "\"url\"", "rules[0].examples[0].url"},
           {R"J({"rules":[{"id":"x","family":"arxiv","pattern":"(a)","output":"{1}","colour":"red"}]})J", "unknown key \"colour\"", "rules[0].colour"},
           {R"J({"families":[{"name":"f","page":"elsewhere"}]})J", "\"page\" must be", "families[0].page"},
           {R"J({"rules":[{"id":"x","family":"arxiv","pattern":"(a)","output":"{1}"},{"id":"x","family":"arxiv","pattern":"(b)","output":"{1}"}]})J", "duplicate rule id", "rules[1].id"},
       }) {
    CAPTURE(c.json);
    ConfigError e = load_error(c.json);
    CHECK(e.source == "my-rules.json");
    CHECK(e.message.find(c.message_part) != std::string::npos);
    CHECK(e.offending == c.offending);
  }
}

TEST_CASE("a bad file after a good one loads nothing at all") {
  const char* good = R"J({"rules":[{"id":"aaai","family":"aaai","pattern":"zzz([0-9]+)","output":"{1}@AAAI"}]})J";
  auto r = Resolver::create({}, {{"good.json", good}, {"bad.json", "{oops"}});
  REQUIRE_FALSE(r);
  CHECK(r.error().source == "bad.json");
}

TEST_CASE("a user rule without literals runs on every text") {
  const char* rules = R"J({"families":[{"name":"plain","page":"venue"}],"rules":[
    {"id":"plain","family":"plain","pattern":"paper#([0-9]+)","output":"{1}@Plain"}]})J";
  auto resolver = Resolver::create({}, {{"plain.json", rules}});
  REQUIRE(resolver);
  // No built-in literal occurs in this text; the rule must still run.
  CHECK(resolver->resolve("see paper#42 please", Field::selection_text).url == "https://papers.cool/venue/42@Plain");
  CHECK(test::builtin().resolve("see paper#42 please", Field::selection_text).kind == AnswerKind::search);
}
