// What a new user tries first: every command's --help, native-host typed
// in a terminal, `open` without a working browser, output to a full disk.
#include <doctest/doctest.h>

#include <fcntl.h>
#include <pty.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "process.hpp"

using coolpapers::test::ProcessResult;
using coolpapers::test::run_process;

namespace {

const std::string kIsolated = "XDG_CONFIG_HOME=/nonexistent-coolpapers-test";

ProcessResult run_cli(std::vector<std::string> args, std::vector<std::string> env = {kIsolated}) {
  args.insert(args.begin(), COOLPAPERS_BIN);
  return run_process(args, {}, env);
}

// Runs the binary with standard output on /dev/full, where every write
// fails with ENOSPC.
ProcessResult run_into_full_disk(std::vector<std::string> args) {
  args.insert(args.begin(), {"/bin/sh", "-c", "exec \"$0\" \"$@\" > /dev/full", COOLPAPERS_BIN});
  return run_process(args, {}, {kIsolated, "COOLPAPERS_DOCTOR_ROOT=/nonexistent-coolpapers-test"});
}

// Runs the binary with a terminal as standard input (as a person typing the
// command would) and returns its exit status and everything it wrote.
ProcessResult run_in_terminal(const std::vector<std::string>& args) {
  int master = -1;
  pid_t pid = ::forkpty(&master, nullptr, nullptr, nullptr);
  REQUIRE(pid >= 0);
  if (pid == 0) {
    std::vector<char*> argv{const_cast<char*>(COOLPAPERS_BIN)};
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    ::setenv("XDG_CONFIG_HOME", "/nonexistent-coolpapers-test", 1);
    ::execv(argv[0], argv.data());
    ::_exit(127);
  }
  ProcessResult result;
  char buffer[4096];
  // A host that waits for a frame would never exit: give up after 10 s.
  for (int waited = 0; waited < 10000; waited += 10) {
    ssize_t n = 0;
    int flags = ::fcntl(master, F_GETFL);
    ::fcntl(master, F_SETFL, flags | O_NONBLOCK);
    while ((n = ::read(master, buffer, sizeof buffer)) > 0) result.out.append(buffer, static_cast<std::size_t>(n));
    int status = 0;
    if (::waitpid(pid, &status, WNOHANG) == pid) {
      while ((n = ::read(master, buffer, sizeof buffer)) > 0) result.out.append(buffer, static_cast<std::size_t>(n));
      result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
      ::close(master);
      return result;
    }
    ::usleep(10000);
  }
  ::kill(pid, SIGKILL);
  ::waitpid(pid, nullptr, 0);
  ::close(master);
  result.err = "timeout: still waiting after 10 s";
  return result;
}

std::string executable(const std::string& name, const std::string& script) {
  auto dir = std::filesystem::temp_directory_path() / "coolpapers-first-use-test";
  std::filesystem::create_directories(dir);
  auto path = dir / name;
  std::ofstream(path) << script;
  std::filesystem::permissions(path, std::filesystem::perms::owner_all);
  return path.string();
}

}  // namespace

TEST_CASE("every command and subcommand answers --help on stdout with exit 0") {
  for (std::vector<std::string> args :
       {std::vector<std::string>{"--help"}, {"resolve", "--help"}, {"open", "--help"}, {"rules", "--help"},
        {"rules", "list", "--help"}, {"rules", "test", "--help"}, {"doctor", "--help"}, {"native-host", "--help"}}) {
    CAPTURE(args);
    auto r = run_cli(args);
    CHECK(r.exit_code == 0);
    CHECK(r.out.starts_with("Usage") + r.out.starts_with("coolpapers - ") == 1);
    CHECK(r.err.empty());
  }
}

TEST_CASE("native-host --help says what it is for") {
  auto r = run_cli({"native-host", "--help"});
  CHECK(r.out.find("Usage: coolpapers native-host") != std::string::npos);
  CHECK(r.out.find("coolpapers doctor") != std::string::npos);
}

TEST_CASE("native-host typed in a terminal explains itself and exits instead of waiting for a frame") {
  for (std::string command : {"native-host", "chrome-extension://abcdefghijklmnopabcdefghijklmnop/"}) {
    CAPTURE(command);
    auto r = run_in_terminal({command});
    CHECK(r.err.empty());  // no timeout
    CHECK(r.exit_code == 2);
    CHECK(r.out.find("started by the browser") != std::string::npos);
    CHECK(r.out.find("coolpapers doctor") != std::string::npos);
  }
}

TEST_CASE("rules test takes --rules FILE like every other command") {
  std::string path = executable("failing.json", R"J({"rules":[{"id":"aaai","family":"aaai","pattern":"aaai/([0-9]+)",)J"
                                                R"J("output":"{1}@AAAI","examples":[{"input":"aaai/1","url":"https://papers.cool/venue/2@AAAI"}]}]})J");
  auto r = run_cli({"rules", "test", "--rules", path});
  CHECK(r.exit_code == 1);
  CHECK(r.out.find("FAIL aaai: aaai/1") != std::string::npos);
  r = run_cli({"rules", "test", "--rules=" + path});
  CHECK(r.exit_code == 1);
  r = run_cli({"rules", "test", "--rules"});
  CHECK(r.exit_code == 2);
}

TEST_CASE("open exits 3 and says what to do when no browser could be started") {
  std::string url = "https://papers.cool/arxiv/2401.00001";
  SUBCASE("BROWSER names a command that fails") {
    auto r = run_cli({"open", "arXiv:2401.00001"}, {kIsolated, "BROWSER=false"});
    CHECK(r.exit_code == 3);
    CHECK(r.err.find("cannot open " + url + " with false") != std::string::npos);
    CHECK(r.err.find("set $BROWSER") != std::string::npos);
  }
  SUBCASE("BROWSER unset and xdg-open finds no browser") {
    std::string xdg_open = executable("xdg-open", "#!/bin/sh\necho 'xdg-open: no method available for opening' >&2\nexit 3\n");
    auto dir = std::filesystem::path(xdg_open).parent_path().string();
    auto r = run_cli({"open", "arXiv:2401.00001"}, {kIsolated, "BROWSER=", "PATH=" + dir + ":/usr/bin:/bin"});
    CHECK(r.exit_code == 3);
    CHECK(r.err.find("xdg-open: no method available") != std::string::npos);
    CHECK(r.err.find("exited with status 3") != std::string::npos);
  }
  SUBCASE("BROWSER names a program that does not exist") {
    auto r = run_cli({"open", "arXiv:2401.00001"}, {kIsolated, "BROWSER=/nonexistent/browser"});
    CHECK(r.exit_code == 3);
  }
}

TEST_CASE("open leaves a browser that keeps running alone and exits 0") {
  std::string browser = executable("slow-browser", "#!/bin/sh\nexec sleep 5\n");
  auto r = run_cli({"open", "arXiv:2401.00001"}, {kIsolated, "BROWSER=" + browser});
  CHECK(r.exit_code == 0);
  CHECK(r.err.empty());
}

TEST_CASE("every command exits 3 when its output cannot be written") {
  for (std::vector<std::string> args :
       {std::vector<std::string>{"--help"}, {"--version"}, {"resolve", "arXiv:2401.00001"}, {"rules", "list"},
        {"rules", "list", "--json"}, {"rules", "test"}, {"rules", "--help"}, {"doctor"}, {"doctor", "--json"}}) {
    CAPTURE(args);
    auto r = run_into_full_disk(args);
    CHECK(r.exit_code == 3);
    CHECK(r.err.find("coolpapers: cannot write standard output") != std::string::npos);
  }
}
