#include "request_head.hpp"

namespace coolpapers::redirector {

RequestHeadParser::RequestHeadParser(std::string& target_storage,
                                     std::string& method_storage)
    : target_(target_storage), method_(method_storage) {
  target_.clear();
  method_.clear();
}

void RequestHeadParser::on_request_impl(http::verb method,
                                        boost::beast::string_view method_str,
                                        boost::beast::string_view target, int version,
                                        boost::beast::error_code&) {
  verb_ = method;
  version_ = version == 10 ? 10u : 11u;
  // The parser's views point into the read buffer, which is consumed and
  // reused before the response is written: keep copies.
  target_.assign(target.data(), target.size());
  method_.assign(method_str.data(), method_str.size());
}

RequestHead RequestHeadParser::head() const {
  RequestHead head;
  head.method = verb_;
  head.method_text = method_;
  head.target = target_;
  head.version = version_;
  head.keep_alive = keep_alive();
  return head;
}

bool RequestHeadParser::has_body() const {
  if (chunked()) return true;
  auto length = content_length();
  return length && *length > 0;
}

}  // namespace coolpapers::redirector
