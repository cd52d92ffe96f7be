// A realistic generated corpus for the resolver benchmark.
#pragma once

#include <string>
#include <vector>

#include "coolpapers/resolver.hpp"

namespace coolpapers::bench {

struct Input {
  std::string text;
  Field field;
};

// `count` inputs, deterministic: paper URLs of every family in their real
// forms, non-paper URLs, citation snippets and short selections.
std::vector<Input> realistic_corpus(std::size_t count);
// The same, URLs only (what the extension's page and link fields carry).
std::vector<Input> url_corpus(std::size_t count);

}  // namespace coolpapers::bench
