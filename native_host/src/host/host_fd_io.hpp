// ByteSource and ByteSink over file descriptors: the host's stdin, stdout
// and stderr. Binary-safe (read(2)/write(2), no stdio translation), retried
// on EINTR, writes complete or fail.
#pragma once

#include "host_framing.hpp"

namespace coolpapers::host {

class FdSource final : public ByteSource {
 public:
  explicit FdSource(int fd) : fd_(fd) {}
  std::ptrdiff_t read_some(char* data, std::size_t size) override;

 private:
  int fd_;
};

class FdSink final : public ByteSink {
 public:
  explicit FdSink(int fd) : fd_(fd) {}
  bool write_all(std::string_view bytes) override;

 private:
  int fd_;
};

}  // namespace coolpapers::host
