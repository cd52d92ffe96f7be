// read_rule_file(): the one loader of user rule files, with its size bound
// and its read errors.
#include <doctest/doctest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "coolpapers/rule_file.hpp"

using namespace coolpapers;

namespace {

// A file of `contents` in a fresh temporary directory, removed at scope end.
struct TempFile {
  std::filesystem::path dir;
  std::string path;

  explicit TempFile(const std::string& contents) {
    dir = std::filesystem::temp_directory_path() / ("coolpapers-rule-file-test-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    path = (dir / "rules.json").string();
    std::ofstream(path, std::ios::binary) << contents;
  }
  ~TempFile() { std::filesystem::remove_all(dir); }
};

}  // namespace

TEST_CASE("a rule file is read whole and named by its path") {
  const std::string json = R"({"rules":[]})";
  TempFile file(json);
  auto source = read_rule_file(file.path);
  REQUIRE(source);
  CHECK(source->name == file.path);
  CHECK(source->json == json);
  // The bound itself is allowed.
  CHECK(read_rule_file(file.path, json.size()));
}

TEST_CASE("a rule file over the bound is refused with the bound and what to check") {
  TempFile small("0123456789!");
  auto refused = read_rule_file(small.path, 10);
  REQUIRE_FALSE(refused);
  CHECK(refused.error().source == small.path);
  CHECK(refused.error().message.find("larger than 10 bytes") != std::string::npos);

  TempFile big(std::string(kMaxRuleFileBytes + 1, ' '));
  auto too_big = read_rule_file(big.path);
  REQUIRE_FALSE(too_big);
  CHECK(too_big.error().to_string() ==
        big.path + ": the rule file is larger than 4 MiB; a rule table is a few kilobytes, so check that this "
                   "is the right file");
}

TEST_CASE("a missing file and a read error are refused with the system's reason") {
  auto missing = read_rule_file("/nonexistent-coolpapers/rules.json");
  REQUIRE_FALSE(missing);
  CHECK(missing.error().to_string() ==
        "/nonexistent-coolpapers/rules.json: cannot read the rule file: No such file or directory; check the path");

  // On Linux a directory opens, but reading it fails (EISDIR); Windows
  // refuses to open it (EACCES). Either way the system's reason is given.
  TempFile file("{}");
  auto directory = read_rule_file(file.dir.string());
  REQUIRE_FALSE(directory);
  const std::string& message = directory.error().message;
  INFO(message);
  CHECK((message.find("cannot read the rule file: Is a directory") != std::string::npos ||
         message.find("cannot read the rule file: Permission denied") != std::string::npos));
}
