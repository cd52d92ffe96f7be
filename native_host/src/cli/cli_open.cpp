// `coolpapers open`: resolve, then hand the page to the user's browser.
#include <cstdlib>
#include <cstring>
#include <sstream>

#include "cli.hpp"
#include "console.hpp"
#include "coolpapers/errors.hpp"
#include "platform.hpp"

namespace coolpapers::app {
namespace {

constexpr std::string_view kHelp = R"HELP(Usage: coolpapers open [options] TEXT...

Resolves each TEXT like `coolpapers resolve` and opens the Cool Papers page
in the browser named by $BROWSER (its first ':'-separated entry; "%s" in it
is replaced by the URL) or else in the default browser (xdg-open on Linux,
the https handler on Windows). Exits 3 when the browser cannot be started
or fails within two seconds.

Options:
  --dry-run     print the command instead of running it
  --field F     auto (default), selection, link, page or frame
  --base URL    target site (default https://papers.cool)
  --rules FILE  extra rule file (repeatable)
)HELP";

// The command that opens `url`: $BROWSER's first entry split on spaces
// (with %s replaced, or the URL appended); empty when $BROWSER is not set
// (the platform's default then: xdg-open on Linux, ShellExecuteW on
// Windows; platform.hpp). No shell is involved, so nothing in the URL is
// ever interpreted.
std::vector<std::string> browser_command(const std::string& url) {
  std::vector<std::string> argv;
  const char* env = std::getenv("BROWSER");
  std::string first = env ? std::string(env).substr(0, std::string(env).find(':')) : "";
  std::istringstream words(first);
  bool placed = false;
  for (std::string word; words >> word;) {
    if (auto at = word.find("%s"); at != std::string::npos) {
      word.replace(at, 2, url);
      placed = true;
    }
    argv.push_back(word);
  }
  if (!argv.empty() && !placed) argv.push_back(url);
  return argv;
}

std::string shell_quote(const std::string& word) {
  std::string out = "'";
  for (char c : word) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

}  // namespace

int cmd_open(const std::vector<std::string>& args) {
  CommonOptions common;
  FieldChoice field;
  bool dry_run = false;
  std::vector<std::string> texts;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (arg == "--help" || arg == "-h") {
      stdout_stream() << kHelp;
      return 0;
    }
    if (arg == "--dry-run") {
      dry_run = true;
    } else if (int taken = parse_field_option(args, i, field); taken != 0) {
      if (taken < 0) return exit_code(ErrorCode::usage);
    } else if (int used = parse_common_option(args, i, common); used != 0) {
      if (used < 0) return exit_code(ErrorCode::usage);
    } else if (arg.starts_with("--")) {
      return usage_error("open: unknown option \"" + arg + "\"");
    } else {
      texts.push_back(arg);
    }
  }
  if (texts.empty()) return usage_error("open: give the id, URL or text to open");
  auto resolver = load_resolver(common);
  if (!resolver) return exit_code(ErrorCode::bad_config);

  int status = 0;
  for (const auto& text : texts) {
    Resolution r = resolver->resolve(text, field.for_text(text));
    if (!r.ok()) {
      stderr_stream() << "coolpapers: \"" << text << "\": " << r.message << "\n";
      status = exit_code(*r.error);
      continue;
    }
    const auto browser = browser_command(r.url);
    const auto command = browser.empty() ? platform::default_open_command(r.url) : browser;
    if (dry_run) {
      for (std::size_t i = 0; i < command.size(); ++i) stdout_stream() << (i ? " " : "") << shell_quote(command[i]);
      stdout_stream() << "\n";
    } else if (std::string error = browser.empty() ? platform::open_in_default_browser(r.url)
                                                   : platform::start_browser(browser);
               !error.empty()) {
      stderr_stream() << "coolpapers: cannot open " << r.url << " with " << command[0] << ": " << error
                << "; set $BROWSER to your browser's command, e.g. BROWSER=firefox\n";
      status = exit_code(ErrorCode::io);
    }
  }
  return status;
}

}  // namespace coolpapers::app
