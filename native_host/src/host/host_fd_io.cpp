#include "host_fd_io.hpp"

#include <unistd.h>

#include <cerrno>

namespace coolpapers::host {

std::ptrdiff_t FdSource::read_some(char* data, std::size_t size) {
  for (;;) {
    const ssize_t n = ::read(fd_, data, size);
    if (n >= 0) return n;
    if (errno != EINTR) return -1;
  }
}

bool FdSink::write_all(std::string_view bytes) {
  while (!bytes.empty()) {
    const ssize_t n = ::write(fd_, bytes.data(), bytes.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    bytes.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
}

}  // namespace coolpapers::host
