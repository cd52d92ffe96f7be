// Runs a program with its stdin, stdout and stderr on pipes: how `coolpapers
// doctor` pings a registered host, how the tests drive the built binaries
// and how bench/ times the host, all exactly as a browser starts a native
// messaging host. The interface names no platform type; one file per
// platform implements it: child_process_posix.cpp (posix_spawn and poll),
// child_process_windows.cpp (CreateProcessW, a thread per pipe, a job object).
//
//   process::Finished run = process::run_process({"/usr/bin/coolpapers", "native-host"}, frame);
//   // run.out, run.err, run.exit_code, run.timed_out
//
//   process::Options options;
//   options.working_directory = dir;
//   process::ChildProcess host({path, origin}, options);
//   host.write_input(frame);                      // interactively ...
//   auto reply = host.read_output(4, 5s);
//   process::Finished rest = host.finish();       // ... or all at once
#pragma once

#include <chrono>
#include <cstddef>
#include <limits>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace coolpapers::process {

struct Options {
  // Variables set (or replaced) in the child; the rest of this process's
  // environment is passed on unchanged.
  std::vector<std::pair<std::string, std::string>> environment;
  // The child's working directory; empty: this process's.
  std::string working_directory;
  // Bytes of stdout and of stderr kept by finish(); the rest is read and
  // dropped, so a child that floods its output cannot exhaust memory.
  std::size_t max_output_bytes = std::numeric_limits<std::size_t>::max();
  // Windows: when not empty, the command line handed to the program as it
  // is, instead of argv's words quoted one by one, for a program that parses
  // its own (cmd.exe /s /c, as Chrome starts a native messaging host). argv
  // still names the program. POSIX has no command line and ignores it.
  std::string windows_command_line;
};

struct Finished {
  std::string out;          // what the child wrote on stdout (up to the bound)
  std::string err;          // ... and on stderr
  int exit_code = -1;       // -1 if it did not exit by itself
  int signal = 0;           // the signal that ended it, if any (POSIX)
  bool timed_out = false;   // killed because it did not finish in time
  long max_rss_kib = 0;     // the child's peak resident set size
  std::chrono::microseconds cpu_time{0};  // the child's user + system time

  // "exited with status 3", "was killed by signal Killed", for messages.
  std::string describe_exit() const;
};

// Why a child could not be started: the program is missing or not
// executable, its working directory is missing, no pipes are left.
// what() is "cannot start PROGRAM: REASON"; reason() is REASON alone.
class StartError : public std::runtime_error {
 public:
  StartError(const std::string& program, const std::string& reason);
  const std::string& reason() const { return reason_; }

 private:
  std::string reason_;
};

class ChildProcess {
 public:
  // Starts argv[0] (a path; no PATH search) with arguments argv[1..].
  // Throws StartError if it cannot be started. Ignores SIGPIPE in this
  // process from then on: a child that exits without reading its input
  // must make our writes fail, not end the caller.
  explicit ChildProcess(const std::vector<std::string>& argv, const Options& options = {});
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
  // Call at most once.
  Finished finish(std::string_view input = {},
                  std::chrono::milliseconds timeout = std::chrono::seconds(60));

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Start, feed `input`, finish. Throws StartError like the constructor.
Finished run_process(const std::vector<std::string>& argv, std::string_view input, const Options& options = {},
                     std::chrono::milliseconds timeout = std::chrono::seconds(60));

}  // namespace coolpapers::process
