// `coolpapers doctor [--json]`: is the native host set up for the browsers?
#include <csignal>
#include <filesystem>

#include "cli.hpp"
#include "console.hpp"
#include "coolpapers/errors.hpp"
#include "doctor_checks.hpp"
#include "doctor_report.hpp"

namespace coolpapers::app {
namespace {

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

// The bundled extension next to this binary: PREFIX/bin/coolpapers ->
// PREFIX/share/coolpapers/extension (the .deb and install.sh layout).
std::string bundled_extension_dir(const std::string& self_path) {
  namespace fs = std::filesystem;
  if (self_path.empty()) return {};
  fs::path dir = fs::path(self_path).parent_path().parent_path() / "share" / "coolpapers" / "extension";
  std::error_code ec;
  return fs::exists(dir / "manifest.json", ec) ? dir.string() : std::string();
}

}  // namespace

int cmd_doctor(const std::vector<std::string>& args) {
  bool json = false;
  for (const std::string& arg : args) {
    if (arg == "--json") {
      json = true;
    } else if (arg == "--help" || arg == "-h") {
      stdout_stream() << kHelp;
      return 0;
    } else {
      return usage_error("doctor: unknown argument \"" + arg + "\"");
    }
  }
  // A host that exits before reading its ping must not kill doctor.
  std::signal(SIGPIPE, SIG_IGN);
  doctor::Environment env = doctor::environment_from_process();
  doctor::Report report = doctor::run_checks(doctor::builtin_browsers(), env);
  std::string extension_dir = bundled_extension_dir(env.self_path);
  if (json)
    doctor::print_json(report, extension_dir, stdout_stream());
  else
    doctor::print_text(report, extension_dir, stdout_stream());
  return report.ok() ? 0 : 1;
}

}  // namespace coolpapers::app
