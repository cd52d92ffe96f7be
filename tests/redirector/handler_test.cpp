// The request-to-response function, without sockets: every route, every
// family of the contract, HEAD, errors, and the rule that every Location
// starts with the base.
#include <doctest/doctest.h>

#include <cctype>

#include <boost/beast/http.hpp>

#include "coolpapers/percent.hpp"
#include "handler.hpp"
#include "request_head.hpp"
#include "resolution_examples.hpp"

using namespace coolpapers;
using namespace coolpapers::redirector;
using coolpapers::test::resolution_examples;
namespace beast = boost::beast;

namespace {

const Service& service() {
  static const Service s = [] {
    auto r = Resolver::create({});
    REQUIRE(r);
    return Service(*r, "http://127.0.0.1:8377");
  }();
  return s;
}

struct Reply {
  Outcome outcome;
  std::string raw;
  beast::http::response<beast::http::string_body> message;
  std::string header(beast::http::field f) const { return std::string(message[f]); }
};

class FixedMetrics : public MetricsSource {
 public:
  void render(std::string& out) const override { out += "fixed_metric 1\n"; }
};

Reply respond(std::string target, http::verb method = http::verb::get, bool keep_alive = true,
              bool closing = false) {
  static Scratch scratch;
  static FixedMetrics metrics;
  RequestHead head;
  head.method = method;
  head.method_text = http::to_string(method);
  head.target = target;
  head.keep_alive = keep_alive;
  ResponseContext context{"Sun, 29 Nov 2026 05:00:00 GMT", &metrics, closing};
  Reply reply;
  reply.outcome = handle_request(service(), head, context, scratch, reply.raw);

  // What we send must parse as exactly one HTTP response.
  beast::http::response_parser<beast::http::string_body> parser;
  parser.skip(method == http::verb::head);
  parser.eager(true);
  beast::error_code ec;
  std::size_t used = parser.put(boost::asio::buffer(reply.raw), ec);
  if (!ec && !parser.is_done()) parser.put_eof(ec);
  REQUIRE_MESSAGE(!ec, ec.message() << " in " << reply.raw);
  CHECK(used == reply.raw.size());
  reply.message = parser.release();
  return reply;
}

// `text` as a query parameter value: every byte but RFC 3986's unreserved
// ones as %XX, so the service sees exactly `text` after decoding.
std::string query_value(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (char ch : text) {
    auto c = static_cast<unsigned char>(ch);
    if (std::isalnum(c) || ch == '-' || ch == '.' || ch == '_' || ch == '~') {
      out.push_back(ch);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

}  // namespace

TEST_CASE("every one-text example of the contract holds in the JSON API and as a redirect") {
  for (const auto& example : resolution_examples()) {
    if (!example.single_text()) continue;  // the service reads one text per request
    CAPTURE(example.where());
    // The page's meta tags are parameters named as the tags.
    std::string meta;
    for (const auto& [name, value] : example.page_meta) meta += "&" + name + "=" + query_value(value);
    Reply api = respond("/api/resolve?field=" + example.first_member() + "&q=" + query_value(example.first_text()) + meta);
    // The browser entry point reads a URL as a page and anything else as a
    // selection; it is checked on the examples that read their text that way.
    // The meta tags are parameters of the JSON API only.
    const bool as_typed =
        example.page_meta.empty() && field_name(auto_field(example.first_text())) == example.first_member();
    Reply typed = respond("/?q=" + query_value(example.first_text()));
    if (!example.url) {
      CHECK(api.outcome.status == 404);
      CHECK(api.message.body().find(R"("code":"no_match")") != std::string::npos);
      if (!example.message.empty()) CHECK(api.message.body().find(example.message) != std::string::npos);
      if (as_typed) CHECK(typed.outcome.status == 404);
      continue;
    }
    CHECK(api.outcome.status == 200);
    CHECK(api.message.body().find(R"("url":")" + *example.url + '"') != std::string::npos);
    CHECK((api.message.body().find(R"("truncated":true)") != std::string::npos) == example.truncated);
    if (!example.family.empty())
      CHECK(api.message.body().find(R"("family":")" + example.family + '"') != std::string::npos);
    if (as_typed) {
      CHECK(typed.outcome.status == 302);
      CHECK(typed.header(beast::http::field::location) == *example.url);
    }
  }
}

TEST_CASE("the contract's examples redirect from the raw path too, keeping the connection open") {
  for (const auto& example : resolution_examples()) {
    if (!example.single_text() || !example.url || !example.page_meta.empty() ||
        field_name(auto_field(example.first_text())) != example.first_member())
      continue;
    CAPTURE(example.where());
    Reply r = respond("/" + example.first_text());
    CHECK(r.outcome.status == 302);
    CHECK(r.outcome.route == Route::redirect);
    CHECK(r.message.result_int() == 302);
    CHECK(r.header(beast::http::field::location) == *example.url);
    CHECK(r.header(beast::http::field::connection) == "keep-alive");
    CHECK_FALSE(r.outcome.close);
  }
}

TEST_CASE("percent-encoded and raw inputs give the same redirect") {
  const std::string expected = "https://papers.cool/venue/NGB6YNnO5o@OpenReview";
  for (std::string target : {"/https://openreview.net/forum?id=NGB6YNnO5o",
                             "/https%3A%2F%2Fopenreview.net%2Fforum%3Fid%3DNGB6YNnO5o",
                             "/https:%2F%2Fopenreview.net/forum%3Fid=NGB6YNnO5o",
                             "/?q=https%3A%2F%2Fopenreview.net%2Fforum%3Fid%3DNGB6YNnO5o",
                             "/?q=https://openreview.net/forum?id=NGB6YNnO5o"}) {
    CAPTURE(target);
    Reply r = respond(target);
    CHECK(r.outcome.status == 302);
    CHECK(r.header(beast::http::field::location) == expected);
  }
}

TEST_CASE("a search-bar query uses + for spaces and falls back to a search for plain words") {
  Reply r = respond("/?q=diffusion+bridge");
  CHECK(r.outcome.route == Route::search);
  CHECK(r.header(beast::http::field::location) ==
        "https://papers.cool/arxiv/search?highlight=1&query=diffusion%20bridge");
  Reply ids = respond("/?q=arXiv%3A2312.00001");
  CHECK(ids.header(beast::http::field::location) == "https://papers.cool/arxiv/2312.00001");
}

TEST_CASE("the root without input is the start page, with or without an empty q") {
  for (std::string target : {"/", "/?q=", "/?q=+++", "/?other=1"}) {
    CAPTURE(target);
    Reply r = respond(target);
    CHECK(r.outcome.status == 200);
    CHECK(r.outcome.route == Route::help);
    CHECK(r.header(beast::http::field::content_type) == "text/html; charset=utf-8");
    CHECK(r.message.body().find("/?q=%s") != std::string::npos);
  }
}

TEST_CASE("no paper id gives a 404 page that shows the input escaped") {
  Reply r = respond("/https://doi.org/10.1145/3580305.3599000<script>");
  CHECK(r.outcome.status == 404);
  CHECK(r.header(beast::http::field::location).empty());
  CHECK(r.header(beast::http::field::content_type) == "text/html; charset=utf-8");
  CHECK(r.message.body().find("<script>") == std::string::npos);
  CHECK(r.message.body().find("&lt;script&gt;") != std::string::npos);
  CHECK(std::string(r.message["Content-Security-Policy"]).find("default-src 'none'") == 0);
}

TEST_CASE("the API answers the resolver's JSON with 200, 404 or 400") {
  Reply ok = respond("/api/resolve?q=https%3A%2F%2Farxiv.org%2Fabs%2F2312.00001");
  CHECK(ok.outcome.status == 200);
  CHECK(ok.outcome.route == Route::api);
  CHECK(ok.header(beast::http::field::content_type) == "application/json");
  CHECK(ok.message.body().find("\"ok\":true") != std::string::npos);
  CHECK(ok.message.body().find("\"url\":\"https://papers.cool/arxiv/2312.00001\"") != std::string::npos);
  CHECK(ok.message.body().find("\"field\":\"pageUrl\"") != std::string::npos);

  Reply as_link = respond("/api/resolve?q=https://arxiv.org/abs/2312.00001&field=link");
  CHECK(as_link.message.body().find("\"field\":\"linkUrl\"") != std::string::npos);

  Reply none = respond("/api/resolve?q=https://doi.org/10.1145/3580305.3599000");
  CHECK(none.outcome.status == 404);
  CHECK(none.message.body().find("\"code\":\"no_match\"") != std::string::npos);

  Reply bad_field = respond("/api/resolve?q=x&field=nose");
  CHECK(bad_field.outcome.status == 400);
  CHECK(bad_field.message.body().find("\"field\":\"nose\"") != std::string::npos);
  // The same names as the command line's --field: short and member names.
  for (const char* name : {"frame", "frameUrl", "auto"}) {
    CAPTURE(name);
    Reply named = respond(std::string("/api/resolve?q=https://arxiv.org/abs/2312.00001&field=") + name);
    CHECK(named.outcome.status == 200);
  }
  CHECK(bad_field.message.body().find("auto, selection, link, page or frame") != std::string::npos);

  Reply missing = respond("/api/resolve");
  CHECK(missing.outcome.status == 400);
  CHECK(missing.message.body().find("bad_request") != std::string::npos);

  Reply unknown = respond("/api/frobnicate?q=1");
  CHECK(unknown.outcome.status == 404);
  CHECK(unknown.header(beast::http::field::content_type) == "application/json");
}

TEST_CASE("healthz, metrics, robots.txt and favicon.ico are not resolved") {
  CHECK(respond("/healthz").message.body() == "ok\n");
  Reply m = respond("/metrics");
  CHECK(m.outcome.route == Route::metrics);
  CHECK(m.message.body() == "fixed_metric 1\n");
  CHECK(respond("/robots.txt").message.body() == "User-agent: *\nDisallow: /\n");
  Reply icon = respond("/favicon.ico");
  CHECK(icon.outcome.status == 404);
  CHECK(icon.outcome.route == Route::static_file);
}

TEST_CASE("HEAD answers the same status and headers as GET without a body") {
  for (std::string target : {"/arXiv:2312.00001", "/", "/nothing-here-at-all-1234", "/api/resolve?q=x"}) {
    CAPTURE(target);
    Reply get = respond(target);
    Reply head = respond(target, http::verb::head);
    CHECK(head.outcome.status == get.outcome.status);
    CHECK(head.header(beast::http::field::content_length) ==
          get.header(beast::http::field::content_length));
    CHECK(head.header(beast::http::field::location) == get.header(beast::http::field::location));
    CHECK(head.raw.size() < get.raw.size());
    CHECK(head.raw.substr(head.raw.size() - 4) == "\r\n\r\n");
  }
}

TEST_CASE("methods other than GET and HEAD get 405 with Allow") {
  for (auto method : {http::verb::post, http::verb::put, http::verb::delete_, http::verb::options}) {
    Reply r = respond("/arXiv:2312.00001", method);
    CHECK(r.outcome.status == 405);
    CHECK(r.header(beast::http::field::allow) == "GET, HEAD");
    CHECK(r.outcome.route == Route::redirect);
  }
}

TEST_CASE("absolute-form targets ignore their host; authority-form and * are refused") {
  Reply absolute = respond("http://evil.example/arXiv:2312.00001");
  CHECK(absolute.outcome.status == 302);
  CHECK(absolute.header(beast::http::field::location) == "https://papers.cool/arxiv/2312.00001");
  Reply absolute_query = respond("HTTPS://evil.example?q=arXiv:2312.00001");
  CHECK(absolute_query.header(beast::http::field::location) == "https://papers.cool/arxiv/2312.00001");
  CHECK(respond("http://evil.example").outcome.route == Route::help);
  CHECK(respond("evil.example:443").outcome.status == 400);
  CHECK(respond("*", http::verb::options).outcome.status == 400);
}

TEST_CASE("inputs that try to steer the redirect still land on the base") {
  for (std::string target :
       {"//evil.example/arXiv:2312.00001", "/https://evil.example/@papers.cool",
        "/%0d%0aLocation:%20https://evil.example", "/arXiv:2312.00001%0d%0aSet-Cookie:%20a=b",
        "/https://papers.cool.evil.example/arxiv/2312.00001", "/%2F%2Fevil.example",
        "/javascript:alert(1)", "/\xff\xfe arXiv:2312.00001"}) {
    CAPTURE(target);
    Reply r = respond(target);
    const std::string location = r.header(beast::http::field::location);
    if (r.outcome.status == 302) {
      CHECK(location.rfind("https://papers.cool/", 0) == 0);
    } else {
      CHECK(location.empty());
    }
    // One header block: no injected line.
    CHECK(r.raw.find("Set-Cookie") == std::string::npos);
    CHECK(r.message.count(beast::http::field::location) <= 1);
  }
}

TEST_CASE("Connection: close is sent when the client or a draining server asks for it") {
  Reply client = respond("/arXiv:2312.00001", http::verb::get, /*keep_alive=*/false);
  CHECK(client.outcome.close);
  CHECK(client.header(beast::http::field::connection) == "close");
  Reply draining = respond("/arXiv:2312.00001", http::verb::get, true, /*closing=*/true);
  CHECK(draining.outcome.close);
  CHECK(draining.header(beast::http::field::connection) == "close");
}

TEST_CASE("a safe Location starts with the base and a slash and is printable ASCII") {
  CHECK(is_safe_location("https://papers.cool/arxiv/1", "https://papers.cool"));
  CHECK_FALSE(is_safe_location("https://papers.cool.evil/arxiv/1", "https://papers.cool"));
  CHECK_FALSE(is_safe_location("https://papers.cool", "https://papers.cool"));
  CHECK_FALSE(is_safe_location("https://papers.cool/a\r\nX: y", "https://papers.cool"));
  CHECK_FALSE(is_safe_location("https://papers.cool/a b", "https://papers.cool"));
  CHECK_FALSE(is_safe_location("https://papers.cool/\xc3\xa9", "https://papers.cool"));
}

TEST_CASE("percent_decode keeps invalid escapes and decodes + only in queries") {
  std::string out;
  percent_decode("a%2Fb%zz%4", false, out);
  CHECK(out == "a/b%zz%4");
  percent_decode("a+b%2B", true, out);
  CHECK(out == "a b+");
  percent_decode("a+b", false, out);
  CHECK(out == "a+b");
}

TEST_CASE("query_parameter finds the first exact key") {
  CHECK(query_parameter("q=1&qq=2", "qq") == std::optional<std::string_view>("2"));
  CHECK(query_parameter("qq=2&q=1&q=3", "q") == std::optional<std::string_view>("1"));
  CHECK(query_parameter("q", "q") == std::optional<std::string_view>(""));
  CHECK_FALSE(query_parameter("a=1", "q"));
  CHECK_FALSE(query_parameter("", "q"));
}
