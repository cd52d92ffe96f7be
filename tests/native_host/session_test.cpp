// The serve loop in process: what a whole connection turns into, including
// the failures only a fake sink can produce.
#include <doctest/doctest.h>

#include <cerrno>
#include <string>

#include "coolpapers/errors.hpp"
#include "frames.hpp"
#include "host_session.hpp"

using coolpapers::ErrorCode;
using coolpapers::exit_code;
using coolpapers::host::kMaxRequestBytes;
using coolpapers::host::RequestHandler;
using coolpapers::host::serve;
using coolpapers::host::StringSink;
using coolpapers::host::StringSource;
using coolpapers::testing::error_code_of;
using coolpapers::testing::frame;
using coolpapers::testing::length_prefix;
using coolpapers::testing::parse_reply;
using coolpapers::testing::split_frames;

namespace {

const coolpapers::Resolver& resolver() {
  static const coolpapers::Resolver instance = *coolpapers::Resolver::create({});
  return instance;
}

struct Session {
  int exit_code = -1;
  std::string out;
  std::string diagnostics;
};

Session run(const std::string& input, std::size_t chunk = SIZE_MAX) {
  RequestHandler handler(resolver());
  StringSource in(input, chunk);
  StringSink out;
  StringSink diagnostics;
  Session session;
  session.exit_code = serve(handler, in, out, diagnostics);
  session.out = out.bytes();
  session.diagnostics = diagnostics.bytes();
  return session;
}

// A sink whose reader has gone away (the browser closed the pipe).
class ClosedSink final : public coolpapers::host::ByteSink {
 public:
  bool write_all(std::string_view) override {
    errno = EPIPE;
    return false;
  }
};

}  // namespace

TEST_CASE("serve answers every frame in order and returns 0 when the input ends") {
  const std::string input = frame(R"({"type":"ping"})") + frame("not json") + frame(R"({"type":"ping"})");
  for (std::size_t chunk : {std::size_t{1}, std::size_t{2}, SIZE_MAX}) {
    CAPTURE(chunk);
    const Session session = run(input, chunk);
    CHECK(session.exit_code == 0);
    CHECK(session.diagnostics.empty());
    const auto frames = split_frames(session.out);
    CHECK(frames.leftover.empty());
    REQUIRE(frames.bodies.size() == 3);
    CHECK(error_code_of(parse_reply(frames.bodies[0])) == "<ok>");
    CHECK(error_code_of(parse_reply(frames.bodies[1])) == "bad_json");
    CHECK(error_code_of(parse_reply(frames.bodies[2])) == "<ok>");
  }
}

TEST_CASE("serve answers an over-long length with too_large, then stops with a non-zero code") {
  const std::string input = frame(R"({"type":"ping"})") + length_prefix(kMaxRequestBytes + 1) +
                            frame(R"({"type":"ping"})");
  const Session session = run(input);
  CHECK(session.exit_code == exit_code(ErrorCode::too_large));
  CHECK(session.exit_code != 0);
  const auto frames = split_frames(session.out);
  REQUIRE(frames.bodies.size() == 2);  // the ping after the bad length is never read
  const auto refusal = parse_reply(frames.bodies[1]);
  CHECK(error_code_of(refusal) == "too_large");
  CHECK(refusal.at("error").as_object().at("limit").as_int64() == kMaxRequestBytes);
  CHECK(session.diagnostics.find("8388609") != std::string::npos);
  CHECK(session.diagnostics.find("after 1 complete message") != std::string::npos);
}

TEST_CASE("serve reports a truncated frame on the diagnostics stream and returns the I/O code") {
  struct Row {
    std::string input;
    std::string diagnostic;
  };
  const Row rows[] = {
      {length_prefix(5).substr(0, 3), "length header (3 of 4 bytes)"},
      {length_prefix(5) + "ab", "inside a message (2 of 5 bytes)"},
      {frame("{}") + length_prefix(5), "inside a message (0 of 5 bytes) (after 1 complete message)"},
  };
  for (const Row& row : rows) {
    CAPTURE(row.diagnostic);
    const Session session = run(row.input);
    CHECK(session.exit_code == exit_code(ErrorCode::io));
    CHECK(session.diagnostics.find(row.diagnostic) != std::string::npos);
    CHECK(split_frames(session.out).leftover.empty());
  }
}

TEST_CASE("a reply that cannot be written ends the session with the I/O code and a message") {
  RequestHandler handler(resolver());
  StringSource in(frame(R"({"type":"ping"})") + frame(R"({"type":"ping"})"));
  ClosedSink out;
  StringSink diagnostics;
  CHECK(serve(handler, in, out, diagnostics) == exit_code(ErrorCode::io));
  CHECK(diagnostics.bytes().find("writing a reply failed") != std::string::npos);
}
