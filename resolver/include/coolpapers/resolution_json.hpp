// The one JSON form of a Resolution, shared by the native host's "resolve"
// reply, `coolpapers resolve --json` and the redirect service's API:
//
//   {"ok":true,"url":"...","family":"arxiv","ids":["2312.00001"],"field":"pageUrl"}
//   {"ok":false,"error":{"code":"no_match","message":"..."}}
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "coolpapers/resolver.hpp"

namespace coolpapers {

// Serialises a resolution as one line of JSON (no trailing newline).
// Strings are escaped so the output is valid UTF-8 JSON whatever the input
// bytes were (invalid UTF-8 sequences become U+FFFD).
std::string to_json(const Resolution& resolution);

// An error reply of any shell, as a value; to_json() is its one wire form:
//   {"ok":false,"error":{"code":CODE,"message":MESSAGE[,"field":F][,"limit":N][,"type":T]}}
// with the optional members in that order, present iff set
// (native_host/PROTOCOL.md lists which code carries which). Written as
// ErrorReply{code, message} or ErrorReply{code, message, "field", limit}.
struct ErrorReply {
  ErrorCode code = ErrorCode::internal;
  std::string message;
  std::optional<std::string> field = std::nullopt;  // the request member (or parameter) at fault
  std::optional<std::size_t> limit = std::nullopt;  // the bound that was exceeded, in bytes or items
  std::optional<std::string> type = std::nullopt;   // an unknown request type, echoed
};

std::string to_json(const ErrorReply& error);

// Appends `text` to `out` as a JSON string literal (quotes included),
// replacing invalid UTF-8 with U+FFFD.
void append_json_string(std::string& out, std::string_view text);

}  // namespace coolpapers
