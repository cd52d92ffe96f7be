// Reads standard input line by line with a bounded line length, so a
// batch of any size streams through in constant memory.
#pragma once

#include <cstddef>
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
  Status next(std::string_view& line);

  // True iff no input is buffered, i.e. the next read may block: the time
  // to flush answers so an interactive caller sees them.
  bool drained() const { return begin_ == end_; }

 private:
  // Reads whatever input is available (one read(2)); false at end of input
  // or on an error (error_ tells which).
  bool refill();

  // next() for a line that is not whole in the buffer: gathers it into
  // `line`, reading more input as needed.
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
