// Reads standard input line by line with a bounded line length, so a
// batch of any size streams through in constant memory.
#pragma once

#include <cstddef>
#include <cstdio>
#include <string>

namespace coolpapers::app {

class LineReader {
 public:
  enum class Status { line, too_long, end, error };

  LineReader(std::FILE* in, std::size_t max_line_bytes) : in_(in), max_(max_line_bytes) {}

  // Reads the next line into `line` without its "\n" (and a "\r" before
  // it). A line longer than the limit is skipped up to its end and reported
  // as too_long. `end` after the last line; `error` on a read error.
  Status next(std::string& line);

  // True iff no input is buffered, i.e. the next read may block: the time
  // to flush answers so an interactive caller sees them.
  bool drained() const;

 private:
  std::FILE* in_;
  std::size_t max_;
};

}  // namespace coolpapers::app
