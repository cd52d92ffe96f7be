// Runs a program with its stdin, stdout and stderr on pipes: how the tests
// talk to the built `coolpapers` binary exactly as a browser does.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace coolpapers::testing {

struct Finished {
  std::string out;          // everything the child wrote on stdout
  std::string err;          // ... and on stderr
  int exit_code = -1;       // -1 if killed by a signal
  int signal = 0;           // the signal that ended it, if any
  bool timed_out = false;   // we killed it because it did not finish in time
  long max_rss_kib = 0;     // the child's peak resident set size
};

class ChildProcess {
 public:
  using Environment = std::vector<std::pair<std::string, std::string>>;

  // Starts argv[0] (a path) with arguments argv[1..], in this process's
  // environment with `overrides` set. Throws std::runtime_error if it
  // cannot be started.
  explicit ChildProcess(const std::vector<std::string>& argv, const Environment& overrides = {});
  ~ChildProcess();  // kills and reaps the child if still running
  ChildProcess(const ChildProcess&) = delete;
  ChildProcess& operator=(const ChildProcess&) = delete;

  // Interactive use, for small exchanges: writes all of `bytes` to the
  // child's stdin (false iff the child closed it), reads exactly `n` bytes
  // of its stdout (nullopt on EOF or timeout first).
  bool write_input(std::string_view bytes);
  std::optional<std::string> read_output(std::size_t n, std::chrono::milliseconds timeout);
  void close_input();
  // Closes our end of the child's stdout, as a browser that went away does.
  void close_output();

  // Writes `input` (while reading stdout and stderr, so large exchanges
  // cannot deadlock on full pipes), closes stdin, collects all output and
  // waits for the exit. Kills the child if it takes longer than `timeout`.
  Finished finish(std::string_view input = {},
                  std::chrono::milliseconds timeout = std::chrono::seconds(60));

 private:
  pid_t pid_ = -1;
  int in_ = -1;
  int out_ = -1;
  int err_ = -1;
  std::string pending_out_;  // read ahead by read_output, not yet returned
};

// Convenience: start, feed `input`, finish.
Finished run_process(const std::vector<std::string>& argv, std::string_view input,
                     const ChildProcess::Environment& overrides = {},
                     std::chrono::milliseconds timeout = std::chrono::seconds(60));

}  // namespace coolpapers::testing
