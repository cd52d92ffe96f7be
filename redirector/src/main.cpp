// coolpapers-redirector: parse and check the command line, load the
// resolver, run the server. Everything else lives in the library.
#include <iostream>

#include "config.hpp"
#include "coolpapers/resolver.hpp"
#include "coolpapers/rule_file.hpp"
#include "listen_address.hpp"
#include "server.hpp"

using namespace coolpapers;
using namespace coolpapers::redirector;

namespace {

int config_error(const std::string& message) {
  std::cerr << "coolpapers-redirector: " << message << "\n";
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string_view> args(argv + 1, argv + argc);
  ParseResult parsed = parse_command_line(args);
  switch (parsed.action) {
    case ParseResult::Action::help:
      std::cout << usage_text();
      return 0;
    case ParseResult::Action::version:
      std::cout << "coolpapers-redirector " << coolpapers::version() << "\n";
      return 0;
    case ParseResult::Action::error:
      return config_error(parsed.error);
    case ParseResult::Action::run:
      break;
  }
  Config config = parsed.config;
  // The page shows the name the user gave ("http://localhost:8377"); the
  // server binds the address it resolves to.
  const std::string public_url = public_url_of(config);
  std::string resolve_error;
  auto address = resolve_listen_address(config.listen_address, resolve_error);
  if (!address) return config_error("--listen: " + resolve_error);
  config.listen_address = address->to_string();

  std::vector<RuleSource> rules;
  if (config.rules_file) {
    auto source = read_rule_file(*config.rules_file);
    if (!source) return config_error("--rules " + source.error().to_string());
    rules.push_back(std::move(*source));
  }

  Options options;
  options.base = config.base;
  auto resolver = Resolver::create(options, rules);
  if (!resolver) return config_error(resolver.error().to_string());

  std::shared_ptr<AccessLogFile> access_log;
  if (config.access_log) {
    std::string error;
    access_log = AccessLogFile::open(*config.access_log, error);
    if (!access_log) return config_error("--access-log: " + error);
  }

  Service service(*resolver, public_url);
  return run_server(config, service, std::move(access_log));
}
