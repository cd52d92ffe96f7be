// --rules goes through the bounded rule file loader: an unreadable or
// oversized file is a configuration error naming the file.
#include <doctest/doctest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "coolpapers/rule_file.hpp"
#include "process.hpp"

using coolpapers::test::run_process;

TEST_CASE("--rules refuses a directory and a file over the rule file bound, exit 2") {
  const auto dir = std::filesystem::temp_directory_path() / ("coolpapers-cli-rules-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const std::string big = (dir / "big.json").string();
  std::ofstream(big, std::ios::binary) << std::string(coolpapers::kMaxRuleFileBytes + 1, ' ');
  const std::string env = "XDG_CONFIG_HOME=/nonexistent-coolpapers-test";

  auto r = run_process({COOLPAPERS_BIN, "resolve", "--rules", dir.string(), "arXiv:2401.00001"}, {}, {env});
  CHECK(r.exit_code == 2);
  CHECK(r.err == "coolpapers: " + dir.string() +
                     ": cannot read the rule file: Is a directory; a rule file is a regular JSON file\n");

  r = run_process({COOLPAPERS_BIN, "resolve", "--rules", big, "arXiv:2401.00001"}, {}, {env});
  CHECK(r.exit_code == 2);
  CHECK(r.err.find(big + ": the rule file is larger than 4 MiB") != std::string::npos);
  std::filesystem::remove_all(dir);
}
