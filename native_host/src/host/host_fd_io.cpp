#include "host_fd_io.hpp"

#include <unistd.h>

#include <algorithm>
#include <cerrno>

namespace coolpapers::host {
namespace {

// Windows' read() and write() take an unsigned int count; no frame comes
// near this, and both callers loop.
constexpr std::size_t kMaxChunk = 1u << 30;

unsigned int chunk(std::size_t size) { return static_cast<unsigned int>(std::min(size, kMaxChunk)); }

}  // namespace

std::ptrdiff_t FdSource::read_some(char* data, std::size_t size) {
  for (;;) {
    const ssize_t n = ::read(fd_, data, chunk(size));
    if (n >= 0) return n;
    if (errno != EINTR) return -1;
  }
}

bool FdSink::write_all(std::string_view bytes) {
  while (!bytes.empty()) {
    const ssize_t n = ::write(fd_, bytes.data(), chunk(bytes.size()));
    if (n < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    bytes.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
}

}  // namespace coolpapers::host
