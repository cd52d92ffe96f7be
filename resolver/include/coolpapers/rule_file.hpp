// Reading a user rule file for Resolver::create(), with a size bound: the
// one loader of the command line, the native host and the redirect service
// (`--rules`, ~/.config/coolpapers/rules.json). The resolver itself does no
// I/O; this is the only function of the library that touches files.
#pragma once

#include <cstddef>
#include <string>

#include "coolpapers/resolver.hpp"

namespace coolpapers {

// Rule files are a few kilobytes; anything this big is the wrong file, not a
// rule table, and is refused before it fills memory.
inline constexpr std::size_t kMaxRuleFileBytes = 4 * 1024 * 1024;

// The file at `path` as a RuleSource named `path`. A file that cannot be
// opened, fails to read (a directory, an I/O error) or is larger than
// `max_bytes` is a ConfigError whose source is `path` and whose message says
// why and what to check. Reads at most max_bytes + 1 bytes.
Expected<RuleSource> read_rule_file(const std::string& path, std::size_t max_bytes = kMaxRuleFileBytes);

}  // namespace coolpapers
