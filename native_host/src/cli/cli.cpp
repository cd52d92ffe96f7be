// Command dispatch, --help and --version.
#include "cli.hpp"

#include <unistd.h>

#include <iostream>
#include <string_view>

#include "coolpapers/errors.hpp"
#include "doctor_browsers.hpp"
#include "host_start.hpp"
#include "native_host.hpp"

namespace coolpapers::app {
namespace {

constexpr std::string_view kHelp = R"HELP(coolpapers - open any paper on Cool Papers (https://papers.cool)

Usage:
  coolpapers resolve [options] [TEXT...]   print the Cool Papers URL of each TEXT
  coolpapers open [options] TEXT...        resolve and open in the browser
  coolpapers rules list [--json]           show the rule table
  coolpapers rules test [FILE]             run every rule's examples
  coolpapers native-host                   serve native messaging on stdin/stdout
  coolpapers doctor [--json]               check the host's registration in each browser
  coolpapers --version | --help

TEXT is an arXiv id, a paper URL (arXiv, OpenReview, ACL Anthology, PMLR,
CVF, IJCAI, USENIX, AAAI, ...) or citation text. `coolpapers COMMAND --help`
shows a command's options.

Chrome starts `coolpapers chrome-extension://ID/` and Firefox starts
`coolpapers MANIFEST.json ADD-ON-ID` as the native messaging host
`cool.papers.redirector`; see native_host/PROTOCOL.md.

Exit codes: 0 ok, 1 no paper found, 2 usage or configuration error,
3 I/O error, 4 internal error.
)HELP";

int run_host_mode() {
  // A broken user rule file must not break right-click: fall back to the
  // built-in rules and say why on stderr (Chrome copies it to its log;
  // `coolpapers rules test` shows the details).
  std::optional<Resolver> resolver = load_resolver({});
  if (!resolver) {
    std::cerr << "coolpapers: native host continues with the built-in rules only\n";
    auto builtin = Resolver::create({});
    if (!builtin) return exit_code(ErrorCode::internal);
    resolver = *builtin;
  }
  return run_native_host(*resolver, STDIN_FILENO, STDOUT_FILENO);
}

}  // namespace

int usage_error(const std::string& message) {
  std::cerr << "coolpapers: " << message << "\nTry `coolpapers --help`.\n";
  return exit_code(ErrorCode::usage);
}

int parse_common_option(const std::vector<std::string>& args, std::size_t& i, CommonOptions& common) {
  const std::string& arg = args[i];
  for (std::string_view name : {"--base", "--rules"}) {
    std::string value;
    if (arg == name) {
      if (i + 1 >= args.size()) {
        usage_error(std::string(name) + " needs a value");
        return -1;
      }
      value = args[++i];
    } else if (arg.starts_with(std::string(name) + "=")) {
      value = arg.substr(name.size() + 1);
    } else {
      continue;
    }
    if (name == "--base")
      common.base = value;
    else
      common.rule_files.push_back(value);
    return 1;
  }
  return 0;
}

int run(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty()) {
    std::cerr << kHelp;
    return exit_code(ErrorCode::usage);
  }
  std::string refusal;
  switch (recognise_host_start(args, doctor::builtin_gecko_id(), refusal)) {
    case HostStart::serve:
      return run_host_mode();
    case HostStart::refused:
      std::cerr << "coolpapers: " << refusal << "\n";
      return exit_code(ErrorCode::usage);
    case HostStart::not_host:
      break;
  }
  const std::string& command = args[0];
  std::vector<std::string> rest(args.begin() + 1, args.end());
  if (command == "resolve") return cmd_resolve(rest);
  if (command == "open") return cmd_open(rest);
  if (command == "rules") return cmd_rules(rest);
  if (command == "doctor") return cmd_doctor(rest);
  if (command == "--help" || command == "-h" || command == "help") {
    std::cout << kHelp;
    return 0;
  }
  if (command == "--version") {
    std::cout << "coolpapers " << version() << "\n";
    return 0;
  }
  return usage_error("unknown command \"" + command + "\"");
}

}  // namespace coolpapers::app
