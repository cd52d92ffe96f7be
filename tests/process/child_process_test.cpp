// ChildProcess on every platform, through process_test_child (test_child.cpp,
// the same program on Linux and under Wine): pipes, environment, working
// directory, output bound, start errors, timeouts and exit descriptions.
// What only POSIX has (signals, errno texts) is in child_process_posix_test.cpp.
#include <doctest/doctest.h>

#include <filesystem>
#include <string>

#include "child_process.hpp"

using namespace coolpapers::process;
using namespace std::chrono_literals;

namespace {

Finished child(std::vector<std::string> steps, std::string_view input = {}, const Options& options = {},
               std::chrono::milliseconds timeout = 10s) {
  steps.insert(steps.begin(), PROCESS_TEST_CHILD);
  return run_process(steps, input, options, timeout);
}

std::string without_trailing_separator(std::string path) {
  while (path.size() > 1 && (path.back() == '/' || path.back() == '\\')) path.pop_back();
  return path;
}

}  // namespace

TEST_CASE("stdout, stderr and the exit status are collected; the environment and directory are the child's") {
  const std::filesystem::path directory = std::filesystem::temp_directory_path();
  Options options;
  options.environment = {{"COOLPAPERS_PROCESS_TEST", "set"}, {"HOME", "/nonexistent"}};
  options.working_directory = directory.string();
  Finished run = child({"cwd", "env=COOLPAPERS_PROCESS_TEST", "env=HOME", "err=oops", "exit=3"}, {}, options);
  CAPTURE(run.out);
  CAPTURE(directory);
  const std::size_t line_end = run.out.find('\n');
  REQUIRE(line_end != std::string::npos);
  // Compared as text: MinGW's filesystem::equivalent() cannot tell folders apart.
  CHECK(without_trailing_separator(run.out.substr(0, line_end)) == without_trailing_separator(directory.string()));
  CHECK(run.out.substr(line_end + 1) == "set\n/nonexistent\n");
  CHECK(run.err == "oops");
  CHECK(run.exit_code == 3);
  CHECK(run.signal == 0);
  CHECK_FALSE(run.timed_out);
  CHECK(run.describe_exit() == "exited with status 3");
}

TEST_CASE("input larger than a pipe buffer goes through while output is read: no deadlock") {
  const std::string input(1 << 20, 'x');
  Finished run = child({"cat"}, input);
  CHECK(run.exit_code == 0);
  CHECK(run.out == input);
}

TEST_CASE("output over max_output_bytes is read to the end but not kept") {
  Options options;
  options.max_output_bytes = 10;
  Finished run = child({"flood=1000000"}, {}, options);
  CHECK(run.exit_code == 0);
  CHECK(run.out.size() == 10);
  CHECK(run.err.size() == 10);
}

TEST_CASE("a program that cannot be started is a StartError with the system's reason") {
  try {
    run_process({"/nonexistent/program"}, {});
    FAIL("started a program that does not exist");
  } catch (const StartError& e) {
    CHECK_FALSE(e.reason().empty());
    CHECK(std::string(e.what()) == "cannot start /nonexistent/program: " + e.reason());
  }
  Options options;
  options.working_directory = "/nonexistent-directory";
  CHECK_THROWS_AS(run_process({PROCESS_TEST_CHILD}, {}, options), StartError);
}

TEST_CASE("a child that does not finish in time is killed and says so") {
  Finished run = child({"sleep=10000"}, {}, {}, 200ms);
  CHECK(run.timed_out);
  CHECK(run.exit_code == -1);
  CHECK(run.describe_exit() == "was killed for taking too long");
}

TEST_CASE("interactive use: write, read exactly n bytes, then finish") {
  ChildProcess cat({PROCESS_TEST_CHILD, "cat"});
  REQUIRE(cat.write_input("hello"));
  CHECK(cat.read_output(3, 5s) == "hel");
  CHECK(cat.read_output(2, 5s) == "lo");
  // Nothing more arrives while stdin is open: a timeout, not a hang.
  CHECK(cat.read_output(1, 100ms) == std::nullopt);
  CHECK(cat.write_input("!"));
  Finished rest = cat.finish();
  CHECK(rest.out == "!");
  CHECK(rest.exit_code == 0);
}
