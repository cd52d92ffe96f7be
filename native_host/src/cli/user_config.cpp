// Loading the resolver with the user's rule files.
#include <sys/stat.h>

#include <cstdlib>

#include "cli.hpp"
#include "console.hpp"
#include "platform.hpp"
#include "coolpapers/rule_file.hpp"

namespace coolpapers::app {

std::string user_rules_path() { return platform::join_path(platform::user_config_dir(), "rules.json"); }

std::optional<Resolver> load_resolver(const CommonOptions& common) {
  std::vector<RuleSource> sources;
  std::string user_file = user_rules_path();
  struct stat info {};
  std::vector<std::string> files;
  if (::stat(user_file.c_str(), &info) == 0) files.push_back(user_file);
  files.insert(files.end(), common.rule_files.begin(), common.rule_files.end());

  for (const auto& path : files) {
    auto source = read_rule_file(path);
    if (!source) {
      stderr_stream() << "coolpapers: " << source.error().to_string() << "\n";
      return std::nullopt;
    }
    sources.push_back(std::move(*source));
  }
  Options options;
  options.base = common.base;
  auto resolver = Resolver::create(options, sources);
  if (!resolver) {
    stderr_stream() << "coolpapers: " << resolver.error().to_string() << "\n";
    return std::nullopt;
  }
  return std::move(*resolver);
}

}  // namespace coolpapers::app
