// ChildProcess through /bin/sh and /bin/cat: pipes, environment, working
// directory, output bound, start errors, timeouts and exit descriptions.
#include <doctest/doctest.h>

#include <csignal>
#include <string>

#include "child_process.hpp"

using namespace coolpapers::process;
using namespace std::chrono_literals;

namespace {

Finished sh(const std::string& script, const Options& options = {}, std::chrono::milliseconds timeout = 10s) {
  return run_process({"/bin/sh", "-c", script}, {}, options, timeout);
}

}  // namespace

TEST_CASE("stdout, stderr and the exit status are collected; the environment and directory are the child's") {
  Options options;
  options.environment = {{"COOLPAPERS_PROCESS_TEST", "set"}, {"HOME", "/nonexistent"}};
  options.working_directory = "/tmp";
  Finished run = sh("pwd; echo \"$COOLPAPERS_PROCESS_TEST $HOME\"; echo oops >&2; exit 3", options);
  CHECK(run.out == "/tmp\nset /nonexistent\n");
  CHECK(run.err == "oops\n");
  CHECK(run.exit_code == 3);
  CHECK(run.signal == 0);
  CHECK_FALSE(run.timed_out);
  CHECK(run.describe_exit() == "exited with status 3");
  CHECK(run.max_rss_kib > 0);
}

TEST_CASE("input larger than a pipe buffer goes through while output is read: no deadlock") {
  const std::string input(1 << 20, 'x');
  Finished run = run_process({"/bin/cat"}, input);
  CHECK(run.exit_code == 0);
  CHECK(run.out == input);
}

TEST_CASE("output over max_output_bytes is read to the end but not kept") {
  Options options;
  options.max_output_bytes = 10;
  Finished run = sh("head -c 1000000 /dev/zero; head -c 1000000 /dev/zero >&2", options);
  CHECK(run.exit_code == 0);
  CHECK(run.out.size() == 10);
  CHECK(run.err.size() == 10);
}

TEST_CASE("a program that cannot be started is a StartError with the system's reason") {
  try {
    run_process({"/nonexistent/program"}, {});
    FAIL("started a program that does not exist");
  } catch (const StartError& e) {
    CHECK(e.reason() == "No such file or directory");
    CHECK(std::string(e.what()) == "cannot start /nonexistent/program: No such file or directory");
  }
  Options options;
  options.working_directory = "/nonexistent-directory";
  CHECK_THROWS_AS(run_process({"/bin/true"}, {}, options), StartError);
}

TEST_CASE("a child that does not finish in time is killed and says so") {
  Finished run = sh("sleep 10", {}, 200ms);
  CHECK(run.timed_out);
  CHECK(run.signal == SIGKILL);
  CHECK(run.describe_exit() == "was killed for taking too long");

  Finished killed = sh("kill -TERM $$");
  CHECK(killed.signal == SIGTERM);
  CHECK(killed.exit_code == -1);
  CHECK(killed.describe_exit() == "was killed by signal Terminated");
}

TEST_CASE("interactive use: write, read exactly n bytes, then finish") {
  ChildProcess cat({"/bin/cat"});
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
