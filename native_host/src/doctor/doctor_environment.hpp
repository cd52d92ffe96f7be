// What every doctor check shares: where to look (Environment) and how a
// fault is reported (Problem).
#pragma once

#include <string>

namespace coolpapers::app::doctor {

struct Environment {
  std::string system_root;   // prefix of every system dir: "" for the real ones
  std::string config_home;   // $XDG_CONFIG_HOME, else $HOME/.config
  std::string home;          // $HOME (Firefox's per-user manifests are below it)
  std::string self_path;     // this binary, symlinks resolved
  std::string extension_id;  // the id allowed_origins must hold
  std::string gecko_id;      // the add-on id Firefox's allowed_extensions must hold
  int ping_timeout_ms = 5000;
};

// The environment of this process: COOLPAPERS_DOCTOR_ROOT (tests point the
// system dirs into a temporary tree), XDG_CONFIG_HOME (absolute values only,
// as the XDG spec says), HOME, /proc/self/exe, the compiled-in extension id.
Environment environment_from_process();

enum class Severity { error, warning };

struct Problem {
  std::string code;  // "bad_json", "path_not_found", ... (see doctor_checks.cpp, doctor_extension.cpp)
  Severity severity = Severity::error;
  std::string message;
};

enum class Scope { system, user };

}  // namespace coolpapers::app::doctor
