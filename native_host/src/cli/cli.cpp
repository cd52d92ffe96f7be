// Command dispatch, --help (text in cli_help.cpp) and --version.
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
    std::cerr << main_help();
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
    std::cout << main_help();
    return 0;
  }
  if (command == "--version") {
    std::cout << "coolpapers " << version() << "\n";
    return 0;
  }
  return usage_error("unknown command \"" + command + "\"");
}

}  // namespace coolpapers::app
