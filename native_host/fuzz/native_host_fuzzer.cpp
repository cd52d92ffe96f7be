// libFuzzer target: frame decoding and request handling, the code that
// reads whatever a browser (or anything else) writes to the host's stdin.
//
// Each input is used twice:
//   1. as a byte stream through serve(), the host's own loop, delivered in
//      pieces, exactly as run_native_host() does with a pipe;
//   2. as one request body through RequestHandler::handle(), so the JSON
//      handling is reached without the fuzzer having to find a valid header.
// Besides the sanitizers, it checks the promises the protocol makes: every
// reply is one strictly valid UTF-8 JSON object of at most 1 MiB, with a
// boolean "ok" and, when not ok, a known error code; the loop's exit code is
// one of the documented ones; stdout carries whole frames only.
#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdio>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <string>

#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>

#include "coolpapers/errors.hpp"
#include "coolpapers/resolver.hpp"
#include "host_framing.hpp"
#include "host_limits.hpp"
#include "host_protocol.hpp"
#include "host_session.hpp"

namespace {

using namespace coolpapers;
using namespace coolpapers::host;

[[noreturn]] void broken(const char* promise, std::string_view reply) {
  std::fprintf(stderr, "native_host_fuzzer: %s\nreply (first 300 bytes): %.*s\n", promise,
               static_cast<int>(std::min<std::size_t>(reply.size(), 300)), reply.data());
  std::abort();
}

void check_reply(std::string_view reply) {
  if (reply.size() > kMaxReplyBytes) broken("a reply is over 1 MiB", reply);
  boost::json::error_code ec;
  const boost::json::value value = boost::json::parse(reply, ec);  // strict UTF-8
  if (ec) broken("a reply is not valid UTF-8 JSON", reply);
  const boost::json::object* object = value.if_object();
  if (object == nullptr) broken("a reply is not a JSON object", reply);
  const boost::json::value* ok = object->if_contains("ok");
  if (ok == nullptr || !ok->is_bool()) broken("a reply has no boolean \"ok\"", reply);
  if (ok->as_bool()) return;
  const boost::json::value* error = object->if_contains("error");
  const boost::json::object* error_object = error != nullptr ? error->if_object() : nullptr;
  const boost::json::value* code = error_object != nullptr ? error_object->if_contains("code") : nullptr;
  if (code == nullptr || !code->is_string() ||
      !error_code_from_name(std::string_view(code->as_string().data(), code->as_string().size()))) {
    broken("an error reply has no known error code", reply);
  }
}

// Checks each frame as the host writes it.
class CheckingSink final : public ByteSink {
 public:
  bool write_all(std::string_view bytes) override {
    if (bytes.size() < kHeaderBytes) broken("a write is not a whole frame", bytes);
    std::array<char, kHeaderBytes> header{};
    std::memcpy(header.data(), bytes.data(), kHeaderBytes);
    const std::string_view body = bytes.substr(kHeaderBytes);
    if (decode_length(header) != body.size()) broken("a frame's length prefix is wrong", body);
    check_reply(body);
    return true;
  }
};

class NullSink final : public ByteSink {
 public:
  bool write_all(std::string_view) override { return true; }
};

const Resolver& resolver() {
  static const Resolver instance = [] {
    auto loaded = Resolver::create({});
    if (!loaded) {
      std::fprintf(stderr, "cannot load the built-in rules: %s\n", loaded.error().to_string().c_str());
      std::abort();
    }
    return *loaded;
  }();
  return instance;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  RequestHandler handler(resolver());

  StringSource in(bytes, 1 + size % 7);  // pieces of 1 to 7 bytes
  CheckingSink out;
  NullSink diagnostics;
  const int code = serve(handler, in, out, diagnostics);
  if (code != 0 && code != exit_code(ErrorCode::too_large) && code != exit_code(ErrorCode::io)) {
    broken("serve() returned an undocumented exit code", std::to_string(code));
  }

  std::string reply;
  handler.handle(bytes, reply);
  check_reply(reply);
  return 0;
}
