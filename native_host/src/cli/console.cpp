#include "console.hpp"

#include <cstdio>
#include <streambuf>

namespace coolpapers::app {
namespace {

// A stream buffer that hands every character to a C stream at once, as
// libstdc++'s own std::cout does while synchronised with stdio.
class StdioBuffer : public std::streambuf {
 public:
  explicit StdioBuffer(std::FILE* file) : file_(file) {}

 protected:
  int_type overflow(int_type c) override {
    if (traits_type::eq_int_type(c, traits_type::eof())) return traits_type::not_eof(c);
    return std::putc(traits_type::to_char_type(c), file_) == EOF ? traits_type::eof() : c;
  }
  std::streamsize xsputn(const char* text, std::streamsize size) override {
    return static_cast<std::streamsize>(std::fwrite(text, 1, static_cast<std::size_t>(size), file_));
  }
  int sync() override { return std::fflush(file_) == 0 ? 0 : -1; }

 private:
  std::FILE* file_;
};

// Set once standard output's stream exists, so that flush_stdout() does not
// create it (and the locale with it) for a run that never used it.
bool stdout_created = false;

}  // namespace

std::ostream& stdout_stream() {
  static StdioBuffer buffer(stdout);
  static std::ostream stream(&buffer);
  stdout_created = true;
  return stream;
}

std::ostream& stderr_stream() {
  // Tied to standard output like std::cerr: what was printed before a
  // message is flushed first, so the two keep their order in one file.
  struct Tied {
    StdioBuffer buffer{stderr};
    std::ostream stream{&buffer};
    Tied() { stream.tie(&stdout_stream()); }
  };
  static Tied tied;
  return tied.stream;
}

bool flush_stdout() {
  bool stream_ok = !stdout_created || stdout_stream().flush().good();
  return stream_ok && std::fflush(stdout) == 0 && std::ferror(stdout) == 0;
}

}  // namespace coolpapers::app
