// Reads standard input line by line with a bounded line length, so a
// batch of any size streams through in constant memory.
#pragma once

#include <cstddef>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>

namespace coolpapers::app {

class LineReader {
 public:
  enum class Status { line, too_long, end, error };

  // Reads from the file descriptor `fd`, which nothing else reads while
  // this reader exists (it buffers ahead).
  LineReader(int fd, std::size_t max_line_bytes);

  // Reads the next line without its "\n" (and a "\r" before it): `line`
  // views it until the next call. A line longer than the limit is skipped
  // up to its end and reported as too_long. `end` after the last line;
  // `error` on a read error.
  // Inline: most lines are whole in the buffer, and then a batch pays one
  // memchr per line and no call.
  Status next(std::string_view& line) {
    if (begin_ != end_) {
      const auto* newline = static_cast<const char*>(std::memchr(begin_, '\n', static_cast<std::size_t>(end_ - begin_)));
      if (newline && static_cast<std::size_t>(newline - begin_) <= max_) {
        line = std::string_view(begin_, static_cast<std::size_t>(newline - begin_));
        begin_ = newline + 1;
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        return Status::line;
      }
    }
    return next_gathered(line);
  }

  // True iff no input is buffered, i.e. the next read may block: the time
  // to flush answers so an interactive caller sees them.
  bool drained() const { return begin_ == end_; }

 private:
  // Reads whatever input is available (one read(2)); false at end of input
  // or on an error (error_ tells which).
  bool refill();

  // next() for a line that is not whole in the buffer (or too long):
  // gathers it into gathered_ and views it there.
  Status next_gathered(std::string_view& line);

  // Gathers a line into `line`, reading more input as needed.
  Status gather(std::string& line);

  // Whole blocks of input are searched for '\n' with memchr, instead of
  // a call per byte through stdio.
  static constexpr std::size_t kBlockBytes = 64 * 1024;

  int fd_;
  std::size_t max_;
  std::unique_ptr<char[]> block_;
  const char* begin_ = nullptr;  // unread input in block_
  const char* end_ = nullptr;
  bool error_ = false;
  std::string gathered_;  // the last line gather() read
};

}  // namespace coolpapers::app
