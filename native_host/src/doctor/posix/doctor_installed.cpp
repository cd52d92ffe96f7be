// Is a browser installed? Its profile directory is checked by run_checks();
// this looks for its program, for a browser installed but never started.
#include <unistd.h>

#include <cstdlib>
#include <map>
#include <sstream>

#include "doctor_checks.hpp"

namespace coolpapers::app::doctor {
namespace {

// The programs each browser's Debian/Ubuntu packages put on PATH.
const std::map<std::string, std::vector<std::string>, std::less<>>& programs() {
  static const std::map<std::string, std::vector<std::string>, std::less<>> table = {
      {"chromium", {"chromium", "chromium-browser"}},
      {"chrome", {"google-chrome", "google-chrome-stable"}},
      {"edge", {"microsoft-edge", "microsoft-edge-stable"}},
      {"brave", {"brave-browser", "brave"}},
      {"vivaldi", {"vivaldi", "vivaldi-stable"}},
      {"firefox", {"firefox-esr", "firefox"}},
  };
  return table;
}

}  // namespace

std::vector<std::string> browser_programs(const Browser& browser) {
  auto names = programs().find(browser.name);
  return names == programs().end() ? std::vector<std::string>{} : names->second;
}

bool browser_program_found(const Browser& browser, const Environment& env) {
  const std::vector<std::string> names = browser_programs(browser);
  const char* path = std::getenv("PATH");
  std::istringstream dirs(path && *path ? path : "/usr/bin:/bin");
  for (std::string dir; std::getline(dirs, dir, ':');) {
    if (dir.empty() || dir.front() != '/') continue;
    for (const std::string& name : names)
      if (::access((env.system_root + dir + "/" + name).c_str(), X_OK) == 0) return true;
  }
  return false;
}

}  // namespace coolpapers::app::doctor
