// Formats real bibliographies and pages use: arXiv DOIs of old-style ids,
// other publishers' DOIs, AAAI-19 DOIs, months without ids yet, arXiv's
// search pages, Cool Papers' own pages, many ids at once, and paper sites
// without a rule.
#include "coolpapers/resolution_json.hpp"
#include "test_support.hpp"

using namespace coolpapers;
using coolpapers::test::check_rows;
constexpr auto P = Field::page_url;
constexpr auto S = Field::selection_text;

TEST_CASE("DOIs: old-style arXiv ids yes, other publishers and AAAI-19 no") {
  check_rows({
      {"https://doi.org/10.48550/arXiv.hep-th/9711200", P, "https://papers.cool/arxiv/hep-th/9711200"},
      {"arXiv.cond-mat.str-el/0512345", S, "https://papers.cool/arxiv/cond-mat/0512345"},
      {"https://doi.org/10.1111/j.1365-2966.2009.15421.x", P, ""},
      {"Mon. Not. R. Astron. Soc. doi:10.1111/j.1365-2966.2009.15421.x", S,
       "https://papers.cool/arxiv/search?highlight=1&query=Mon%20Not%20R%20Astron%20Soc%20doi%2010.1111%20j.1365-2966.2009.15421.x"},
      {"https://doi.org/10.1609/aaai.v33i01.33013159", P, ""},
      {"https://doi.org/10.1609/aaai.v34i04.5746", P, "https://papers.cool/venue/5746@AAAI"},
      {"https://doi.org/10.48550/arXiv.2312.00001", P, "https://papers.cool/arxiv/2312.00001"},
  });
}

TEST_CASE("new-style ids from months after the current one are not ids") {
  Options options;
  options.now = std::chrono::year(2024) / std::chrono::March;
  auto resolver = Resolver::create(options);
  REQUIRE(resolver);
  CHECK(resolver->resolve("arXiv:2403.00001", S).ids == std::vector<std::string>{"2403.00001"});
  CHECK(resolver->resolve("arXiv:2404.00001", S).kind == AnswerKind::search);
  CHECK(resolver->resolve("DBLP:journals/corr/abs-2404-00001", S).kind == AnswerKind::search);
  CHECK(resolver->resolve("2404.00001 and 2402.00002", S).ids == std::vector<std::string>{"2402.00002"});
  // The clock's month (the default): far-future months are never ids.
  CHECK(test::builtin().resolve("3201.00001", S).kind == AnswerKind::search);
  CHECK(test::builtin().resolve("9912.12345", S).kind == AnswerKind::search);
  CHECK(test::builtin().resolve("https://arxiv.org/abs/9912.12345", P).error == ErrorCode::no_match);
  // A user rule's yymm_group must name a group its output uses.
  auto bad = Resolver::create({}, {{"u.json", R"J({"rules":[{"id":"x","family":"arxiv","pattern":"x([0-9]{4})",
      "output":"{1}","yymm_group":2}]})J"}});
  REQUIRE_FALSE(bad);
  CHECK(bad.error().offending == "rules[0].yymm_group");
}

TEST_CASE("an arXiv search page is a search for its words") {
  check_rows({
      {"https://arxiv.org/search/?query=lora", P, "https://papers.cool/arxiv/search?highlight=1&query=lora"},
      {"https://arxiv.org/search/?searchtype=all&query=low-rank+adaptation&source=header", P,
       "https://papers.cool/arxiv/search?highlight=1&query=low-rank%20adaptation"},
      {"https://arxiv.org/search/cs?query=diffusion%20models&searchtype=title", P,
       "https://papers.cool/arxiv/search?highlight=1&query=diffusion%20models"},
      {"https://arxiv.org/search/advanced?advanced=&terms-0-operator=AND&terms-0-term=lora&terms-0-field=title"
       "&terms-1-operator=AND&terms-1-term=vision&terms-1-field=abstract&size=50",
       P, "https://papers.cool/arxiv/search?highlight=1&query=lora%20vision"},
      {"https://arxiv.org/search/?query=&searchtype=all", P, ""},
      {"https://arxiv.org/search/cs/deep?query=lora", P, ""},
      {"https://example.org/search/?query=lora", P, ""},
  });
  // A link to a search page comes before the page; ids still come first.
  Request request;
  request.link_url = "https://arxiv.org/search/?query=lora";
  request.page_url = "https://arxiv.org/search/?query=other";
  CHECK(test::builtin().resolve(request).field == Field::link_url);
  request.page_url = "https://arxiv.org/abs/2312.00001";
  CHECK(test::builtin().resolve(request).url == "https://papers.cool/arxiv/2312.00001");
}

