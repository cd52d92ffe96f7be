// Native messaging frames: a 4-byte length in native byte order, then the
// body. Reading a frame is two small steps (header, then body) over a
// ByteSource, so the same code reads a pipe in the host and a byte string in
// the tests and the fuzzer.
//
//   StringSource in(bytes);
//   std::string body;
//   FrameRead r = read_frame(in, body);
//   // r.status == FrameStatus::ok        -> body holds one message
//   // r.status == FrameStatus::end_of_input at a frame boundary: done
//   // anything else: the stream is broken and cannot be resynchronised
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>

#include "host_limits.hpp"

namespace coolpapers::host {

// Where frames come from.
class ByteSource {
 public:
  virtual ~ByteSource() = default;
  // Reads between 1 and `size` bytes into `data` (REQUIRES: size > 0).
  // Returns the number read, 0 iff the input has ended, or -1 with errno set
  // on a read error.
  virtual std::ptrdiff_t read_some(char* data, std::size_t size) = 0;
};

// Where replies and diagnostics go.
class ByteSink {
 public:
  virtual ~ByteSink() = default;
  // Writes all of `bytes`. Returns false (errno set) iff it could not; part
  // of the bytes may have been written then.
  virtual bool write_all(std::string_view bytes) = 0;
};

// A ByteSource over a copy of some bytes. `max_chunk` limits each read, to
// reproduce a pipe that delivers a frame in pieces.
class StringSource final : public ByteSource {
 public:
  explicit StringSource(std::string bytes, std::size_t max_chunk = SIZE_MAX)
      : bytes_(std::move(bytes)), max_chunk_(max_chunk == 0 ? 1 : max_chunk) {}
  std::ptrdiff_t read_some(char* data, std::size_t size) override;
  std::size_t remaining() const { return bytes_.size() - position_; }

 private:
  std::string bytes_;
  std::size_t position_ = 0;
  std::size_t max_chunk_;
};

// A ByteSink that appends to a string.
class StringSink final : public ByteSink {
 public:
  bool write_all(std::string_view bytes) override {
    bytes_.append(bytes);
    return true;
  }
  const std::string& bytes() const { return bytes_; }

 private:
  std::string bytes_;
};

enum class FrameStatus {
  ok,                // one whole frame was read
  end_of_input,      // the input ended cleanly, before a header began
  truncated_header,  // the input ended after 1 to 3 header bytes
  too_large,         // the declared length is over the cap; body not read
  truncated_body,    // the input ended before the declared length arrived
  read_error,        // the source failed; `error_number` says why
};

struct FrameRead {
  FrameStatus status = FrameStatus::ok;
  std::uint32_t declared_length = 0;  // valid from too_large on
  std::size_t bytes_read = 0;  // header bytes (truncated_header) or body bytes
  int error_number = 0;        // errno for read_error
};

// The length prefix, in native byte order as Chrome writes it.
std::uint32_t decode_length(const std::array<char, kHeaderBytes>& header);
std::array<char, kHeaderBytes> encode_length(std::uint32_t length);

// Reads one frame's body into `body` (replacing its contents, keeping its
// capacity). A declared length over `max_length` is reported as too_large
// before any memory is reserved for it; the body is then left unread. The
// body grows in kReadChunkBytes steps as bytes arrive, so a short body costs
// only what was sent.
FrameRead read_frame(ByteSource& in, std::string& body,
                     std::uint32_t max_length = kMaxRequestBytes);

// `body` with its length prefix: one frame's bytes. REQUIRES:
// body.size() <= UINT32_MAX.
std::string make_frame(std::string_view body);

// "ok", "end_of_input", ... for diagnostics and test failure messages.
std::string_view frame_status_name(FrameStatus status);

}  // namespace coolpapers::host
