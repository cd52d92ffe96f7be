// The Windows side of ../doctor_platform.hpp: registrations in the
// registry, HKCU before HKLM as Chromium and Firefox look; hosts started
// through cmd.exe as Chrome starts them.
#include "doctor_platform.hpp"

#include <windows.h>

#include <cstdlib>
#include <filesystem>

#include "doctor_checks.hpp"
#include "doctor_fixes.hpp"
#include "windows_text.hpp"

namespace coolpapers::app::doctor {
namespace {

namespace fs = std::filesystem;
using windows_text::narrow;
using windows_text::quote_argument;
using windows_text::widen;

// %NAME%, or "" when unset.
std::string environment_variable(const wchar_t* name) {
  const wchar_t* value = ::_wgetenv(name);
  return value ? narrow(value) : std::string();
}

// The default value of root\key, in the 64-bit view (where the MSIs write,
// and where 64-bit browsers read); nullopt when the key or value is absent.
std::optional<std::string> registry_default(HKEY root, const std::string& key) {
  const std::wstring wide_key = widen(key);
  const DWORD flags = RRF_RT_REG_SZ | RRF_SUBKEY_WOW6464KEY;
  DWORD bytes = 0;
  if (::RegGetValueW(root, wide_key.c_str(), nullptr, flags, nullptr, nullptr, &bytes) != ERROR_SUCCESS)
    return std::nullopt;
  std::wstring value(bytes / sizeof(wchar_t) + 1, L'\0');
  if (::RegGetValueW(root, wide_key.c_str(), nullptr, flags, nullptr, value.data(), &bytes) != ERROR_SUCCESS)
    return std::nullopt;
  value.resize(::wcslen(value.c_str()));
  return narrow(value);
}

bool registry_key_exists(HKEY root, const std::string& key) {
  HKEY opened = nullptr;
  if (::RegOpenKeyExW(root, widen(key).c_str(), 0, KEY_READ | KEY_WOW64_64KEY, &opened) != ERROR_SUCCESS)
    return false;
  ::RegCloseKey(opened);
  return true;
}

// Each browser's program as Windows registers it for "start chrome".
std::vector<std::string> programs_of(const Browser& browser) {
  if (browser.name == "chrome") return {"chrome.exe"};
  if (browser.name == "edge") return {"msedge.exe"};
  if (browser.name == "brave") return {"brave.exe"};
  if (browser.name == "vivaldi") return {"vivaldi.exe"};
  if (browser.name == "firefox") return {"firefox.exe"};
  return {};  // Chromium's chrome.exe would be Chrome's: known by its profile only
}

constexpr std::string_view kHelp = R"HELP(Usage: coolpapers doctor [--json]

Checks that browsers can start coolpapers as their native messaging host
cool.papers.redirector. For every browser it knows (Google Chrome, Microsoft
Edge, Chromium, Brave, Vivaldi, Firefox) and for both places a browser looks
(the registry key Software\<browser>\NativeMessagingHosts\cool.papers.redirector,
first under HKEY_CURRENT_USER, then under HKEY_LOCAL_MACHINE), it says
whether the host is registered there, whether the manifest that key names
parses, whether its "path" (relative to the manifest's folder, or absolute)
exists and is this program, whether "allowed_origins" holds the bundled
extension's id, and whether the host answers a ping when started the way
Chrome starts it (through cmd.exe), with the fix for each problem.

  --json   one JSON object instead of text (for scripts)

Exit status: 0 when at least one installed browser is fully set up and nothing
registered is broken, 1 otherwise, 2 for a usage error.

Environment: LOCALAPPDATA (APPDATA for Firefox) locates the browsers'
profiles.
)HELP";

constexpr const char* kAppPaths = "Software\\Microsoft\\Windows\\CurrentVersion\\App Paths\\";

}  // namespace

std::string_view help_text() { return kHelp; }

Environment environment_from_process() {
  Environment env;
  env.config_home = environment_variable(L"LOCALAPPDATA");
  env.home = environment_variable(L"USERPROFILE");
  std::wstring self(MAX_PATH, L'\0');
  for (;;) {
    DWORD n = ::GetModuleFileNameW(nullptr, self.data(), static_cast<DWORD>(self.size()));
    if (n < self.size()) {
      self.resize(n);
      break;
    }
    self.resize(self.size() * 2);
  }
  env.self_path = narrow(self);
  env.extension_id = std::string(builtin_extension_id());
  env.gecko_id = std::string(builtin_gecko_id());
  return env;
}

// system_dir: the browser's key below HKLM and HKCU; user_dir: its
// user-data-dir below %LOCALAPPDATA% (Firefox: below %APPDATA%).
const std::vector<Browser>& platform_browsers() {
  static const std::vector<Browser> table = {
      {"chrome", "Google Chrome", "Software\\Google\\Chrome", "Google\\Chrome\\User Data", HostFormat::chromium},
      {"edge", "Microsoft Edge", "Software\\Microsoft\\Edge", "Microsoft\\Edge\\User Data", HostFormat::chromium},
      {"chromium", "Chromium", "Software\\Chromium", "Chromium\\User Data", HostFormat::chromium},
      {"brave", "Brave", "Software\\BraveSoftware\\Brave-Browser", "BraveSoftware\\Brave-Browser\\User Data",
       HostFormat::chromium},
      {"vivaldi", "Vivaldi", "Software\\Vivaldi", "Vivaldi\\User Data", HostFormat::chromium},
      {"firefox", "Firefox", "Software\\Mozilla", "Mozilla\\Firefox", HostFormat::firefox},
  };
  return table;
}

std::string profile_dir(const Browser& browser, const Environment& env) {
  const std::string base = browser.format == HostFormat::firefox ? environment_variable(L"APPDATA") : env.config_home;
  return base + "\\" + browser.user_dir;
}

RegistrationPlace registration_place(const Browser& browser, Scope scope, const std::string& /*profile_dir*/,
                                     const Environment& /*env*/) {
  const std::string key = browser.system_dir + "\\NativeMessagingHosts\\" + std::string(kHostName);
  if (scope == Scope::user) return {"HKCU\\" + key, registry_default(HKEY_CURRENT_USER, key)};
  return {"HKLM\\" + key, registry_default(HKEY_LOCAL_MACHINE, key)};
}

std::string host_path_problem(const std::string& /*path*/) { return {}; }

std::string host_file(const std::string& path, const std::string& manifest_path) {
  fs::path host(widen(path));
  if (host.is_absolute()) return path;
  return narrow((fs::path(widen(manifest_path)).parent_path() / host).lexically_normal().wstring());
}

bool may_execute(const std::string& /*file*/) { return true; }

// %COMSPEC% /d /s /c ""<host>" <args> --parent-window=0": /s makes cmd.exe
// strip exactly the outer quotes and run the rest as it is.
HostStart browser_start(const std::string& file, const std::vector<std::string>& args, HostFormat format) {
  std::string comspec = environment_variable(L"COMSPEC");
  if (comspec.empty()) comspec = "C:\\Windows\\System32\\cmd.exe";
  std::string inner = "\"" + file + "\"";
  for (const std::string& arg : args) inner += " " + narrow(quote_argument(widen(arg)));
  if (format == HostFormat::chromium) inner += " --parent-window=0";
  HostStart start;
  start.argv = {comspec, "/d", "/s", "/c", inner};
  start.options.windows_command_line = narrow(quote_argument(widen(comspec))) + " /d /s /c \"" + inner + "\"";
  start.options.working_directory = narrow(fs::path(widen(file)).parent_path().wstring());
  return start;
}

const std::vector<ExternalDirs>& platform_external_dirs() {
  static const std::vector<ExternalDirs> none;
  return none;
}

std::vector<std::string> browser_programs(const Browser& browser) { return programs_of(browser); }

bool browser_program_found(const Browser& browser, const Environment& /*env*/) {
  for (const std::string& program : programs_of(browser))
    if (registry_key_exists(HKEY_CURRENT_USER, kAppPaths + program) ||
        registry_key_exists(HKEY_LOCAL_MACHINE, kAppPaths + program))
      return true;
  return false;
}

std::string not_installed_reason(const Browser& browser) {
  std::string programs;
  for (const std::string& name : programs_of(browser)) programs += (programs.empty() ? "" : " or ") + name;
  return " (no profile" + (programs.empty() ? "" : ", no " + programs + " in App Paths") + ")";
}

std::string make_readable_advice(const std::string& file) {
  return "give your account Read access to " + file + " in its Properties > Security";
}

std::string_view install_browser_advice() {
  return "install Google Chrome, Microsoft Edge or another Chromium-family browser";
}

std::string_view firefox_extension_note() {
  return "  extension: Firefox on Windows gets it from about:debugging > This Firefox > Load Temporary Add-on\n"
         "             (the extension folder beside coolpapers.exe; see the README)";
}

// The MSIs install the unpacked extension beside coolpapers.exe.
std::string bundled_extension_dir(const std::string& self_path) {
  if (self_path.empty()) return {};
  fs::path dir = fs::path(widen(self_path)).parent_path() / L"extension";
  std::error_code ec;
  return fs::exists(dir / L"manifest.json", ec) ? narrow(dir.wstring()) : std::string();
}

std::string reinstall_command(const std::string& /*self_path*/, const std::string& /*home*/) {
  return "msiexec /i coolpapers-<version>-peruser.msi (for every user: -permachine.msi, as administrator)";
}

}  // namespace coolpapers::app::doctor
