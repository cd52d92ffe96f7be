// The not-found page naming a paper site without a rule, and the page's
// meta tags as parameters of the JSON API (the contract's examples run in
// handler_test.cpp).
#include <doctest/doctest.h>

#include <boost/json/parse.hpp>

#include "handler.hpp"
#include "request_head.hpp"

using namespace coolpapers;
using namespace coolpapers::redirector;

namespace {

constexpr std::string_view kBase = "http://127.0.0.1:8377";

const Service& service() {
  static const Service s = [] {
    auto r = Resolver::create({});
    REQUIRE(r);
    return Service(*r, std::string(kBase));
  }();
  return s;
}

class NoMetrics : public MetricsSource {
 public:
  void render(std::string&) const override {}
};

// The raw response to GET `target`: status line, headers, body.
std::string get(const std::string& target) {
  static Scratch scratch;
  static NoMetrics metrics;
  RequestHead head;
  head.method = http::verb::get;
  head.method_text = "GET";
  head.target = target;
  head.keep_alive = true;
  ResponseContext context{"Sun, 29 Nov 2026 05:00:00 GMT", &metrics, false};
  std::string raw;
  handle_request(service(), head, context, scratch, raw);
  return raw;
}

std::string body_of(const std::string& raw) { return raw.substr(raw.find("\r\n\r\n") + 4); }

}  // namespace

TEST_CASE("a paper site without a rule: the not-found page says which and what works") {
  const std::string raw = get("/https://jmlr.org/papers/v21/20-074.html");
  CHECK(raw.starts_with("HTTP/1.1 404"));
  CHECK(raw.find("JMLR pages hold no id Cool Papers uses") != std::string::npos);
  CHECK(raw.find("the page&#39;s title is used") != std::string::npos);
  // With the page's title as a parameter, the API searches for it.
  const std::string api = body_of(
      get("/api/resolve?q=https%3A%2F%2Fjmlr.org%2Fpapers%2Fv21%2F20-074.html&citation_title=Exploring+Limits"));
  CHECK(api.find("\"url\":\"https://papers.cool/arxiv/search?highlight=1&query=Exploring%20Limits\"") !=
        std::string::npos);
}
