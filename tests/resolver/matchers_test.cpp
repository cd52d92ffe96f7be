// A rule searches its first few short texts with a matcher that compiles
// faster (one anchored program, no DFA) and later texts with its DFA
// matcher (resolver/src/rule.hpp): both must give every answer alike.
#include <random>

#include "coolpapers/page_meta.hpp"
#include "resolution_examples.hpp"
#include "test_support.hpp"

using namespace coolpapers;
using coolpapers::test::resolution_examples;

namespace {

struct Case {
  Request request;
  PageMetaStore meta;
};

// (`c` is filled in place: the request views the stored meta tags.)
void fill(Case& c, const test::ResolutionExample& example) {
  for (const auto& [member, text] : example.request) c.request.set(*field_from_name(member), text);
  for (const auto& [name, value] : example.page_meta) c.meta.set(name, value);
  c.request.page_meta = c.meta.view();
}

void check_same(const Resolution& fresh, const Resolution& warm) {
  CHECK(fresh.error == warm.error);
  CHECK(fresh.message == warm.message);
  CHECK(fresh.url == warm.url);
  CHECK(fresh.ids == warm.ids);
  CHECK(fresh.family == warm.family);
  CHECK(fresh.field == warm.field);
  CHECK(fresh.truncated == warm.truncated);
}

// A resolver whose every rule has searched enough short texts to use its
// DFA matcher from now on: each rule has at least two examples, each
// searched by that rule, so 16 rounds of them are more than enough.
Resolver warmed_resolver() {
  auto created = Resolver::create({});
  REQUIRE(created);
  for (int round = 0; round < 16; ++round) REQUIRE(created->run_examples().failures.empty());
  return *created;
}

}  // namespace

TEST_CASE("the few-texts matcher and the DFA matcher answer every contract example alike") {
  const Resolver warm = warmed_resolver();
  for (const auto& example : resolution_examples()) {
    CAPTURE(example.where());
    Case c;
    fill(c, example);
    // A new resolver: its rules have searched nothing yet.
    auto fresh = Resolver::create({});
    REQUIRE(fresh);
    check_same(fresh->resolve(c.request), warm.resolve(c.request));
  }
}

TEST_CASE("the two matchers agree on many ids, ids at both ends and ids glued to other text") {
  const Resolver warm = warmed_resolver();
  std::mt19937 random(7);
  const std::vector<std::string> pieces = {
      "2312.00001", "arXiv:2401.12345v2", " ", ".", "/", "hep-th/9901001", "10.48550/arXiv.2402.00012",
      "openreview.net/forum?id=abc_DEF-1", "&id=x", "aclanthology.org/2023.acl-long.1", "1234", "v3",
      "proceedings.mlr.press/v202/smith23a.html", "x", "0704.0001", "3201.00001", "..", "9912.12345"};
  for (int i = 0; i < 300; ++i) {
    std::string text;
    const std::size_t count = 1 + random() % 20;
    for (std::size_t p = 0; p < count; ++p) text += pieces[random() % pieces.size()];
    CAPTURE(text);
    auto fresh = Resolver::create({});
    REQUIRE(fresh);
    for (Field field : {Field::selection_text, Field::page_url}) check_same(fresh->resolve(text, field), warm.resolve(text, field));
  }
}

TEST_CASE("the two matchers agree on a UTF-8 rule after bytes that are not UTF-8") {
  // \p{Greek} makes the rule a UTF-8 pattern, where '.' matches only whole
  // characters: the few-texts matcher must still skip any byte.
  const std::vector<RuleSource> rules{{"greek.json", R"J({"families":[{"name":"greek","page":"venue"}],"rules":[
    {"id":"greek","family":"greek","literals":["paper-"],"pattern":"paper-(\\p{Greek}+)-([0-9]+)","output":"{2}@{1}"}]})J"}};
  auto warm = Resolver::create({}, rules);
  REQUIRE(warm);
  for (int i = 0; i < 20; ++i) REQUIRE(warm->resolve("paper-\xce\xb1-1", Field::page_url).ok());
  for (std::string text : {std::string("\xff\xfe paper-\xce\xb1\xce\xb2-42"), std::string("a\xc3 paper-\xce\xb1-7 \x80"),
                           std::string("\xce paper-\xce\xb1-1\n\xe2\x82 paper-\xce\xb3-2")}) {
    CAPTURE(text);
    auto fresh = Resolver::create({}, rules);
    REQUIRE(fresh);
    Resolution first = fresh->resolve(text, Field::page_url);
    CHECK(first.ok());
    check_same(first, warm->resolve(text, Field::page_url));
  }
}
