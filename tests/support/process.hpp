// Runs a program with given stdin bytes and captures stdout, stderr and the
// exit status: how the tests drive the built binaries exactly as a shell,
// a script or a browser would.
#pragma once

#include <string>
#include <vector>

namespace coolpapers::test {

struct ProcessResult {
  int exit_code = -1;   // exit status, or 128 + signal number
  std::string out;      // everything written to stdout
  std::string err;      // everything written to stderr
};

// Runs argv[0] (a path) with `argv`, writing `input` to its stdin and then
// closing it. Extra environment entries ("NAME=value") are added to the
// current environment. Kills the child and fails the result (exit_code -1,
// err says "timeout") after `timeout_seconds`.
ProcessResult run_process(const std::vector<std::string>& argv, const std::string& input = {},
                          const std::vector<std::string>& extra_env = {}, int timeout_seconds = 60);

// `result` with every "\r\n" of out and err turned into "\n": Windows' C
// runtime writes text output that way, and the command line's tests compare
// lines the same on every platform (the host's frames are binary, never this).
ProcessResult with_unix_line_ends(ProcessResult result);

}  // namespace coolpapers::test
