// The one JSON form of a Resolution, shared by the native host's "resolve"
// reply, `coolpapers resolve --json` and the redirect service's API:
//
//   {"ok":true,"url":"...","family":"arxiv","ids":["2312.00001"],"field":"pageUrl"}
//   {"ok":false,"error":{"code":"no_match","message":"..."}}
#pragma once

#include <string>
#include <string_view>

#include "coolpapers/resolver.hpp"

namespace coolpapers {

// Serialises a resolution as one line of JSON (no trailing newline).
// Strings are escaped so the output is valid UTF-8 JSON whatever the input
// bytes were (invalid UTF-8 sequences become U+FFFD).
std::string to_json(const Resolution& resolution);

// {"ok":false,"error":{"code":CODE,"message":MESSAGE}}, with extra members
// (already-serialised JSON, e.g. "\"type\":\"frobnicate\"") inside "error".
std::string error_json(ErrorCode code, std::string_view message,
                       std::string_view extra_error_members = {});

// Appends `text` to `out` as a JSON string literal (quotes included),
// replacing invalid UTF-8 with U+FFFD.
void append_json_string(std::string& out, std::string_view text);

}  // namespace coolpapers
