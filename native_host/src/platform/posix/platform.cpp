// The POSIX side of ../platform.hpp.
#include <spawn.h>

#include <csignal>
#include <cstdlib>
#include <cstring>

#include "../platform.hpp"

extern char** environ;

namespace coolpapers::platform {

void prepare_host_stdio() { std::signal(SIGPIPE, SIG_IGN); }

std::string user_config_dir() {
  const char* xdg = std::getenv("XDG_CONFIG_HOME");
  if (xdg && *xdg == '/') return std::string(xdg) + "/coolpapers";
  const char* home = std::getenv("HOME");
  return std::string(home && *home ? home : ".") + "/.config/coolpapers";
}

std::string join_path(const std::string& dir, const std::string& name) { return dir + "/" + name; }

std::vector<std::string> default_open_command(const std::string& url) { return {"xdg-open", url}; }

std::string start_detached(const std::vector<std::string>& command) {
  std::vector<char*> argv;
  for (const auto& word : command) argv.push_back(const_cast<char*>(word.c_str()));
  argv.push_back(nullptr);
  pid_t pid = 0;
  int rc = ::posix_spawnp(&pid, argv[0], nullptr, nullptr, argv.data(), environ);
  return rc == 0 ? std::string() : std::string(std::strerror(rc));
}

}  // namespace coolpapers::platform
