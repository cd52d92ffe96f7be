// The native messaging protocol (native_host/PROTOCOL.md) as a pure
// function: the bytes of one request in, the bytes of one reply out. No I/O,
// like Beast's handle_request, so every reply is tested without pipes.
//
//   RequestHandler handler(resolver);
//   std::string reply;
//   handler.handle(R"({"type":"resolve","pageUrl":"https://arxiv.org/abs/2312.00001v2"})", reply);
//   // reply == {"ok":true,"url":"https://papers.cool/arxiv/2312.00001",
//   //           "family":"arxiv","ids":["2312.00001"],"field":"pageUrl"}
//
//   handler.handle(R"({"type":"frobnicate"})", reply);   // after reply.clear()
//   // reply == {"ok":false,"error":{"code":"unknown_type","message":"...",
//   //           "type":"frobnicate"}}
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "coolpapers/resolution_json.hpp"
#include "coolpapers/resolver.hpp"

namespace coolpapers::host {

class RequestHandler {
 public:
  // REQUIRES: `resolver` outlives the handler.
  explicit RequestHandler(const Resolver& resolver);

  // Appends the reply to one request body (any bytes) to `out`. Never
  // throws. The appended reply is one JSON object of valid UTF-8 (invalid
  // input bytes are echoed as U+FFFD) and at most kMaxReplyBytes long.
  //
  // Not thread-safe: a handler keeps scratch buffers and the resolver of
  // the last per-request "base", so a port that sends many requests with
  // the same base builds that resolver once.
  void handle(std::string_view request, std::string& out);

 private:
  class Members;

  void handle_parsed(std::string_view request, std::string& out);
  void handle_resolve(const Members& message, std::string& out);
  void handle_batch(const Members& message, std::string& out);
  void handle_ping(std::string& out) const;

  // Appends one item's result (a resolution or an error) to `out`.
  // `default_base` is the batch's "base" (empty if none).
  void append_item_result(const Members& item, std::string_view default_base,
                          bool has_default_base, std::string& out);
  // The resolver for a request's "base", or nullptr with `failure` set.
  const Resolver* resolver_for(std::string_view base, ErrorReply& failure);

  const Resolver& resolver_;
  std::string cached_base_;
  std::optional<Resolver> cached_resolver_;
  Resolution scratch_;
  std::string item_json_;
};

}  // namespace coolpapers::host
