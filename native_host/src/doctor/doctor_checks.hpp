// `coolpapers doctor`'s checks: for every browser, is the native host
// registered (system and user directory), and does each registration work?
//
//   Environment env = environment_from_process();
//   Report report = run_checks(platform_browsers(), env);
//   report.ok()  // at least one browser ready, and no registration broken
//
// Each problem has a stable code (tests and --json use it) and a message
// that names the file and the exact fault.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "doctor_browsers.hpp"
#include "doctor_environment.hpp"
#include "doctor_extension.hpp"
#include "doctor_ping.hpp"
#include "doctor_platform.hpp"

namespace coolpapers::app::doctor {

struct Registration {
  Scope scope = Scope::system;
  HostFormat format = HostFormat::chromium;
  std::string location;            // where the browser looks: the manifest file, or (Windows) a registry key
  std::string manifest_path;
  bool registered = false;         // the manifest file exists (Windows: the registry names one)
  std::string host_path;           // its "path", when it has one
  std::optional<PingResult> ping;  // tried only when the host can be started
  std::vector<Problem> problems;

  bool broken() const;  // registered with at least one error
  bool works() const { return registered && !broken(); }
};

struct BrowserReport {
  Browser browser;
  std::string profile_dir;  // config_home/user_dir (Firefox: home/user_dir)
  bool profile_found = false;  // that directory exists: the browser is probably in use
  bool installed = false;      // its profile or its program exists
  Registration system;
  Registration user;
  ExtensionReport extension;  // the packed extension offered and installed

  // The registration the browser uses: Chromium and Firefox read the user
  // directory first and fall back to the system one. nullptr when neither exists.
  const Registration* effective() const;
  // Installed, and the registration it uses works: right-click will work.
  bool ready() const;
};

struct Report {
  std::string self_path;
  std::string extension_id;
  std::string gecko_id;
  std::string reinstall;  // the command that registers this binary again
  std::vector<BrowserReport> browsers;

  bool ok() const;           // some browser ready, nothing registered broken
  int error_count() const;   // errors over all registrations
};

// Checks the manifest text of one registration (everything but the file
// system and the ping): JSON, name, type, path, and allowed_origins (or
// allowed_extensions, as `into.format` says). Fills `problems` and
// `host_path` of `into`.
void check_manifest_text(const std::string& text, const Environment& env, Registration& into);

// Checks the registration at `place` (doctor_platform.hpp): reads the
// manifest, check_manifest_text(), then whether "path" (resolved as the
// browser resolves it) exists, is executable, is this binary, and answers a
// ping when started as the browser starts it.
Registration check_registration(Scope scope, const RegistrationPlace& place, const Environment& env,
                                HostFormat format = HostFormat::chromium);

// The programs that start the browser ("google-chrome", ...); none for a
// browser doctor knows only by its profile.
std::vector<std::string> browser_programs(const Browser& browser);

// Whether one of the browser's programs is installed: on $PATH (each
// directory below env.system_root, so tests plant programs in their own
// tree); on Windows, in the registry's App Paths.
bool browser_program_found(const Browser& browser, const Environment& env);

Report run_checks(const std::vector<Browser>& browsers, const Environment& env);

}  // namespace coolpapers::app::doctor
