// ChildProcess on POSIX only: errno's text for a missing program, children
// ended by a signal (Windows has neither), and the child's peak memory
// (Wine reports none for a job). tests/process/CMakeLists.txt builds this
// file on POSIX only.
#include <doctest/doctest.h>

#include <csignal>
#include <string>

#include "child_process.hpp"

using namespace coolpapers::process;
using namespace std::chrono_literals;

TEST_CASE("a program that cannot be started says errno's reason") {
  try {
    run_process({"/nonexistent/program"}, {});
    FAIL("started a program that does not exist");
  } catch (const StartError& e) {
    CHECK(e.reason() == "No such file or directory");
    CHECK(std::string(e.what()) == "cannot start /nonexistent/program: No such file or directory");
  }
}

TEST_CASE("the child's peak resident set size is measured") {
  Finished run = run_process({"/bin/sh", "-c", "exit 0"}, {});
  CHECK(run.exit_code == 0);
  CHECK(run.max_rss_kib > 0);
}

TEST_CASE("a child killed for taking too long, or by a signal, says which signal") {
  Finished run = run_process({"/bin/sh", "-c", "sleep 10"}, {}, {}, 200ms);
  CHECK(run.timed_out);
  CHECK(run.signal == SIGKILL);

  Finished killed = run_process({"/bin/sh", "-c", "kill -TERM $$"}, {});
  CHECK(killed.signal == SIGTERM);
  CHECK(killed.exit_code == -1);
  CHECK(killed.describe_exit() == "was killed by signal Terminated");
}
