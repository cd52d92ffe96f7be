#include "doctor_fixes.hpp"

#include <filesystem>
#include <fstream>

namespace coolpapers::app::doctor {
namespace {

namespace fs = std::filesystem;

// The source directory of the CMake build tree holding `binary`, or "".
std::string build_tree_source(const fs::path& binary) {
  fs::path dir = binary.parent_path();
  for (int up = 0; up < 3 && !dir.empty(); ++up, dir = dir.parent_path()) {
    std::ifstream cache(dir / "CMakeCache.txt");
    for (std::string line; std::getline(cache, line);)
      if (line.starts_with("CMAKE_HOME_DIRECTORY:INTERNAL=")) return line.substr(line.find('=') + 1);
    if (dir == dir.root_path()) break;
  }
  return {};
}

}  // namespace

std::string reinstall_command(const std::string& self_path, const std::string& home) {
  fs::path binary(self_path);
  if (binary.parent_path() == "/usr/bin") return "sudo apt-get install --reinstall coolpapers";
  if (std::string source = build_tree_source(binary); !source.empty())
    return source + "/packaging/install.sh --user";
  if (!home.empty() && binary.parent_path() == fs::path(home) / ".local" / "bin")
    return "packaging/install.sh --user (in the coolpapers source you installed from)";
  return "packaging/install.sh --user (in the coolpapers source), or sudo apt-get install coolpapers";
}

std::string fix_for(const Problem& problem, const Registration& r, const std::string& reinstall) {
  const std::string& code = problem.code;
  if (code == "read_error") return "make the manifest readable (chmod 644 " + r.manifest_path + "), or reinstall with " + reinstall;
  if (code == "path_not_executable") return "chmod 755 " + r.host_path + ", or reinstall with " + reinstall;
  if (code == "not_this_binary")
    return "if this binary is the one to use, reinstall with " + reinstall + "; otherwise nothing to do";
  if (code == "ping_failed")
    return "run `" + r.host_path + " --help` to see whether it starts at all, then reinstall with " + reinstall;
  // Everything else is a wrong or missing manifest, or a missing binary:
  // the installer writes both again.
  return "reinstall with " + reinstall + " (it rewrites " + r.manifest_path + ")";
}

}  // namespace coolpapers::app::doctor
