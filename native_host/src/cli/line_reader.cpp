#include "line_reader.hpp"

#include <cstdio>

namespace coolpapers::app {

LineReader::Status LineReader::next(std::string& line) {
  line.clear();
  bool too_long = false;
  bool any = false;
  for (int c; (c = getc_unlocked(in_)) != EOF;) {
    any = true;
    if (c == '\n') {
      if (!line.empty() && line.back() == '\r') line.pop_back();
      return too_long ? Status::too_long : Status::line;
    }
    if (line.size() < max_)
      line.push_back(static_cast<char>(c));
    else
      too_long = true;
  }
  if (std::ferror(in_)) return Status::error;
  if (!any) return Status::end;
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return too_long ? Status::too_long : Status::line;  // last line without "\n"
}

bool LineReader::drained() const {
  // glibc: no bytes left in the stdio read buffer.
  return in_->_IO_read_ptr >= in_->_IO_read_end;
}

}  // namespace coolpapers::app