TEST_CASE("a Cool Papers URL is its own answer, on the configured base") {
  check_rows({
      {"https://papers.cool/venue/NGB6YNnO5o@OpenReview", P, "https://papers.cool/venue/NGB6YNnO5o@OpenReview"},
      {"https://papers.cool/arxiv/cs.CL", P, "https://papers.cool/arxiv/cs.CL"},
      {"https://PAPERS.cool/arxiv/search?highlight=1&query=lora#top", P,
       "https://papers.cool/arxiv/search?highlight=1&query=lora"},
      {"http://www.papers.cool/venue/ICLR.2024?group=Oral", P, "https://papers.cool/venue/ICLR.2024?group=Oral"},
      {"  https://papers.cool/arxiv/2312.00001  ", S, "https://papers.cool/arxiv/2312.00001"},
      // Paths that would leave /arxiv/ or /venue/ are not taken as they are.
      {"https://papers.cool/arxiv/../admin", P, ""},
      {"https://papers.cool/venue/%2e%2e/admin", P, ""},
      {"https://papers.cool/venue//evil.example", P, ""},
      {"https://papers.cool/venue/a\\..\\b", P, ""},
      {"https://papers.cool/arxiv/", P, ""},
      {"https://papers.cool/about", P, ""},
      {"https://papers.cool.evil.example/venue/x", P, ""},
  });
  Resolution r = test::builtin().resolve("https://papers.cool/venue/X@OpenReview", P);
  CHECK(r.kind == AnswerKind::own_page);
  CHECK(r.family == "coolpapers");
  auto mirror = test::builtin().with_base("http://127.0.0.1:8377/cool");
  REQUIRE(mirror);
  CHECK(mirror->resolve("https://papers.cool/venue/X@OpenReview", P).url == "http://127.0.0.1:8377/cool/venue/X@OpenReview");
  CHECK(mirror->resolve("http://127.0.0.1:8377/cool/arxiv/cs.AI", P).url == "http://127.0.0.1:8377/cool/arxiv/cs.AI");
  CHECK_FALSE(mirror->resolve("http://127.0.0.1:8377/other/arxiv/cs.AI", P).ok());
}

TEST_CASE("more ids than the cap: the first 50 and a truncated flag") {
  std::string text;
  for (int i = 1; i <= 60; ++i) text += "2401." + std::to_string(10000 + i) + " ";
  Resolution r = test::builtin().resolve(text, S);
  REQUIRE(r.ok());
  CHECK(r.ids.size() == 50);
  CHECK(r.ids.back() == "2401.10050");
  CHECK(r.truncated);
  CHECK(to_json(r).find(",\"truncated\":true}") != std::string::npos);

  text.clear();
  for (int i = 1; i <= 50; ++i) text += "2401." + std::to_string(10000 + i) + " 2401.10001 ";
  r = test::builtin().resolve(text, S);
  CHECK(r.ids.size() == 50);
  CHECK_FALSE(r.truncated);
  CHECK(to_json(r).find("truncated") == std::string::npos);
}

