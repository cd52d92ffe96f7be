// What `coolpapers doctor` does differently on each platform, one file per
// platform (posix/doctor_platform.cpp, windows/doctor_platform.cpp; CMake
// compiles the one that applies), so the checks and the report have no
// #ifdef: which browsers there are and where their profiles live, where a
// browser finds the host's registration, which "path" it accepts and how it
// starts the host, and the advice that names the platform's installer.
//
//                 POSIX                        Windows
//   registration  a manifest file in the       the default value of the key
//                 system and the user          HKCU (then HKLM) Software/<browser>/
//                 NativeMessagingHosts dir     NativeMessagingHosts/cool.papers.redirector
//   "path"        absolute                     absolute, or relative to the manifest
//   start         the host itself              %COMSPEC% /d /s /c ""<host>" <origin> --parent-window=0"
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "child_process.hpp"
#include "doctor_browsers.hpp"
#include "doctor_environment.hpp"
#include "doctor_extension.hpp"

namespace coolpapers::app::doctor {

// The browsers doctor checks here, in report order. POSIX: the compiled-in
// packaging/browsers.tsv. Windows: Google Chrome, Microsoft Edge, Chromium,
// Brave, Vivaldi and Firefox, with `system_dir` holding the browser's
// registry key below HKLM and HKCU ("Software\Google\Chrome").
const std::vector<Browser>& platform_browsers();

// The browser's user-data-dir (Firefox: the folder holding its profiles).
// POSIX: below env.config_home (Firefox: env.home). Windows: below
// %LOCALAPPDATA% (Firefox: %APPDATA%).
std::string profile_dir(const Browser& browser, const Environment& env);

// Where `browser` finds the host's registration in `scope` (system, user).
struct RegistrationPlace {
  std::string location;                      // what the report names: a manifest file or a registry key
  std::optional<std::string> manifest_path;  // the manifest it names; nullopt when nothing is registered there
};
RegistrationPlace registration_place(const Browser& browser, Scope scope, const std::string& profile_dir,
                                     const Environment& env);

// Why the browser refuses the manifest's "path" as written, or "" when it
// takes it. POSIX: it must be absolute. Windows: a relative one is resolved
// against the manifest's folder.
std::string host_path_problem(const std::string& path);

// The file the browser starts for the manifest's "path".
std::string host_file(const std::string& path, const std::string& manifest_path);

// Whether the browser may start `file` (POSIX: its execute permission;
// Windows: any file). REQUIRES: `file` is a regular file.
bool may_execute(const std::string& file);

// How the browser starts the host `file` with `args` (its arguments for
// the manifest's format): the program's argv and its working directory, the
// host's folder. Windows goes through cmd.exe, as Chrome does.
struct HostStart {
  std::vector<std::string> argv;
  process::Options options;
};
HostStart browser_start(const std::string& file, const std::vector<std::string>& args, HostFormat format);

// The external-extension directories of the packed extension's offer.
// POSIX: the compiled-in packaging/external-extensions.tsv. Windows: none
// (browsers there take external extensions from the registry or a store).
const std::vector<ExternalDirs>& platform_external_dirs();

// " (no profile, no google-chrome or google-chrome-stable on PATH)": why
// `browser` seems not installed here.
std::string not_installed_reason(const Browser& browser);

// How to make `file`, which this user cannot read, readable: "chmod 644
// FILE" on POSIX; on Windows, read access in the file's Properties.
std::string make_readable_advice(const std::string& file);

// What to install when no browser was found, before ", then register the
// host with: ...".
std::string_view install_browser_advice();

// Where a Firefox user gets the extension (the report's Firefox section).
std::string_view firefox_extension_note();

// `coolpapers doctor --help`: what it checks here.
std::string_view help_text();

// The unpacked extension installed beside this binary, for Load unpacked;
// "" when there is none.
std::string bundled_extension_dir(const std::string& self_path);

}  // namespace coolpapers::app::doctor
