#include "line_reader.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace coolpapers::app {

LineReader::LineReader(int fd, std::size_t max_line_bytes)
    : fd_(fd), max_(max_line_bytes), block_(std::make_unique<char[]>(kBlockBytes)) {}

bool LineReader::refill() {
  for (;;) {
    // unsigned int: Windows' read() takes one (MinGW's unistd.h maps it to _read).
    ssize_t n = ::read(fd_, block_.get(), static_cast<unsigned int>(kBlockBytes));
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) error_ = true;
    if (n <= 0) return false;
    begin_ = block_.get();
    end_ = begin_ + n;
    return true;
  }
}

LineReader::Status LineReader::next_gathered(std::string_view& line) {
  Status status = gather(gathered_);
  line = gathered_;
  return status;
}

LineReader::Status LineReader::gather(std::string& line) {
  line.clear();
  bool too_long = false;
  bool any = false;
  for (;;) {
    if (begin_ == end_ && !refill()) break;
    any = true;
    const auto* newline = static_cast<const char*>(std::memchr(begin_, '\n', static_cast<std::size_t>(end_ - begin_)));
    const char* stop = newline ? newline : end_;
    std::size_t room = max_ - line.size();
    auto size = static_cast<std::size_t>(stop - begin_);
    if (size > room) {
      size = room;
      too_long = true;
    }
    line.append(begin_, size);
    begin_ = newline ? newline + 1 : end_;
    if (newline) {
      if (!line.empty() && line.back() == '\r') line.pop_back();
      return too_long ? Status::too_long : Status::line;
    }
  }
  if (error_) return Status::error;
  if (!any) return Status::end;
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return too_long ? Status::too_long : Status::line;  // last line without "\n"
}

}  // namespace coolpapers::app
