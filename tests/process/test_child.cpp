// The child the process tests start, the same program on every platform (no
// shell needed): each argument is one step, done in order.
//   cwd         print the working directory and a line feed
//   env=NAME    print $NAME (empty when unset) and a line feed
//   err=TEXT    print TEXT on stderr (no line feed: stderr is in text mode on Windows)
//   cat         copy stdin to stdout until it ends
//   flood=N     write N zero bytes to stdout, then N to stderr
//   sleep=MS    sleep MS milliseconds
//   exit=N      exit with status N
// Output is binary (no CR LF on Windows), as the tests compare bytes.
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include "platform.hpp"

namespace {

void write(std::FILE* to, const std::string& text) { std::fwrite(text.data(), 1, text.size(), to); }

}  // namespace

int main(int argc, char** argv) {
  coolpapers::platform::prepare_host_stdio();
  for (const std::string& step : coolpapers::platform::command_line_arguments(argc, argv)) {
    const std::size_t equals = step.find('=');
    const std::string name = step.substr(0, equals);
    const std::string value = equals == std::string::npos ? "" : step.substr(equals + 1);
    if (name == "cwd") {
      write(stdout, std::filesystem::current_path().string() + "\n");
    } else if (name == "env") {
      const char* set = std::getenv(value.c_str());
      write(stdout, std::string(set ? set : "") + "\n");
    } else if (name == "err") {
      write(stderr, value);
    } else if (name == "cat") {
      // read(2), not fread: what has arrived is passed on at once, as the
      // interactive test needs (MinGW has read and write too, binary-safe
      // after prepare_host_stdio()).
      std::fflush(stdout);
      char buffer[65536];
      for (ssize_t n; (n = ::read(0, buffer, sizeof buffer)) > 0;)
        if (::write(1, buffer, static_cast<unsigned int>(n)) != n) return 1;
    } else if (name == "flood") {
      const std::string zeros(std::stoul(value), '\0');
      write(stdout, zeros);
      write(stderr, zeros);
    } else if (name == "sleep") {
      std::fflush(stdout);
      std::this_thread::sleep_for(std::chrono::milliseconds(std::stoi(value)));
    } else if (name == "exit") {
      std::fflush(stdout);
      return std::stoi(value);
    } else {
      write(stderr, "process_test_child: unknown step \"" + step + "\"\n");
      return 125;
    }
    std::fflush(stdout);
  }
  return 0;
}
