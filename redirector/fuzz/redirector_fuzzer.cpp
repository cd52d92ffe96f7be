// libFuzzer target: arbitrary bytes -> the request-head parser -> the
// request-to-response function, with no sockets. Checks, for every input:
//   - the parser and handler never crash, leak or hit undefined behaviour;
//   - what is appended is exactly one well-formed HTTP/1.1 response;
//   - a 302 carries one Location that starts with the base and a '/', and
//     is printable ASCII; no other status carries a Location;
//   - no header line comes from client bytes (no Set-Cookie, one
//     Content-Length).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include <boost/asio/buffer.hpp>
#include <boost/beast/http.hpp>

#include "handler.hpp"
#include "request_head.hpp"
#include "responses.hpp"

using namespace coolpapers;
using namespace coolpapers::redirector;
namespace beast = boost::beast;

namespace {

constexpr std::string_view kBase = "http://base.test:1/cp";

const Service& service() {
  static const Service s = [] {
    Options options;
    options.base = std::string(kBase);
    auto resolver = Resolver::create(options);
    if (!resolver) std::abort();
    return Service(*resolver, "http://127.0.0.1:8377");
  }();
  return s;
}

class NoMetrics : public MetricsSource {
 public:
  void render(std::string& out) const override { out += "m 1\n"; }
};

void check(bool condition) {
  if (!condition) std::abort();
}

void check_response(const std::string& out, const Outcome& outcome, bool head) {
  beast::http::response_parser<beast::http::string_body> parser;
  parser.skip(head);
  parser.eager(true);
  beast::error_code ec;
  const std::size_t used = parser.put(boost::asio::buffer(out), ec);
  check(!ec && parser.is_done() && used == out.size());
  const auto& message = parser.get();
  check(message.result_int() == outcome.status);
  check(message.count(beast::http::field::content_length) == 1);
  check(message.count(beast::http::field::set_cookie) == 0);
  const auto locations = message.count(beast::http::field::location);
  if (outcome.status == 302) {
    check(locations == 1);
    const std::string_view location = message[beast::http::field::location];
    check(is_safe_location(location, kBase));
  } else {
    check(locations == 0);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static Scratch scratch;
  static NoMetrics metrics;
  std::string target, method, out;
  RequestHeadParser parser(target, method);
  parser.header_limit(8192);
  parser.eager(false);
  beast::error_code ec;
  parser.put(boost::asio::const_buffer(data, size), ec);
  if (ec || !parser.is_header_done()) {
    // What the session sends for a request it cannot parse.
    append_error_and_close(out, 400, "Thu, 01 Jan 1970 00:00:00 GMT");
    check_response(out, {Route::rejected, 400, true}, false);
    return 0;
  }
  const RequestHead head = parser.head();
  ResponseContext context{"Thu, 01 Jan 1970 00:00:00 GMT", &metrics, size % 7 == 0};
  const Outcome outcome = handle_request(service(), head, context, scratch, out);
  check_response(out, outcome, head.method == http::verb::head);
  return 0;
}
