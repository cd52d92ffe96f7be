#include "coolpapers/rule_file.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>

namespace coolpapers {
namespace {

ConfigError file_error(const std::string& path, std::string message) {
  ConfigError error;
  error.source = path;
  error.message = std::move(message);
  return error;
}

std::string mebibytes(std::size_t bytes) {
  return bytes % (1024 * 1024) == 0 ? std::to_string(bytes / (1024 * 1024)) + " MiB"
                                    : std::to_string(bytes) + " bytes";
}

}  // namespace

Expected<RuleSource> read_rule_file(const std::string& path, std::size_t max_bytes) {
  errno = 0;
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> file(std::fopen(path.c_str(), "rb"), &std::fclose);
  if (!file) {
    return file_error(path, std::string("cannot read the rule file: ") + std::strerror(errno) +
                                "; check the path");
  }
  RuleSource source{path, {}};
  char buffer[65536];
  while (source.json.size() <= max_bytes) {
    const std::size_t wanted = std::min(sizeof buffer, max_bytes + 1 - source.json.size());
    errno = 0;
    const std::size_t n = std::fread(buffer, 1, wanted, file.get());
    source.json.append(buffer, n);
    if (n < wanted) break;
  }
  if (std::ferror(file.get())) {
    const int error_number = errno;
    return file_error(path, std::string("cannot read the rule file: ") +
                                (error_number != 0 ? std::strerror(error_number) : "read error") +
                                "; a rule file is a regular JSON file");
  }
  if (source.json.size() > max_bytes) {
    return file_error(path, "the rule file is larger than " + mebibytes(max_bytes) +
                                "; a rule table is a few kilobytes, so check that this is the right file");
  }
  return source;
}

}  // namespace coolpapers
