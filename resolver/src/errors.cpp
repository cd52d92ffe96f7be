#include "coolpapers/errors.hpp"

#include <array>
#include <utility>

namespace coolpapers {
namespace {

constexpr std::array<std::pair<ErrorCode, std::string_view>, 9> kNames{{
    {ErrorCode::no_match, "no_match"},
    {ErrorCode::bad_json, "bad_json"},
    {ErrorCode::bad_request, "bad_request"},
    {ErrorCode::unknown_type, "unknown_type"},
    {ErrorCode::too_large, "too_large"},
    {ErrorCode::internal, "internal"},
    {ErrorCode::bad_config, "bad_config"},
    {ErrorCode::usage, "usage"},
    {ErrorCode::io, "io"},
}};

}  // namespace

std::string_view error_code_name(ErrorCode code) {
  for (const auto& [c, name] : kNames)
    if (c == code) return name;
  return "internal";
}

std::optional<ErrorCode> error_code_from_name(std::string_view name) {
  for (const auto& [c, n] : kNames)
    if (n == name) return c;
  return std::nullopt;
}

int exit_code(ErrorCode code) {
  switch (code) {
    case ErrorCode::no_match:
      return 1;
    case ErrorCode::usage:
    case ErrorCode::bad_config:
      return 2;
    case ErrorCode::io:
      return 3;
    default:
      return 4;
  }
}

}  // namespace coolpapers
