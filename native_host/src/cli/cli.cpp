// Command dispatch, --help (text in cli_help.cpp) and --version.
#include "cli.hpp"

#include <cstdio>
#include <string_view>

#include "console.hpp"
#include "coolpapers/errors.hpp"
#include "extension_ids.hpp"
#include "host_start.hpp"
#include "platform.hpp"

namespace coolpapers::app {

int usage_error(const std::string& message) {
  stderr_stream() << "coolpapers: " << message << "\nTry `coolpapers --help`.\n";
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

int parse_field_option(const std::vector<std::string>& args, std::size_t& i, FieldChoice& choice) {
  const std::string& arg = args[i];
  std::string value;
  if (arg == "--field") {
    if (i + 1 >= args.size()) {
      usage_error("--field needs a value: " + std::string(kFieldChoiceNames));
      return -1;
    }
    value = args[++i];
  } else if (arg.starts_with("--field=")) {
    value = arg.substr(8);
  } else {
    return 0;
  }
  auto parsed = field_choice_from_name(value);
  if (!parsed) {
    usage_error("--field must be " + std::string(kFieldChoiceNames) + " (got \"" + value + "\")");
    return -1;
  }
  choice = *parsed;
  return 1;
}

namespace {

// Runs the command args[0] names.
int dispatch(const std::vector<std::string>& args) {
  if (args.empty()) {
    stderr_stream() << main_help();
    return exit_code(ErrorCode::usage);
  }
  const std::string& command = args[0];
  std::vector<std::string> rest(args.begin() + 1, args.end());
  std::string refusal;
  switch (recognise_host_start(args, builtin_gecko_id(), refusal)) {
    case HostStart::serve:
      return cmd_native_host(rest);
    case HostStart::refused:
      stderr_stream() << "coolpapers: " << refusal << "\n";
      return exit_code(ErrorCode::usage);
    case HostStart::not_host:
      break;
  }
  if (command == "resolve") return cmd_resolve(rest);
  if (command == "open") return cmd_open(rest);
  if (command == "rules") return cmd_rules(rest);
  if (command == "doctor") return cmd_doctor(rest);
  if (command == "--help" || command == "-h" || command == "help") {
    stdout_stream() << main_help();
    return 0;
  }
  if (command == "--version") {
    stdout_stream() << "coolpapers " << version() << "\n";
    return 0;
  }
  return usage_error("unknown command \"" + command + "\"");
}

// Whether everything written to standard output reached it. Checked once,
// at exit, for every command: output cut short (a full disk, a closed
// pipe) is an I/O error however well the command went.
bool output_written() { return flush_stdout(); }

}  // namespace

int run(int argc, char** argv) {
  int status = dispatch(platform::command_line_arguments(argc, argv));
  if (!output_written()) {
    stderr_stream() << "coolpapers: cannot write standard output; check that the disk is not full\n";
    return exit_code(ErrorCode::io);
  }
  return status;
}

}  // namespace coolpapers::app
