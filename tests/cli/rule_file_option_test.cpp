// --rules goes through the bounded rule file loader: an unreadable or
// oversized file is a configuration error naming the file.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <random>

#include "coolpapers/rule_file.hpp"
#include "process.hpp"

using coolpapers::test::run_process;
using coolpapers::test::with_unix_line_ends;

TEST_CASE("--rules refuses a directory and a file over the rule file bound, exit 2") {
  const auto dir = std::filesystem::temp_directory_path() / ("coolpapers-cli-rules-" + std::to_string(std::random_device{}()));
  std::filesystem::create_directories(dir);
  const std::string big = (dir / "big.json").string();
  std::ofstream(big, std::ios::binary) << std::string(coolpapers::kMaxRuleFileBytes + 1, ' ');
  const std::vector<std::string> env = {"XDG_CONFIG_HOME=/nonexistent-coolpapers-test",
                                        "APPDATA=/nonexistent-coolpapers-test"};

  auto r = with_unix_line_ends(
      run_process({COOLPAPERS_BIN, "resolve", "--rules", dir.string(), "arXiv:2401.00001"}, {}, env));
  CHECK(r.exit_code == 2);
  // The system's reason: POSIX says "Is a directory"; Windows refuses to
  // open a folder as a file, "Permission denied", so the hint is generic.
  const std::string prefix = "coolpapers: " + dir.string() + ": cannot read the rule file: ";
  CHECK((r.err == prefix + "Is a directory; a rule file is a regular JSON file\n" ||
         r.err == prefix + "Permission denied; check the path\n"));

  r = with_unix_line_ends(run_process({COOLPAPERS_BIN, "resolve", "--rules", big, "arXiv:2401.00001"}, {}, env));
  CHECK(r.exit_code == 2);
  CHECK(r.err.find(big + ": the rule file is larger than 4 MiB") != std::string::npos);
  std::filesystem::remove_all(dir);
}
