// The examples table of spec/resolution.md, row by row.
#include "test_support.hpp"

using namespace coolpapers;
using coolpapers::test::check_rows;

TEST_CASE("every example of the resolution contract holds") {
  check_rows({
      {"https://arxiv.org/abs/2312.00001v2", Field::page_url, "https://papers.cool/arxiv/2312.00001"},
      {"see arXiv:2401.12345 and 2402.00012v3", Field::selection_text,
       "https://papers.cool/arxiv/2401.12345,2402.00012"},
      {"https://arxiv.org/abs/hep-th/9901001v1", Field::link_url, "https://papers.cool/arxiv/hep-th/9901001"},
      {"https://openreview.net/forum?id=NGB6YNnO5o&noteId=abc", Field::page_url,
       "https://papers.cool/venue/NGB6YNnO5o@OpenReview"},
      {"https://www.ijcai.org/proceedings/2023/0012.pdf", Field::page_url, "https://papers.cool/venue/12@2023@IJCAI"},
      {"https://aclanthology.org/2023.acl-long.1.pdf", Field::link_url,
       "https://papers.cool/venue/2023.acl-long.1@ACL"},
      {"https://proceedings.mlr.press/v202/kim23a.html", Field::page_url,
       "https://papers.cool/venue/kim23a@v202@PMLR"},
      {"https://arxiv.org/list/cs.CL/new", Field::page_url, "https://papers.cool/arxiv/cs.CL"},
      {"Schrödinger bridge, diffusion!", Field::selection_text,
       "https://papers.cool/arxiv/search?highlight=1&query=Schr%C3%B6dinger%20bridge%20diffusion"},
      {"https://doi.org/10.1145/3580305.3599000", Field::page_url, ""},
  });
}

TEST_CASE("a text with no id anywhere gets the plain-words explanation") {
  Resolution r = test::builtin().resolve("https://doi.org/10.1145/3580305.3599000", Field::page_url);
  REQUIRE_FALSE(r.ok());
  CHECK(*r.error == ErrorCode::no_match);
  CHECK(r.message == "No paper id found in the selection, link or page");
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
