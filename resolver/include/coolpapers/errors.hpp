// Error codes shared by every front end: the native host's replies, the
// command line's --json output and exit codes, the redirect service's API.
//
// The codes are a public protocol (see native_host/PROTOCOL.md): they are
// only ever appended, never renamed or renumbered.
#pragma once

#include <optional>
#include <string_view>

namespace coolpapers {

enum class ErrorCode {
  no_match,      // nothing in the request leads to a Cool Papers page
  bad_json,      // a message was not valid JSON
  bad_request,   // valid JSON, but not a request: wrong or missing fields
  unknown_type,  // a request "type" this version does not know
  too_large,     // a message or input over a documented size limit
  internal,      // a bug or resource exhaustion; never means "not a paper"
  bad_config,    // invalid --base, rule file or other configuration
  usage,         // invalid command-line usage
  io,            // reading input or writing output failed
};

// The wire name: "no_match", "bad_json", ...
std::string_view error_code_name(ErrorCode code);
std::optional<ErrorCode> error_code_from_name(std::string_view name);

// The command line's exit code for an error: 1 for no_match (the input was
// read fine, it just holds no paper), 2 for usage and configuration errors,
// 3 for I/O errors, 4 for everything else. 0 is success.
int exit_code(ErrorCode code);

}  // namespace coolpapers
