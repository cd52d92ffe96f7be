// The part of an HTTP request the redirector looks at, and a Beast parser
// that produces it without storing header fields.
//
// A redirect needs only the method, the request target and the version;
// Beast's basic_parser already works out keep-alive, Content-Length and
// chunked encoding. Deriving from basic_parser instead of using
// request_parser<empty_body> skips building a basic_fields container
// (one allocation per header field), which matters on the hot path.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include <boost/beast/http/basic_parser.hpp>
#include <boost/beast/http/verb.hpp>

namespace coolpapers::redirector {

namespace http = boost::beast::http;

// A parsed request head. The views point into storage owned by whoever
// filled it in (the parser below); they stay valid until the next request.
struct RequestHead {
  http::verb method = http::verb::get;
  std::string_view method_text;  // as received, for the access log
  std::string_view target;       // the request-target, exactly as received
  unsigned version = 11;         // 10 or 11
  bool keep_alive = true;        // what the client asked for
};

// Parses one request head. Construct a fresh one per request (Beast
// parsers are single-use); construction does not allocate, and the target
// is copied into a caller-owned string whose capacity is reused.
class RequestHeadParser final : public http::basic_parser<true> {
 public:
  // `target_storage` must outlive the parser and the RequestHead it fills.
  RequestHeadParser(std::string& target_storage, std::string& method_storage);

  // Valid once is_header_done().
  RequestHead head() const;

  // True iff the request announces a body (Content-Length > 0 or chunked).
  bool has_body() const;

 private:
  void on_request_impl(http::verb method, boost::beast::string_view method_str,
                       boost::beast::string_view target, int version,
                       boost::beast::error_code& ec) override;
  void on_response_impl(int, boost::beast::string_view, int,
                        boost::beast::error_code&) override {}
  void on_field_impl(http::field, boost::beast::string_view, boost::beast::string_view,
                     boost::beast::error_code&) override {}
  void on_header_impl(boost::beast::error_code&) override {}
  void on_body_init_impl(const boost::optional<std::uint64_t>&,
                         boost::beast::error_code&) override {}
  std::size_t on_body_impl(boost::beast::string_view body,
                           boost::beast::error_code&) override {
    return body.size();
  }
  void on_chunk_header_impl(std::uint64_t, boost::beast::string_view,
                            boost::beast::error_code&) override {}
  std::size_t on_chunk_body_impl(std::uint64_t, boost::beast::string_view body,
                                 boost::beast::error_code&) override {
    return body.size();
  }
  void on_finish_impl(boost::beast::error_code&) override {}

  std::string& target_;
  std::string& method_;
  http::verb verb_ = http::verb::unknown;
  unsigned version_ = 11;
};

}  // namespace coolpapers::redirector
