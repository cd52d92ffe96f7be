// Priority of the four fields, family order, multi-id, de-duplication,
// the 50-id cap and the fallbacks.
#include <atomic>
#include <thread>

#include "test_support.hpp"

using namespace coolpapers;

namespace {
Resolution resolve(std::string_view selection, std::string_view link, std::string_view page,
                   std::string_view frame = {}) {
  Request request;
  request.selection_text = selection;
  request.link_url = link;
  request.page_url = page;
  request.frame_url = frame;
  return test::builtin().resolve(request);
}
}  // namespace

TEST_CASE("the first field with an id decides, in the order selection, link, page, frame") {
  Resolution r = resolve("arXiv:2401.00001", "https://arxiv.org/abs/2402.00002", "https://arxiv.org/abs/2403.00003");
  CHECK(r.url == "https://papers.cool/arxiv/2401.00001");
  CHECK(r.field == Field::selection_text);

  r = resolve("no ids here", "https://openreview.net/forum?id=abcDEF123", "https://arxiv.org/abs/2403.00003");
  CHECK(r.url == "https://papers.cool/venue/abcDEF123@OpenReview");
  CHECK(r.field == Field::link_url);

  r = resolve("", "https://github.com/x/y", "https://arxiv.org/abs/2403.00003");
  CHECK(r.url == "https://papers.cool/arxiv/2403.00003");
  CHECK(r.field == Field::page_url);

  r = resolve("", "", "chrome-extension://abc/viewer.html", "https://arxiv.org/pdf/2404.00004v1");
  CHECK(r.url == "https://papers.cool/arxiv/2404.00004");
  CHECK(r.field == Field::frame_url);
}

TEST_CASE("inside one text the first family in table order decides") {
  Resolution r = test::builtin().resolve(
      "https://openreview.net/forum?id=abcDEF123 (arXiv:2401.00001)", Field::selection_text);
  CHECK(r.url == "https://papers.cool/arxiv/2401.00001");
  r = test::builtin().resolve("https://aclanthology.org/P19-1001 https://openreview.net/forum?id=abcDEF123",
                              Field::selection_text);
  CHECK(r.url == "https://papers.cool/venue/abcDEF123@OpenReview");
}

TEST_CASE("all ids of the deciding family come back, in order, without duplicates") {
  Resolution r = test::builtin().resolve(
      "https://openreview.net/forum?id=AAA https://openreview.net/pdf?id=BBB https://openreview.net/forum?id=AAA",
      Field::selection_text);
  CHECK(r.url == "https://papers.cool/venue/AAA@OpenReview,BBB@OpenReview");
  r = test::builtin().resolve("2401.00002 2401.00001v1 2401.00002v3 2401.00001", Field::selection_text);
  CHECK(r.ids == std::vector<std::string>{"2401.00002", "2401.00001"});
}

TEST_CASE("at most 50 ids are returned, the first 50 in order of appearance") {
  std::string text;
  for (int i = 1; i <= 120; ++i) text += "arXiv:2401." + std::to_string(10000 + i) + " ";
  Resolution r = test::builtin().resolve(text, Field::selection_text);
  REQUIRE(r.ok());
  REQUIRE(r.ids.size() == 50);
  CHECK(r.ids.front() == "2401.10001");
  CHECK(r.ids.back() == "2401.10050");
}

TEST_CASE("the cap counts distinct ids across the rules of one family") {
  std::string text = "hep-th/9901001 ";
  for (int i = 1; i <= 60; ++i) text += "2401." + std::to_string(10000 + i) + " hep-th/9901001 ";
  Resolution r = test::builtin().resolve(text, Field::selection_text);
  REQUIRE(r.ids.size() == 50);
  CHECK(r.ids[0] == "hep-th/9901001");
  CHECK(r.ids[1] == "2401.10001");
  CHECK(r.ids[49] == "2401.10049");
}

TEST_CASE("listing pages are a fallback for the link, then the page") {
  CHECK(resolve("", "https://arxiv.org/list/math.PR/recent", "https://arxiv.org/list/cs.AI/new").url ==
        "https://papers.cool/arxiv/math.PR");
  CHECK(resolve("", "https://github.com/x", "https://arxiv.org/list/cs.AI/new").url ==
        "https://papers.cool/arxiv/cs.AI");
  // An id anywhere beats a listing page.
  CHECK(resolve("", "https://arxiv.org/abs/2401.00001", "https://arxiv.org/list/cs.AI/new").url ==
        "https://papers.cool/arxiv/2401.00001");
  // Listing pages are not recognised in selected text: that is a search.
  CHECK(resolve("https://arxiv.org/list/cs.AI/new", "", "").url ==
        "https://papers.cool/arxiv/search?highlight=1&query=https%20arxiv.org%20list%20cs.AI%20new");
  CHECK(resolve("", "", "https://arxiv.org/list/astro-ph.CO/pastweek?skip=0&show=25").url ==
        "https://papers.cool/arxiv/astro-ph.CO");
}

