#include "host_framing.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace coolpapers::host {

std::ptrdiff_t StringSource::read_some(char* data, std::size_t size) {
  const std::size_t n = std::min({size, max_chunk_, remaining()});
  std::memcpy(data, bytes_.data() + position_, n);
  position_ += n;
  return static_cast<std::ptrdiff_t>(n);
}

std::uint32_t decode_length(const std::array<char, kHeaderBytes>& header) {
  std::uint32_t length = 0;
  std::memcpy(&length, header.data(), sizeof length);  // native byte order
  return length;
}

std::array<char, kHeaderBytes> encode_length(std::uint32_t length) {
  std::array<char, kHeaderBytes> header{};
  std::memcpy(header.data(), &length, sizeof length);
  return header;
}

namespace {

// Reads until `size` bytes arrived, the input ended or the source failed.
// Returns the count read; `error_number` is set iff the source failed.
std::size_t read_up_to(ByteSource& in, char* data, std::size_t size, int& error_number) {
  std::size_t got = 0;
  while (got < size) {
    const std::ptrdiff_t n = in.read_some(data + got, size - got);
    if (n == 0) break;
    if (n < 0) {
      error_number = errno != 0 ? errno : EIO;
      break;
    }
    got += static_cast<std::size_t>(n);
  }
  return got;
}

}  // namespace

FrameRead read_frame(ByteSource& in, std::string& body, std::uint32_t max_length) {
  FrameRead result;
  body.clear();

  std::array<char, kHeaderBytes> header{};
  result.bytes_read = read_up_to(in, header.data(), header.size(), result.error_number);
  if (result.error_number != 0) {
    result.status = FrameStatus::read_error;
    return result;
  }
  if (result.bytes_read == 0) {
    result.status = FrameStatus::end_of_input;
    return result;
  }
  if (result.bytes_read < kHeaderBytes) {
    result.status = FrameStatus::truncated_header;
    return result;
  }

  result.declared_length = decode_length(header);
  result.bytes_read = 0;
  if (result.declared_length > max_length) {
    // Checked before the body buffer grows: a corrupt or hostile length must
    // not make the host commit gigabytes.
    result.status = FrameStatus::too_large;
    return result;
  }

  const std::size_t length = result.declared_length;
  while (body.size() < length) {
    const std::size_t old_size = body.size();
    const std::size_t want = std::min(length - old_size, kReadChunkBytes);
    body.resize(old_size + want);
    const std::size_t got = read_up_to(in, body.data() + old_size, want, result.error_number);
    body.resize(old_size + got);
    if (result.error_number != 0 || got < want) break;
  }
  result.bytes_read = body.size();
  if (result.error_number != 0) {
    result.status = FrameStatus::read_error;
  } else if (body.size() < length) {
    result.status = FrameStatus::truncated_body;
  }
  return result;
}

std::string make_frame(std::string_view body) {
  const auto header = encode_length(static_cast<std::uint32_t>(body.size()));
  std::string frame(header.data(), header.size());
  frame.append(body);
  return frame;
}

std::string_view frame_status_name(FrameStatus status) {
  switch (status) {
    case FrameStatus::ok: return "ok";
    case FrameStatus::end_of_input: return "end_of_input";
    case FrameStatus::truncated_header: return "truncated_header";
    case FrameStatus::too_large: return "too_large";
    case FrameStatus::truncated_body: return "truncated_body";
    case FrameStatus::read_error: return "read_error";
  }
  return "unknown";
}

}  // namespace coolpapers::host
