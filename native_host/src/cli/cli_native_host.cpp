// `coolpapers native-host`, `coolpapers chrome-extension://ID/` (Chromium)
// and `coolpapers MANIFEST.json ADD-ON-ID` (Firefox): serve native messaging
// on stdin/stdout for a browser.
#include <unistd.h>

#include <utility>

#include "cli.hpp"
#include "console.hpp"
#include "coolpapers/errors.hpp"
#include "native_host.hpp"

namespace coolpapers::app {
namespace {

constexpr std::string_view kHelp = R"HELP(Usage: coolpapers native-host

Serves the browser extension: reads native messaging requests on standard
input (each a 4-byte length and a JSON object) and writes one reply per
request, until standard input ends. Browsers start it themselves as the
native messaging host cool.papers.redirector (Chromium as `coolpapers
chrome-extension://ID/`, Firefox as `coolpapers MANIFEST.json ADD-ON-ID`);
there is no reason to run it by hand.

To check that browsers can start it: coolpapers doctor
To resolve a paper from a terminal: coolpapers resolve TEXT
The messages are described in native_host/PROTOCOL.md.
)HELP";

}  // namespace

int cmd_native_host(const std::vector<std::string>& args) {
  for (const std::string& arg : args) {
    if (arg == "--help" || arg == "-h") {
      stdout_stream() << kHelp;
      return 0;
    }
  }
  // A browser always connects a pipe; a terminal means a person typed the
  // command, who would otherwise wait forever for a binary frame.
  if (::isatty(STDIN_FILENO)) {
    stderr_stream() << "coolpapers: native-host serves the browser extension over a pipe and is started by the browser.\n"
                 "To check that browsers can start it, run `coolpapers doctor`; to resolve a paper, "
                 "`coolpapers resolve TEXT`.\n";
    return exit_code(ErrorCode::usage);
  }
  // A broken user rule file must not break right-click: fall back to the
  // built-in rules and say why on stderr (Chrome copies it to its log;
  // `coolpapers rules test` shows the details).
  std::optional<Resolver> resolver = load_resolver({});
  if (!resolver) {
    stderr_stream() << "coolpapers: native host continues with the built-in rules only\n";
    auto builtin = Resolver::create({});
    if (!builtin) return exit_code(ErrorCode::internal);
    resolver = *builtin;
  }
  // The process ends right after the session: the rule table (its rules,
  // literal filter and compiled patterns) is left for the exit to reclaim
  // instead of freeing it piece by piece, about 5% of a host start's
  // instructions. Reachable from a static, so leak checkers stay quiet.
  static const Resolver* const served = new Resolver(std::move(*resolver));
  return run_native_host(*served, STDIN_FILENO, STDOUT_FILENO);
}

}  // namespace coolpapers::app
