// Frame decoding, byte by byte: exact bytes, pieces, truncation, the cap.
#include <doctest/doctest.h>

#include <bit>
#include <cerrno>
#include <string>

#include "frames.hpp"
#include "host_framing.hpp"

using coolpapers::host::decode_length;
using coolpapers::host::encode_length;
using coolpapers::host::FrameRead;
using coolpapers::host::FrameStatus;
using coolpapers::host::frame_status_name;
using coolpapers::host::kMaxRequestBytes;
using coolpapers::host::read_frame;
using coolpapers::host::StringSource;
using coolpapers::testing::length_prefix;

namespace {

// A source that delivers `before` and then fails like a broken device.
class FailingSource final : public coolpapers::host::ByteSource {
 public:
  explicit FailingSource(std::string before) : before_(std::move(before)), in_(before_) {}
  std::ptrdiff_t read_some(char* data, std::size_t size) override {
    if (in_.remaining() > 0) return in_.read_some(data, size);
    errno = EIO;
    return -1;
  }

 private:
  std::string before_;
  StringSource in_;
};

}  // namespace

TEST_CASE("the length prefix is the body length in native byte order") {
  const std::uint32_t lengths[] = {0, 1, 15, 255, 256, 65536, kMaxRequestBytes, 0xFFFFFFFFu};
  for (std::uint32_t length : lengths) {
    CAPTURE(length);
    const auto header = encode_length(length);
    CHECK(std::string(header.data(), 4) == length_prefix(length));
    CHECK(decode_length(header) == length);
  }
  if constexpr (std::endian::native == std::endian::little) {
    CHECK(decode_length({'\x0f', '\0', '\0', '\0'}) == 15);
    CHECK(decode_length({'\0', '\x01', '\0', '\0'}) == 256);
  }
}

TEST_CASE("a frame is read from exactly its header and its body") {
  const std::string bytes = length_prefix(15) + R"({"type":"ping"})" + "next";
  StringSource in(bytes);
  std::string body = "stale contents";
  const FrameRead read = read_frame(in, body);
  CHECK(frame_status_name(read.status) == "ok");
  CHECK(read.declared_length == 15);
  CHECK(body == R"({"type":"ping"})");
  CHECK(in.remaining() == 4);  // the next frame's bytes are left alone
}

TEST_CASE("frames delivered in pieces of any size are read whole and in order") {
  const std::string bytes = coolpapers::testing::frame("first") + coolpapers::testing::frame("") +
                            coolpapers::testing::frame(std::string(300000, 'x')) +
                            coolpapers::testing::frame("last");
  for (std::size_t chunk : {std::size_t{1}, std::size_t{3}, std::size_t{4}, std::size_t{5},
                            std::size_t{4096}, std::size_t{65537}, SIZE_MAX}) {
    CAPTURE(chunk);
    StringSource in(bytes, chunk);
    std::string body;
    REQUIRE(read_frame(in, body).status == FrameStatus::ok);
    CHECK(body == "first");
    REQUIRE(read_frame(in, body).status == FrameStatus::ok);
    CHECK(body.empty());
    REQUIRE(read_frame(in, body).status == FrameStatus::ok);
    CHECK(body == std::string(300000, 'x'));
    REQUIRE(read_frame(in, body).status == FrameStatus::ok);
    CHECK(body == "last");
    CHECK(read_frame(in, body).status == FrameStatus::end_of_input);
  }
}

TEST_CASE("input that ends at a frame boundary is end_of_input, inside a header truncated_header") {
  struct Row {
    std::string bytes;
    FrameStatus status;
    std::size_t bytes_read;
  };
  const std::string header = length_prefix(2);
  const Row rows[] = {
      {"", FrameStatus::end_of_input, 0},
      {header.substr(0, 1), FrameStatus::truncated_header, 1},
      {header.substr(0, 2), FrameStatus::truncated_header, 2},
      {header.substr(0, 3), FrameStatus::truncated_header, 3},
  };
  for (const Row& row : rows) {
    CAPTURE(row.bytes.size());
    StringSource in(row.bytes, 1);
    std::string body;
    const FrameRead read = read_frame(in, body);
    CHECK(frame_status_name(read.status) == frame_status_name(row.status));
    CHECK(read.bytes_read == row.bytes_read);
  }
}

TEST_CASE("a body shorter than its declared length is truncated_body, counting what arrived") {
  struct Row {
    std::uint32_t declared;
    std::string body;
  };
  const Row rows[] = {{1, ""}, {10, "short"}, {100, std::string(99, 'a')}, {200000, std::string(70000, 'b')}};
  for (const Row& row : rows) {
    CAPTURE(row.declared);
    StringSource in(length_prefix(row.declared) + row.body, 7);
    std::string body;
    const FrameRead read = read_frame(in, body);
    CHECK(frame_status_name(read.status) == "truncated_body");
    CHECK(read.declared_length == row.declared);
    CHECK(read.bytes_read == row.body.size());
  }
}

TEST_CASE("a declared length over the cap is too_large, with the body neither read nor allocated") {
  const std::uint32_t lengths[] = {kMaxRequestBytes + 1, 0x7FFFFFFFu, 0xFFFFFFFFu};
  for (std::uint32_t length : lengths) {
    CAPTURE(length);
    const std::string bytes = length_prefix(length) + "some body bytes";
    StringSource in(bytes);
    std::string body;
    const std::size_t capacity_before = body.capacity();
    const FrameRead read = read_frame(in, body);
    CHECK(frame_status_name(read.status) == "too_large");
    CHECK(read.declared_length == length);
    CHECK(body.capacity() == capacity_before);
    CHECK(in.remaining() == 15);
  }
}

TEST_CASE("a declared length equal to the cap is accepted, one more is refused") {
  const std::uint32_t cap = 16;
  std::string body;
  StringSource at_cap(length_prefix(cap) + std::string(cap, 'x'));
  CHECK(frame_status_name(read_frame(at_cap, body, cap).status) == "ok");
  CHECK(body.size() == cap);
  StringSource over_cap(length_prefix(cap + 1) + std::string(cap + 1, 'x'));
  CHECK(frame_status_name(read_frame(over_cap, body, cap).status) == "too_large");
}

TEST_CASE("a source that fails is read_error with its errno, in the header or the body") {
  const std::string before_failure[] = {"", length_prefix(10).substr(0, 2), length_prefix(10),
                                        length_prefix(10) + "abc"};
  for (const std::string& before : before_failure) {
    CAPTURE(before.size());
    FailingSource failing(before);
    std::string body;
    const FrameRead read = read_frame(failing, body);
    CHECK(frame_status_name(read.status) == "read_error");
    CHECK(read.error_number == EIO);
  }
}
