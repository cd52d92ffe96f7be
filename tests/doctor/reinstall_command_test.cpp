// The reinstall command doctor names fits how the binary was installed,
// decided from the binary's own path.
#include <doctest/doctest.h>

#include <stdlib.h>

#include <filesystem>
#include <fstream>

#include "doctor_fixes.hpp"

namespace fs = std::filesystem;
using coolpapers::app::doctor::reinstall_command;

TEST_CASE("the package's binary is reinstalled with apt-get") {
  CHECK(reinstall_command("/usr/bin/coolpapers", "/home/ada") == "sudo apt-get install --reinstall coolpapers");
}

TEST_CASE("a per-user install under ~/.local/bin is redone with install.sh --user") {
  CHECK(reinstall_command("/home/ada/.local/bin/coolpapers", "/home/ada") ==
        "packaging/install.sh --user (in the coolpapers source you installed from)");
}

TEST_CASE("a build tree's binary names its own source's install.sh") {
  std::string pattern = (fs::temp_directory_path() / "coolpapers-reinstall-XXXXXX").string();
  REQUIRE(::mkdtemp(pattern.data()) != nullptr);
  fs::create_directories(pattern + "/build/native_host");
  std::ofstream(pattern + "/build/CMakeCache.txt") << "# cache\nCMAKE_HOME_DIRECTORY:INTERNAL=/src/coolpapers\n";
  CHECK(reinstall_command(pattern + "/build/native_host/coolpapers", "/home/ada") ==
        "/src/coolpapers/packaging/install.sh --user");
  fs::remove_all(pattern);
}

TEST_CASE("anywhere else both ways are named") {
  CHECK(reinstall_command("/opt/coolpapers/bin/coolpapers", "/home/ada") ==
        "packaging/install.sh --user (in the coolpapers source), or sudo apt-get install coolpapers");
}
