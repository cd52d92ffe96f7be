#include "access_log.hpp"

#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <unistd.h>

namespace coolpapers::redirector {

std::shared_ptr<AccessLogFile> AccessLogFile::open(const std::string& path,
                                                   std::string& error) {
  if (path == "-") return std::shared_ptr<AccessLogFile>(new AccessLogFile(2, false));
  int fd = ::open(path.c_str(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0640);
  if (fd < 0) {
    error = "cannot open '" + path + "' for appending: " + std::strerror(errno);
    return nullptr;
  }
  return std::shared_ptr<AccessLogFile>(new AccessLogFile(fd, true));
}

AccessLogFile::~AccessLogFile() {
  if (owned_) ::close(fd_);
}

void AccessLogFile::write(std::string_view bytes) const {
  while (!bytes.empty()) {
    ssize_t n = ::write(fd_, bytes.data(), bytes.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return;  // a full disk must not stop the service
    bytes.remove_prefix(static_cast<std::size_t>(n));
  }
}

void append_log_escaped(std::string& out, std::string_view text) {
  static constexpr char kHex[] = "0123456789abcdef";
  for (char c : text) {
    auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte >= 0x7F || c == '"' || c == '\\') {
      out += "\\x";
      out += kHex[byte >> 4];
      out += kHex[byte & 15];
    } else {
      out += c;
    }
  }
}

void AccessLogBuffer::add(std::string_view date, std::string_view peer,
                          std::string_view method, std::string_view target,
                          unsigned version, unsigned status, std::string_view route) {
  buffer_ += date;
  buffer_ += ' ';
  buffer_ += peer;
  buffer_ += " \"";
  append_log_escaped(buffer_, method);
  buffer_ += ' ';
  append_log_escaped(buffer_, target);
  buffer_ += version == 10 ? " HTTP/1.0\" " : " HTTP/1.1\" ";
  buffer_ += std::to_string(status);
  buffer_ += ' ';
  buffer_ += route;
  buffer_ += '\n';
  if (buffer_.size() >= 16 * 1024) flush();
}

void AccessLogBuffer::flush() {
  if (buffer_.empty() || !file_) return;
  file_->write(buffer_);
  buffer_.clear();
}

}  // namespace coolpapers::redirector
