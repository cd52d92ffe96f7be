// The examples of docs/resolution.md (docs/resolution-examples.jsonl), row
// by row, through the resolver itself.
#include "coolpapers/page_meta.hpp"
#include "resolution_examples.hpp"
#include "test_support.hpp"

using namespace coolpapers;
using coolpapers::test::resolution_examples;

TEST_CASE("every example of the resolution contract holds") {
  for (const auto& example : resolution_examples()) {
    CAPTURE(example.where());
    Request request;
    for (const auto& [member, text] : example.request) {
      auto field = field_from_name(member);
      REQUIRE(field);
      request.set(*field, text);
    }
    PageMetaStore meta;
    for (const auto& [name, value] : example.page_meta) CHECK(meta.set(name, value));
    request.page_meta = meta.view();
    Resolution r = test::builtin().resolve(request);
    if (!example.url) {
      CHECK_FALSE(r.ok());
      if (!example.message.empty()) CHECK(r.message.find(example.message) != std::string::npos);
      continue;
    }
    REQUIRE_MESSAGE(r.ok(), r.message);
    CHECK(r.url == *example.url);
    CHECK(r.truncated == example.truncated);
    if (!example.family.empty()) CHECK(r.family == example.family);
    if (example.ids) CHECK(r.ids == *example.ids);
  }
}

TEST_CASE("a text with no id anywhere gets the plain-words explanation") {
  Resolution r = test::builtin().resolve("https://doi.org/10.1145/3580305.3599000", Field::page_url);
  REQUIRE_FALSE(r.ok());
  CHECK(*r.error == ErrorCode::no_match);
  CHECK(r.message == "No paper id found in the URL");
  CHECK(r.url.empty());
}

TEST_CASE("the answer names the family, the ids and the deciding field") {
  Resolution r = test::builtin().resolve("see arXiv:2401.12345 and 2402.00012v3", Field::selection_text);
  REQUIRE(r.ok());
  CHECK(r.family == "arxiv");
  CHECK(r.kind == AnswerKind::paper_ids);
  CHECK(r.ids == std::vector<std::string>{"2401.12345", "2402.00012"});
  CHECK(r.field == Field::selection_text);

  r = test::builtin().resolve("https://arxiv.org/list/cs.CL/new", Field::page_url);
  REQUIRE(r.ok());
  CHECK(r.kind == AnswerKind::listing);
  CHECK(r.family == "listing");
  CHECK(r.ids == std::vector<std::string>{"cs.CL"});

  r = test::builtin().resolve("diffusion models", Field::selection_text);
  REQUIRE(r.ok());
  CHECK(r.kind == AnswerKind::search);
  CHECK(r.family == "search");
}
