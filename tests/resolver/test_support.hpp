// Shared helpers for the resolver tests.
#pragma once

#include <doctest/doctest.h>

#include <string>

#include "coolpapers/resolver.hpp"

namespace coolpapers::test {

inline const Resolver& builtin() {
  static const Resolver resolver = [] {
    auto created = Resolver::create({});
    REQUIRE_MESSAGE(created, (created ? "" : created.error().to_string()));
    return *created;
  }();
  return resolver;
}

// The URL for `text` in `field`, or "" when there is no answer.
inline std::string url_of(std::string_view text, Field field) {
  Resolution r = builtin().resolve(text, field);
  return r.ok() ? r.url : "";
}

struct Row {
  const char* input;
  Field field;
  const char* expected;  // "" = no answer
};

inline void check_rows(std::initializer_list<Row> rows) {
  for (const Row& row : rows) {
    CAPTURE(row.input);
    CAPTURE(field_name(row.field));
    CHECK(url_of(row.input, row.field) == row.expected);
  }
}

}  // namespace coolpapers::test
