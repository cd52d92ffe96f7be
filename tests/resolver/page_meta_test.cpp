// Meta tags read from HTML pages, bounded and decoded.
#include "coolpapers/page_meta.hpp"
#include "test_support.hpp"

using namespace coolpapers;

TEST_CASE("meta tags are read from an HTML page in any attribute style") {
  PageMetaStore store = meta_from_html(R"(<!DOCTYPE html><html><head>
    <title>Ignored title</title>
    <meta property="og:title" content="Not used">
    <META NAME="citation_title" CONTENT="Attention Is All You Need &amp; More &#8212; &#x3b1;-test">
    <meta content='10.48550/arXiv.1706.03762' name='citation_doi' />
    <meta name=citation_pdf_url content=https://arxiv.org/pdf/1706.03762>
    <meta name="citation_pdf_url" content="https://example.org/second.pdf">
    <meta name="DC.title" content="  Dublin  ">
    <meta charset="utf-8"><meta name="citation_arxiv_id">
    </head><body>)");
  PageMeta meta = store.view();
  CHECK(meta.citation_title == "Attention Is All You Need & More \xE2\x80\x94 \xCE\xB1-test");
  CHECK(meta.citation_doi == "10.48550/arXiv.1706.03762");
  CHECK(meta.citation_pdf_url == "https://arxiv.org/pdf/1706.03762");  // the first one wins
  CHECK(meta.dc_title == "Dublin");
  CHECK(meta.citation_arxiv_id.empty());
}

TEST_CASE("broken and hostile HTML gives what can be read, quickly, never a crash") {
  CHECK(meta_from_html("").empty());
  CHECK(meta_from_html("<meta").empty());
  CHECK(meta_from_html("<meta name=\"citation_title\" content=\"unterminated").empty());
  CHECK(meta_from_html("<meta name=citation_title content=&#99999999;x>").view().citation_title == "&#99999999;x");
  CHECK(meta_from_html("<metaname=citation_title content=x>").empty());
  std::string huge = "<meta name=\"citation_title\" content=\"" + std::string(100000, 'a') + "\">";
  CHECK(meta_from_html(huge).view().citation_title.size() == kMaxMetaValueBytes);
  std::string many;
  while (many.size() < 1024 * 1024) many += "<meta <meta name=x content=y ";
  CHECK(meta_from_html(many).empty());
}

TEST_CASE("a meta store keeps known tags only, the first value of each") {
  PageMetaStore store;
  CHECK(store.set("citation_ARXIV_id", " 2106.09685 "));
  CHECK(store.set("citation_arxiv_id", "2401.00001"));
  CHECK_FALSE(store.set("og:title", "x"));
  CHECK(store.view().citation_arxiv_id == "2106.09685");
  Request request;
  request.page_meta = store.view();
  CHECK(test::builtin().resolve(request).url == "https://papers.cool/arxiv/2106.09685");
}
