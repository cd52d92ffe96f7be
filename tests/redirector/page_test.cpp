// The start page, the 404 page and the style sheet, through handle_request
// and the page builders: what each page offers, that request text is
// escaped everywhere it appears, and the security headers.
#include <doctest/doctest.h>

#include <string>

#include "coolpapers/sites.hpp"
#include "handler.hpp"
#include "page.hpp"

using namespace coolpapers;
using namespace coolpapers::redirector;

namespace {

const Service& service() {
  static const Service s = [] {
    auto r = Resolver::create({});
    REQUIRE(r);
    return Service(*r, "https://example.org/cp");
  }();
  return s;
}

struct Page {
  Outcome outcome;
  std::string raw;
  bool has(std::string_view text) const { return raw.find(text) != std::string::npos; }
};

Page get(std::string target) {
  static Scratch scratch;
  RequestHead head;
  head.method = http::verb::get;
  head.method_text = "GET";
  head.target = target;
  head.keep_alive = true;
  ResponseContext context{"Sun, 29 Nov 2026 05:00:00 GMT", nullptr, false};
  Page page;
  page.outcome = handle_request(service(), head, context, scratch, page.raw);
  return page;
}

}  // namespace

TEST_CASE("the start page has the input box, the bookmarklet, the search-engine URL, the sites and the version") {
  Page home = get("/");
  REQUIRE(home.outcome.status == 200);
  // A GET form back to this service: no JavaScript needed to redirect.
  CHECK(home.has("<form action=\"/\" method=\"get\""));
  CHECK(home.has("name=\"q\""));
  CHECK(home.has("paper URL, id or reference"));
  CHECK(home.has("href=\"javascript:(()=&gt;{const s=String(getSelection()).trim();"
                 "location.href=&#39;https://example.org/cp/?q=&#39;"
                 "+encodeURIComponent(s||location.href)})()\""));
  CHECK(home.has("https://example.org/cp/?q=%s"));
  CHECK_FALSE(home.has("127.0.0.1"));
  const auto sites = supported_site_names(service().resolver().families());
  REQUIRE(sites.size() >= 8);
  for (const auto& site : sites) {
    CAPTURE(site);
    CHECK(home.has("<li>" + site + "</li>"));
  }
  CHECK(home.has(std::string("coolpapers-redirector ") + std::string(coolpapers::version())));
  CHECK(home.has("<meta name=\"viewport\""));
  CHECK(home.has("<link rel=\"stylesheet\" href=\"/style.css\">"));
  CHECK_FALSE(home.has("{{"));
  CHECK_FALSE(home.has("<script"));
  CHECK_FALSE(home.has("style=\""));
  // The old text promised a search for "anything else", which a URL of
  // another site never got.
  CHECK_FALSE(home.has("Anything else is sent"));
}

TEST_CASE("both pages forbid scripts and inline styles, and may submit only here and to the base") {
  for (std::string target : {"/", "/https://example.com/some/post"}) {
    CAPTURE(target);
    Page page = get(target);
    CHECK(page.has("\r\nContent-Security-Policy: default-src 'none'; style-src 'self'; "
                   "form-action 'self' https://papers.cool; base-uri 'none'; "
                   "frame-ancestors 'none'\r\n"));
    CHECK_FALSE(page.has("unsafe-inline"));
    CHECK(page.has("\r\nX-Content-Type-Options: nosniff\r\n"));
  }
  CHECK(page_security_policy("http://127.0.0.1:9000/mirror/x").find(
            "form-action 'self' http://127.0.0.1:9000;") != std::string::npos);
}

TEST_CASE("the style sheet is served as CSS") {
  Page css = get("/style.css");
  CHECK(css.outcome.status == 200);
  CHECK(css.outcome.route == Route::static_file);
  CHECK(css.has("\r\nContent-Type: text/css; charset=utf-8\r\n"));
  CHECK(css.has(style_sheet()));
  CHECK(style_sheet().find("@media (max-width:") != std::string_view::npos);
}

TEST_CASE("a link with no paper gets a 404 that says why and offers a search for its words") {
  Page page = get("/https://example.com/blog/diffusion-bridges");
  CHECK(page.outcome.status == 404);
  CHECK(page.has("This link is not a paper&#39;s page on a supported site"));
  // Built by the resolver from the path's words; never the link itself.
  CHECK(page.has("<a class=\"button\" href=\"https://papers.cool/arxiv/search?highlight=1&amp;"
                 "query=blog%20diffusion-bridges\">Search Cool Papers for these words instead</a>"));
  CHECK_FALSE(page.has("href=\"https://example.com"));
  // The input box holds the input, to edit and try again.
  CHECK(page.has("value=\"https://example.com/blog/diffusion-bridges\""));
  CHECK_FALSE(page.has("{{"));
}

TEST_CASE("input with no words gets the 404 without a search link") {
  for (std::string target : {"/https://example.com/", "/?q=%E2%80%94"}) {
    CAPTURE(target);
    Page page = get(target);
    CHECK(page.outcome.status == 404);
    CHECK_FALSE(page.has("Search Cool Papers for these words"));
  }
  CHECK(get("/?q=%E2%80%94").has("This text has no paper identifier in it"));
}

TEST_CASE("request text is escaped in the echo, the input box and the search link") {
  Page page = get("/https://example.com/\"><script>alert(1)</script>?'x'=&lt;");
  CHECK(page.outcome.status == 404);
  CHECK_FALSE(page.has("<script>"));
  CHECK_FALSE(page.has("\"><"));
  CHECK(page.has("value=\"https://example.com/&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;?&#39;x&#39;=&amp;lt;\""));
  CHECK(page.has("query=script%20alert%201%20script%20x%20lt"));
}

TEST_CASE("a long input is shown cut at a character boundary; the box keeps all of it") {
  std::string input = "/https://example.com/";
  for (int i = 0; i < 200; ++i) input += "\xC3\xA9";  // é, two bytes each
  Page page = get(input);
  CHECK(page.has("&hellip;</code>"));
  CHECK(page.has(input.substr(1) + "\""));
}

TEST_CASE("templates: every placeholder is filled; a missing value stays visible") {
  CHECK(fill_template("a {{x}} b {{y}}", {{"x", "1"}, {"y", "<2>"}}) == "a 1 b <2>");
  CHECK(fill_template("{{missing}} {{", {}) == "{{missing}} {{");
}
