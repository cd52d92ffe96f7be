// `open` with $BROWSER: a POSIX program started without a shell (on Windows
// the default is the shell's URL handler and $BROWSER scripts are sh
// scripts), so this suite is built on POSIX only (tests/cli/CMakeLists.txt).
#include <doctest/doctest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "process.hpp"

using coolpapers::test::ProcessResult;
using coolpapers::test::run_process;

namespace {

// A private config dir so the user's own rules.json never changes results.
const std::string kIsolated = "XDG_CONFIG_HOME=/nonexistent-coolpapers-test";

ProcessResult run_cli(std::vector<std::string> args, const std::string& input, std::vector<std::string> env) {
  args.insert(args.begin(), COOLPAPERS_BIN);
  return run_process(args, input, env);
}

std::string temp_file(const std::string& name, const std::string& contents) {
  auto path = std::filesystem::temp_directory_path() / ("coolpapers-cli-test-" + name);
  std::ofstream(path) << contents;
  return path.string();
}

}  // namespace

TEST_CASE("open --dry-run prints the browser command, quoted, without a shell") {
  auto r = run_cli({"open", "--dry-run", "arXiv:2401.00001"}, {}, {kIsolated, "BROWSER="});
  CHECK(r.exit_code == 0);
  CHECK(r.out == "'xdg-open' 'https://papers.cool/arxiv/2401.00001'\n");
  r = run_cli({"open", "--dry-run", "arXiv:2401.00001"}, {}, {kIsolated, "BROWSER=firefox --new-tab %s:chromium"});
  CHECK(r.out == "'firefox' '--new-tab' 'https://papers.cool/arxiv/2401.00001'\n");
  r = run_cli({"open", "--dry-run", "https://doi.org/10.1/x"}, {}, {kIsolated});
  CHECK(r.exit_code == 1);
  CHECK(r.out.empty());
}

TEST_CASE("open starts the browser with the URL as one argument") {
  std::string log = (std::filesystem::temp_directory_path() / "coolpapers-cli-test-browser.log").string();
  std::filesystem::remove(log);
  std::string script = temp_file("browser.sh", "#!/bin/sh\nprintf '%s\\n' \"$@\" > " + log + "\n");
  std::filesystem::permissions(script, std::filesystem::perms::owner_all);
  auto r = run_cli({"open", "see arXiv:2401.00001"}, {}, {kIsolated, "BROWSER=" + script});
  CHECK(r.exit_code == 0);
  std::string got;
  for (int i = 0; i < 100 && got.empty(); ++i) {  // the browser is not waited for
    std::ifstream in(log);
    std::getline(in, got);
    if (got.empty()) ::usleep(20000);
  }
  CHECK(got == "https://papers.cool/arxiv/2401.00001");
}
