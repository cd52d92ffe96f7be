// The target base: validated, normalised, and the only prefix ever emitted.
#include "test_support.hpp"

using namespace coolpapers;

TEST_CASE("valid bases are normalised") {
  struct Row { const char* in; const char* out; };
  for (Row row : {Row{"https://papers.cool", "https://papers.cool"}, Row{"https://papers.cool/", "https://papers.cool"},
                  Row{"HTTP://127.0.0.1:8080", "http://127.0.0.1:8080"}, Row{"https://mirror.example/cool//", "https://mirror.example/cool"},
                  Row{"http://[::1]:9000", "http://[::1]:9000"}}) {
    CAPTURE(row.in);
    auto base = normalize_base(row.in);
    REQUIRE(base);
    CHECK(*base == row.out);
  }
}

TEST_CASE("bases that could redirect elsewhere or inject text are refused") {
  for (const char* bad : {"", "papers.cool", "javascript:alert(1)", "ftp://papers.cool", "https://", "https:///x",
                          "https://papers.cool?x=1", "https://papers.cool#x", "https://pa pers.cool",
                          "https://papers.cool\r\nLocation: x", "https://user@evil.com", "https://evil.com\\@papers.cool",
                          "https://papers.cool/\"onload"}) {
    CAPTURE(bad);
    auto base = normalize_base(bad);
    CHECK_FALSE(base);
    if (!base) CHECK(base.error().source == "--base");
  }
}

TEST_CASE("every URL produced starts with the configured base") {
  auto mirror = test::builtin().with_base("http://127.0.0.1:8377/cool/");
  REQUIRE(mirror);
  CHECK(mirror->resolve("arXiv:2401.00001", Field::selection_text).url == "http://127.0.0.1:8377/cool/arxiv/2401.00001");
  CHECK(mirror->resolve("deep nets", Field::selection_text).url ==
        "http://127.0.0.1:8377/cool/arxiv/search?highlight=1&query=deep%20nets");
  CHECK(mirror->resolve("https://openreview.net/forum?id=X1", Field::page_url).url ==
        "http://127.0.0.1:8377/cool/venue/X1@OpenReview");
  CHECK(test::builtin().options().base == "https://papers.cool");  // the original is untouched
  CHECK_FALSE(test::builtin().with_base("nope"));
  CHECK_FALSE(Resolver::create(Options{"javascript:x"}));
}
