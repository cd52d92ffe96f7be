// The optional access log (--access-log PATH): one line per request,
//   2026-11-29T05:11:43Z 127.0.0.1 "GET /arXiv:2312.00001 HTTP/1.1" 302 redirect
// Bytes a terminal or a log parser could misread (controls, quotes,
// backslashes, non-ASCII) are written as \xHH.
//
// Each worker thread buffers its own lines and writes them with one
// write(2) on an O_APPEND descriptor when the buffer fills, on every tick
// and at shutdown, so threads never wait for each other.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace coolpapers::redirector {

class AccessLogFile {
 public:
  // Opens PATH for appending ("-" is standard error). Returns nullptr and
  // sets `error` when the file cannot be opened.
  static std::shared_ptr<AccessLogFile> open(const std::string& path, std::string& error);
  ~AccessLogFile();
  void write(std::string_view bytes) const;

 private:
  explicit AccessLogFile(int fd, bool owned) : fd_(fd), owned_(owned) {}
  int fd_;
  bool owned_;
};

class AccessLogBuffer {
 public:
  explicit AccessLogBuffer(std::shared_ptr<AccessLogFile> file) : file_(std::move(file)) {}
  ~AccessLogBuffer() { flush(); }
  void add(std::string_view date, std::string_view peer, std::string_view method,
           std::string_view target, unsigned version, unsigned status,
           std::string_view route);
  void flush();

 private:
  std::shared_ptr<AccessLogFile> file_;
  std::string buffer_;
};

// Appends `text` with controls, '"', '\\' and non-ASCII bytes as \xHH.
void append_log_escaped(std::string& out, std::string_view text);

}  // namespace coolpapers::redirector
