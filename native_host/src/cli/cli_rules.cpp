// `coolpapers rules list|test`: inspect and check the rule table.

#include "cli.hpp"
#include "console.hpp"
#include "coolpapers/errors.hpp"
#include "coolpapers/resolution_json.hpp"

namespace coolpapers::app {
namespace {

constexpr std::string_view kHelp = R"HELP(Usage: coolpapers rules list [--json] [--rules FILE]...
       coolpapers rules test [--rules FILE]... [FILE]

list  shows every rule (built-in and from rule files) in priority order:
      id, family, source, output template, literals and pattern.
      --json prints the built-in rule table itself.
test  runs every rule's examples (with FILE or --rules FILE: the built-in
      rules plus FILE)
      and prints each failure and a last line "N passed, N failed".
      Exit 1 on any failure, 2 if FILE cannot be loaded.

A rule file has the form of the built-in table (`rules list --json`):
  {"schema": 1,
   "families": [{"name": "mysite", "page": "venue"}],
   "rules": [{"id": "mysite", "family": "mysite", "literals": ["mysite.org"],
              "pattern": "mysite\\.org/paper/([0-9]+)", "output": "{1}@MySite",
              "examples": [{"input": "https://mysite.org/paper/42",
                            "url": "https://papers.cool/venue/42@MySite"}]}]}
A rule with the id of a built-in rule replaces it. Put personal rules in
~/.config/coolpapers/rules.json (or $XDG_CONFIG_HOME/coolpapers/rules.json).
)HELP";

int list(const std::vector<std::string>& args) {
  CommonOptions common;
  bool json = false;
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--json") {
      json = true;
    } else if (args[i] == "--help" || args[i] == "-h") {
      stdout_stream() << kHelp;
      return 0;
    } else if (int used = parse_common_option(args, i, common); used <= 0) {
      return used < 0 ? exit_code(ErrorCode::usage) : usage_error("rules list: unknown argument \"" + args[i] + "\"");
    }
  }
  if (json) {
    stdout_stream() << builtin_rules_json();
    return 0;
  }
  auto resolver = load_resolver(common);
  if (!resolver) return exit_code(ErrorCode::bad_config);
  for (const RuleInfo& rule : resolver->rules()) {
    stdout_stream() << rule.id << "\n  family:   " << rule.family << "\n  source:   " << rule.source
              << "\n  output:   " << rule.output << "\n  literals:";
    for (const auto& literal : rule.literals) stdout_stream() << " " << literal;
    stdout_stream() << "\n  pattern:  " << rule.pattern << "\n  examples: " << rule.examples << "\n";
  }
  return 0;
}

int test(const std::vector<std::string>& args) {
  CommonOptions common;
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--help" || args[i] == "-h") {
      stdout_stream() << kHelp;
      return 0;
    }
    if (int used = parse_common_option(args, i, common); used != 0) {
      if (used < 0) return exit_code(ErrorCode::usage);
    } else if (args[i].starts_with("-")) {
      return usage_error("rules test: unknown option \"" + args[i] + "\"");
    } else {
      common.rule_files.push_back(args[i]);
    }
  }
  auto resolver = load_resolver(common);
  if (!resolver) return exit_code(ErrorCode::bad_config);
  ExampleReport report = resolver->run_examples();
  for (const auto& failure : report.failures)
    stdout_stream() << "FAIL " << failure.rule_id << ": " << failure.input << "\n  expected: " << failure.expected
              << "\n  actual:   " << failure.actual << "\n";
  stdout_stream() << report.passed << " passed, " << report.failures.size() << " failed\n";
  return report.failures.empty() ? 0 : 1;
}

}  // namespace

int cmd_rules(const std::vector<std::string>& args) {
  if (args.empty() || args[0] == "--help" || args[0] == "-h") {
    stdout_stream() << kHelp;
    return args.empty() ? exit_code(ErrorCode::usage) : 0;
  }
  std::vector<std::string> rest(args.begin() + 1, args.end());
  if (args[0] == "list") return list(rest);
  if (args[0] == "test") return test(rest);
  return usage_error("rules: unknown subcommand \"" + args[0] + "\" (list or test)");
}

}  // namespace coolpapers::app