TEST_CASE("the search fallback takes the selection's words, at most 32") {
  CHECK(resolve("  a  b  diffusion  models  x ", "", "https://github.com/").url ==
        "https://papers.cool/arxiv/search?highlight=1&query=a%20b%20diffusion%20models%20x");
  std::string many;
  for (int i = 0; i < 40; ++i) many += "word" + std::to_string(i) + " ";
  Resolution r = resolve(many, "", "");
  REQUIRE(r.ok());
  CHECK(r.url.find("word31") != std::string::npos);
  CHECK(r.url.find("word32") == std::string::npos);
  CHECK(r.field == Field::selection_text);
}

TEST_CASE("with nothing usable there is no answer and a reason that names what was looked at") {
  const std::pair<Resolution, std::string> cases[] = {
      {resolve("", "", ""), "No paper id found: the request holds no text or URL"},
      {resolve("!!! ... ---", "", ""), "No paper id found in the text"},
      {resolve("", "https://github.com/x", ""), "No paper id found in the URL"},
      {resolve("", "", "https://github.com/x"), "No paper id found in the URL"},
      {resolve("", "https://github.com/x", "https://example.com/"), "No paper id found in the link or page"},
      {resolve("!!!", "https://github.com/x", "https://example.com/"),
       "No paper id found in the selection, link or page"},
  };
  for (const auto& [r, message] : cases) {
    REQUIRE_FALSE(r.ok());
    CHECK(*r.error == ErrorCode::no_match);
    CHECK(r.message == message);
  }
}

TEST_CASE("auto field reads http(s) texts as page URLs and everything else as selections") {
  CHECK(auto_field("https://arxiv.org/abs/2401.00001") == Field::page_url);
  CHECK(auto_field("  HTTP://example.com") == Field::page_url);
  CHECK(auto_field("arXiv:2401.00001") == Field::selection_text);
  CHECK(auto_field("ftp://example.com") == Field::selection_text);
  CHECK(auto_field("") == Field::selection_text);
}

TEST_CASE("field names round-trip and the short names are accepted") {
  for (Field f : {Field::selection_text, Field::link_url, Field::page_url, Field::frame_url})
    CHECK(field_from_name(field_name(f)) == f);
  CHECK(field_from_name("selection") == Field::selection_text);
  CHECK(field_from_name("frame") == Field::frame_url);
  CHECK_FALSE(field_from_name("title"));
}

TEST_CASE("one resolver answers correctly from many threads at once") {
  const Resolver& resolver = test::builtin();
  std::vector<std::thread> threads;
  std::atomic<int> wrong{0};
  for (int t = 0; t < 8; ++t)
    threads.emplace_back([&, t] {
      for (int i = 0; i < 500; ++i) {
        std::string id = "2401." + std::to_string(10000 + t * 1000 + i);
        Resolution r = resolver.resolve("https://arxiv.org/abs/" + id, Field::page_url);
        if (r.url != "https://papers.cool/arxiv/" + id) ++wrong;
        r = resolver.resolve("https://proceedings.mlr.press/v202/k" + std::to_string(i) + ".html", Field::page_url);
        if (r.url != "https://papers.cool/venue/k" + std::to_string(i) + "@v202@PMLR") ++wrong;
      }
    });
  for (auto& thread : threads) thread.join();
  CHECK(wrong == 0);
}

TEST_CASE("resolve_into reuses its output and leaves no trace of the previous answer") {
  Resolution out;
  Request request;
  request.selection_text = "arXiv:2401.00001 2401.00002";
  test::builtin().resolve_into(request, out);
  REQUIRE(out.ids.size() == 2);
  request.selection_text = "https://github.com/";
  request.page_url = "https://doi.org/10.1145/1.2";
  test::builtin().resolve_into(request, out);
  CHECK(out.url == "https://papers.cool/arxiv/search?highlight=1&query=https%20github.com");
  CHECK(out.ids.empty());
}