TEST_CASE("a paper site without a rule gets a message naming it and what works") {
  struct Case {
    const char* url;
    const char* site;
  };
  for (const Case& c : std::initializer_list<Case>{
           {"https://proceedings.neurips.cc/paper_files/paper/2023/hash/0123abcd-Abstract-Conference.html",
            "NeurIPS proceedings"},
           {"https://papers.nips.cc/paper/2017/hash/3f5ee243547dee91fbd053c1c4a845aa-Abstract.html",
            "NeurIPS proceedings"},
           {"https://jmlr.org/papers/v24/22-1234.html", "JMLR"},
           {"https://www.ecva.net/papers/eccv_2022/papers_ECCV/html/123_ECCV_2022_paper.php", "ECCV"},
           {"https://www.semanticscholar.org/paper/Attention-is-All-you-Need-Vaswani/204e3073870fae3d05bcbc2f6a8e263d9b72e776",
            "Semantic Scholar"},
           {"https://paperswithcode.com/paper/attention-is-all-you-need", "Papers with Code"},
           {"https://www.connectedpapers.com/main/204e3073/graph", "Connected Papers"},
           {"https://dl.acm.org/doi/10.1145/3580305.3599000", "ACM Digital Library"},
           {"https://ieeexplore.ieee.org/document/9157382", "IEEE Xplore"},
           {"https://link.springer.com/chapter/10.1007/978-3-031-19812-0_1", "Springer"},
           {"https://www.sciencedirect.com/science/article/pii/S0893608023001234", "ScienceDirect"},
           {"https://www.usenix.org/system/files/osdi23-zhang-hong.pdf", "USENIX"},
       }) {
    CAPTURE(c.url);
    Resolution r = test::builtin().resolve(c.url, P);
    REQUIRE_FALSE(r.ok());
    CHECK(*r.error == ErrorCode::no_match);
    CHECK(r.site_without_rule == c.site);
    CHECK(r.message.find(c.site) != std::string::npos);
    CHECK(r.message.find("the page's title is used, or paste the paper's arXiv id") != std::string::npos);
  }
  // Other pages of those hosts that have a rule, and other sites, are unchanged.
  CHECK(test::url_of("https://www.semanticscholar.org/arxiv/2312.00001", P) == "https://papers.cool/arxiv/2312.00001");
  CHECK(test::url_of("https://www.usenix.org/conference/osdi23/presentation/zhang-hong", P) ==
        "https://papers.cool/venue/zhang-hong@osdi23@USENIX");
  CHECK(test::builtin().resolve("https://github.com/a/b", P).message == "No paper id found in the URL");
  CHECK(test::builtin().resolve("https://github.com/a/b", P).site_without_rule.empty());
  CHECK(test::builtin().resolve("https://www.semanticscholar.org/author/x/1", P).message ==
        "No paper id found in the URL");
}

TEST_CASE("page metadata: ids from citation tags, else a search for the title") {
  Request request;
  request.page_url = "https://proceedings.neurips.cc/paper_files/paper/2023/hash/abc-Abstract-Conference.html";
  request.page_meta.citation_title = "Direct Preference Optimization: Your Language Model is Secretly a Reward Model";
  Resolution r = test::builtin().resolve(request);
  REQUIRE(r.ok());
  CHECK(r.kind == AnswerKind::search);
  CHECK(r.field == Field::page_meta);
  CHECK(r.url == "https://papers.cool/arxiv/search?highlight=1&query=Direct%20Preference%20Optimization%20Your%20"
                 "Language%20Model%20is%20Secretly%20a%20Reward%20Model");

  request.page_meta.citation_arxiv_id = "2305.18290";
  CHECK(test::builtin().resolve(request).url == "https://papers.cool/arxiv/2305.18290");
  request.page_meta.citation_arxiv_id = {};
  request.page_meta.citation_doi = "10.48550/arXiv.2305.18290";
  CHECK(test::builtin().resolve(request).url == "https://papers.cool/arxiv/2305.18290");
  request.page_meta.citation_doi = "10.1145/3580305.3599000";
  request.page_meta.citation_pdf_url = "https://arxiv.org/pdf/2305.18290v2";
  CHECK(test::builtin().resolve(request).url == "https://papers.cool/arxiv/2305.18290");
  request.page_meta.citation_pdf_url = "https://aclanthology.org/2023.acl-long.1.pdf";
  CHECK(test::builtin().resolve(request).url == "https://papers.cool/venue/2023.acl-long.1@ACL");

  // DC.title when there is no citation_title; the page URL's id comes first.
  Request dc;
  dc.page_url = "https://ieeexplore.ieee.org/document/9157382";
  dc.page_meta.dc_title = "Deep Residual Learning";
  CHECK(test::builtin().resolve(dc).url == "https://papers.cool/arxiv/search?highlight=1&query=Deep%20Residual%20Learning");
  dc.page_url = "https://arxiv.org/abs/1512.03385";
  CHECK(test::builtin().resolve(dc).field == Field::page_url);
  // The selection's words come before the page's title.
  dc.page_url = {};
  dc.selection_text = "residual";
  CHECK(test::builtin().resolve(dc).url == "https://papers.cool/arxiv/search?highlight=1&query=residual");

  PageMeta meta;
  CHECK(meta.empty());
  REQUIRE(meta.find("dc.TITLE") != nullptr);
  *meta.find("dc.TITLE") = "x";
  CHECK(meta.dc_title == "x");
  CHECK(meta.find("og:title") == nullptr);
  CHECK(field_name(Field::page_meta) == "pageMeta");
  CHECK_FALSE(field_from_name("pageMeta"));
}
