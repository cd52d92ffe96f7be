// The POSIX side of ../platform.hpp.
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

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

std::vector<std::string> command_line_arguments(int argc, char** argv) {
  return std::vector<std::string>(argv + 1, argv + argc);
}

std::string join_path(const std::string& dir, const std::string& name) { return dir + "/" + name; }

std::vector<std::string> default_open_command(const std::string& url) { return {"xdg-open", url}; }

std::string open_in_default_browser(const std::string& url) { return start_browser(default_open_command(url)); }

std::string start_browser(const std::vector<std::string>& command) {
  std::vector<char*> argv;
  for (const auto& word : command) argv.push_back(const_cast<char*>(word.c_str()));
  argv.push_back(nullptr);
  pid_t pid = 0;
  int rc = ::posix_spawnp(&pid, argv[0], nullptr, nullptr, argv.data(), environ);
  if (rc != 0) return std::strerror(rc);
  constexpr int kPollMs = 20;
  for (int waited = 0; waited < kBrowserStartupCheckMs; waited += kPollMs) {
    int status = 0;
    pid_t done = ::waitpid(pid, &status, WNOHANG);
    if (done == pid) {
      if (WIFEXITED(status) && WEXITSTATUS(status) == 0) return {};
      return WIFEXITED(status) ? "it exited with status " + std::to_string(WEXITSTATUS(status))
                               : "it was killed by signal " + std::to_string(WTERMSIG(status));
    }
    if (done < 0) return {};  // not our child any more: nothing to learn
    ::usleep(kPollMs * 1000);
  }
  return {};
}

}  // namespace coolpapers::platform
