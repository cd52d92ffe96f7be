// Loading the resolver with the user's rule files.
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>
#include <sys/stat.h>

#include "cli.hpp"
#include "platform.hpp"

namespace coolpapers::app {
namespace {

// Rule files are small; anything bigger is a mistake, not a rule table.
constexpr std::size_t kMaxRuleFileBytes = 4 * 1024 * 1024;

std::optional<std::string> read_file(const std::string& path, std::string& error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    error = std::strerror(errno);
    return std::nullopt;
  }
  std::ostringstream contents;
  contents << in.rdbuf();
  if (in.bad()) {
    error = "read error";
    return std::nullopt;
  }
  std::string text = std::move(contents).str();
  if (text.size() > kMaxRuleFileBytes) {
    error = "file is larger than 4 MiB";
    return std::nullopt;
  }
  return text;
}

}  // namespace

std::string user_rules_path() { return platform::join_path(platform::user_config_dir(), "rules.json"); }

std::optional<Resolver> load_resolver(const CommonOptions& common) {
  std::vector<RuleSource> sources;
  std::string user_file = user_rules_path();
  struct stat info {};
  std::vector<std::string> files;
  if (::stat(user_file.c_str(), &info) == 0) files.push_back(user_file);
  files.insert(files.end(), common.rule_files.begin(), common.rule_files.end());

  for (const auto& path : files) {
    std::string error;
    auto text = read_file(path, error);
    if (!text) {
      std::cerr << "coolpapers: cannot read rule file " << path << ": " << error << "\n";
      return std::nullopt;
    }
    sources.push_back({path, std::move(*text)});
  }
  Options options;
  options.base = common.base;
  auto resolver = Resolver::create(options, sources);
  if (!resolver) {
    std::cerr << "coolpapers: " << resolver.error().to_string() << "\n";
    return std::nullopt;
  }
  return std::move(*resolver);
}

}  // namespace coolpapers::app
