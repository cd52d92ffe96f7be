// The request-head parser: what it keeps, keep-alive, limits and bodies.
#include <doctest/doctest.h>

#include <boost/asio/buffer.hpp>
#include <boost/beast/http/error.hpp>

#include "request_head.hpp"

using namespace coolpapers::redirector;

namespace {

struct Parsed {
  boost::beast::error_code ec;
  std::size_t used = 0;
  RequestHead head;
  bool has_body = false;
};

Parsed parse(std::string_view bytes, std::uint32_t limit = 8192) {
  static std::string target, method;
  RequestHeadParser parser(target, method);
  parser.header_limit(limit);
  parser.eager(false);
  Parsed p;
  p.used = parser.put(boost::asio::buffer(bytes.data(), bytes.size()), p.ec);
  if (!p.ec && parser.is_header_done()) {
    p.head = parser.head();
    p.has_body = parser.has_body();
  }
  return p;
}

}  // namespace

TEST_CASE("a request head yields method, target, version and keep-alive") {
  auto p = parse("HEAD /arXiv:2312.00001?x=1 HTTP/1.1\r\nHost: a\r\n\r\nGET / HTTP/1.1\r\n");
  REQUIRE_FALSE(p.ec);
  CHECK(p.head.method == http::verb::head);
  CHECK(p.head.method_text == "HEAD");
  CHECK(p.head.target == "/arXiv:2312.00001?x=1");
  CHECK(p.head.version == 11);
  CHECK(p.head.keep_alive);
  CHECK(p.used == std::string_view("HEAD /arXiv:2312.00001?x=1 HTTP/1.1\r\nHost: a\r\n\r\n").size());
  CHECK_FALSE(p.has_body);
}

TEST_CASE("HTTP/1.0 closes unless it asks for keep-alive; Connection: close closes") {
  CHECK_FALSE(parse("GET / HTTP/1.0\r\n\r\n").head.keep_alive);
  CHECK(parse("GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n").head.keep_alive);
  CHECK_FALSE(parse("GET / HTTP/1.1\r\nConnection: close\r\n\r\n").head.keep_alive);
}

TEST_CASE("a body is detected from Content-Length or chunked encoding") {
  CHECK(parse("POST / HTTP/1.1\r\nContent-Length: 5\r\n\r\nhello").has_body);
  CHECK(parse("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n").has_body);
  CHECK_FALSE(parse("GET / HTTP/1.1\r\nContent-Length: 0\r\n\r\n").has_body);
}

TEST_CASE("an incomplete head asks for more; an oversized one is header_limit") {
  CHECK(parse("GET / HTTP/1.1\r\nHost: a\r\n").ec == http::error::need_more);
  std::string big = "GET / HTTP/1.1\r\nX: " + std::string(3000, 'a') + "\r\n\r\n";
  CHECK(parse(big, 2048).ec == http::error::header_limit);
  CHECK_FALSE(parse(big, 8192).ec);
}

TEST_CASE("control characters in the target are a parse error") {
  CHECK(parse("GET /a\rb HTTP/1.1\r\n\r\n").ec);
  CHECK(parse("GET /a\x01 HTTP/1.1\r\n\r\n").ec);
  CHECK(parse("GET /a b HTTP/1.1\r\n\r\n").ec);
  CHECK(parse("GARBAGE\r\n\r\n").ec);
}
