// The POSIX side of ../doctor_platform.hpp: manifest files in the
// directories of packaging/browsers.tsv, hosts started directly.
#include "doctor_platform.hpp"

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "doctor_checks.hpp"
#include "doctor_fixes.hpp"

namespace coolpapers::app::doctor {
namespace {

namespace fs = std::filesystem;

// $HOME, else this user's home from /etc/passwd. Read directly rather than
// with getpwuid(): the host links glibc statically, where NSS lookups would
// need glibc's shared libraries at run time.
std::string home_directory() {
  if (const char* home = std::getenv("HOME"); home && *home) return home;
  std::ifstream passwd("/etc/passwd");
  const std::string uid = std::to_string(::getuid());
  for (std::string line; std::getline(passwd, line);) {
    // name:password:uid:gid:gecos:home:shell
    std::vector<std::string> fields;
    std::istringstream in(line);
    for (std::string field; std::getline(in, field, ':');) fields.push_back(field);
    if (fields.size() >= 6 && fields[2] == uid) return fields[5];
  }
  return "/";
}

std::string directory_of(const std::string& path) {
  std::size_t slash = path.rfind('/');
  return slash == 0 ? "/" : path.substr(0, slash);
}

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

// `coolpapers doctor --help` (the man page is made from it).
constexpr std::string_view kHelp = R"HELP(Usage: coolpapers doctor [--json]

Checks that browsers can start coolpapers as their native messaging host
cool.papers.redirector. For every browser it knows (Chromium, Google Chrome,
Microsoft Edge, Brave, Vivaldi) and for both places a browser looks (the
system directory, e.g. /etc/chromium/native-messaging-hosts, and the user's
<config>/<browser>/NativeMessagingHosts), it says whether the host is
registered there, whether the manifest parses, whether its "path" is
absolute, executable and this binary, whether "allowed_origins" holds the
bundled extension's id, and whether the host answers a ping when started
the way a browser starts it.

It also says whether the packed extension is offered to each browser (an
external-extension file <id>.json in e.g. /usr/lib/chromium/extensions or
<config>/chromium/External Extensions, naming a .crx whose version and id
are the announced version and the host's allowed extension) and whether it
is installed and enabled in each of the user's browser profiles, with the
fix for each problem.

  --json   one JSON object instead of text (for scripts)

Exit status: 0 when at least one installed browser is fully set up and nothing
registered is broken, 1 otherwise, 2 for a usage error.

Environment: XDG_CONFIG_HOME and HOME locate the user directories;
COOLPAPERS_DOCTOR_ROOT, if set, is prefixed to every system directory.
)HELP";

}  // namespace

std::string_view help_text() { return kHelp; }

Environment environment_from_process() {
  Environment env;
  if (const char* root = std::getenv("COOLPAPERS_DOCTOR_ROOT"); root && *root) {
    env.system_root = root;
    while (env.system_root.size() > 1 && env.system_root.back() == '/') env.system_root.pop_back();
    if (env.system_root == "/") env.system_root.clear();
  }
  const char* xdg = std::getenv("XDG_CONFIG_HOME");
  env.home = home_directory();
  env.config_home = (xdg && xdg[0] == '/') ? std::string(xdg) : env.home + "/.config";
  std::error_code ec;
  env.self_path = fs::canonical("/proc/self/exe", ec).string();
  env.extension_id = std::string(builtin_extension_id());
  env.gecko_id = std::string(builtin_gecko_id());
  return env;
}

const std::vector<Browser>& platform_browsers() { return builtin_browsers(); }

std::string profile_dir(const Browser& browser, const Environment& env) {
  return (browser.format == HostFormat::firefox ? env.home : env.config_home) + "/" + browser.user_dir;
}

RegistrationPlace registration_place(const Browser& browser, Scope scope, const std::string& profile_dir,
                                     const Environment& env) {
  const std::string file = std::string(kHostName) + ".json";
  std::string path;
  if (scope == Scope::system)
    path = env.system_root + browser.system_dir + "/" + file;
  else
    path = profile_dir +
           (browser.format == HostFormat::firefox ? "/native-messaging-hosts/" : "/NativeMessagingHosts/") + file;
  std::error_code ec;
  return {path, fs::exists(path, ec) ? std::optional<std::string>(path) : std::nullopt};
}

std::string host_path_problem(const std::string& path) {
  if (path.front() == '/') return {};
  return "\"path\" " + path + " is not absolute; Chromium requires an absolute path on Linux";
}

std::string host_file(const std::string& path, const std::string& /*manifest_path*/) { return path; }

bool may_execute(const std::string& file) { return ::access(file.c_str(), X_OK) == 0; }

HostStart browser_start(const std::string& file, const std::vector<std::string>& args, HostFormat /*format*/) {
  HostStart start;
  start.argv = {file};
  start.argv.insert(start.argv.end(), args.begin(), args.end());
  start.options.working_directory = directory_of(file);
  return start;
}

const std::vector<ExternalDirs>& platform_external_dirs() { return builtin_external_dirs(); }

std::string not_installed_reason(const Browser& browser) {
  std::string programs;
  for (const std::string& name : browser_programs(browser)) programs += (programs.empty() ? "" : " or ") + name;
  return " (no profile" + (programs.empty() ? "" : ", no " + programs + " on PATH") + ")";
}

std::string make_readable_advice(const std::string& file) { return "chmod 644 " + file; }

std::string_view install_browser_advice() {
  return "install Chromium (sudo apt-get install chromium), another Chromium-family browser or Firefox";
}

std::string_view firefox_extension_note() {
  return "  extension: not offered as a .crx; Debian's Firefox ESR loads the one the package puts in\n"
         "             /usr/share/mozilla/extensions/{ec8030f7-c20a-464f-9b0e-13a3a9e97384}/; other Firefox builds:\n"
         "             about:debugging > This Firefox > Load Temporary Add-on (see the README)";
}

// PREFIX/bin/coolpapers -> PREFIX/share/coolpapers/extension (the .deb and
// install.sh layout).
std::string bundled_extension_dir(const std::string& self_path) {
  if (self_path.empty()) return {};
  fs::path dir = fs::path(self_path).parent_path().parent_path() / "share" / "coolpapers" / "extension";
  std::error_code ec;
  return fs::exists(dir / "manifest.json", ec) ? dir.string() : std::string();
}

std::string reinstall_command(const std::string& self_path, const std::string& home) {
  fs::path binary(self_path);
  if (binary.parent_path() == "/usr/bin") return "sudo apt-get install --reinstall coolpapers";
  if (std::string source = build_tree_source(binary); !source.empty())
    return source + "/packaging/install.sh --user";
  if (!home.empty() && binary.parent_path() == fs::path(home) / ".local" / "bin")
    return "packaging/install.sh --user (in the coolpapers source you installed from)";
  return "packaging/install.sh --user (in the coolpapers source), or sudo apt-get install coolpapers";
}

}  // namespace coolpapers::app::doctor
