// The `coolpapers` command line: argument parsing and the commands.
// Each command is a thin shell of I/O around one Resolver call.
#pragma once

#include <string>
#include <vector>

#include "coolpapers/resolver.hpp"

namespace coolpapers::app {

// main(): dispatches to a command or to native messaging host mode.
int run(int argc, char** argv);

// Options every resolving command shares.
struct CommonOptions {
  std::string base = Options{}.base;
  std::vector<std::string> rule_files;  // --rules FILE, in order
};

// Builds the resolver from the built-in rules, the user's
// $XDG_CONFIG_HOME/coolpapers/rules.json (if it exists) and every --rules
// file. On failure prints the precise error to stderr and returns nullopt.
std::optional<Resolver> load_resolver(const CommonOptions& common);

// Path of the per-user rule file: $XDG_CONFIG_HOME/coolpapers/rules.json,
// or ~/.config/coolpapers/rules.json.
std::string user_rules_path();

int cmd_resolve(const std::vector<std::string>& args);
int cmd_open(const std::vector<std::string>& args);
int cmd_rules(const std::vector<std::string>& args);
int cmd_doctor(const std::vector<std::string>& args);
int cmd_native_host(const std::vector<std::string>& args);

// Consumes "--base URL"/"--base=URL" and "--rules FILE" at args[i].
// Returns 1 if consumed (i advanced past the value), 0 if args[i] is not a
// common option, -1 on a usage error (already printed).
int parse_common_option(const std::vector<std::string>& args, std::size_t& i, CommonOptions& common);

// `coolpapers --help`: the commands, and the supported sites from the rule
// table (built-in plus the user's rule file, if it loads).
std::string main_help();
// Consumes "--field F"/"--field=F" at args[i], F as field_choice_from_name()
// reads it; same return values as parse_common_option().
int parse_field_option(const std::vector<std::string>& args, std::size_t& i, FieldChoice& choice);

// Prints "coolpapers: MESSAGE" to stderr and returns the usage exit code.
int usage_error(const std::string& message);

}  // namespace coolpapers::app
