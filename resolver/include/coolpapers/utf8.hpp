// Cutting client text to a size bound without breaking its characters:
// what every shell does before echoing input in an error reply or a page.
#pragma once

#include <cstddef>
#include <string_view>

namespace coolpapers {

// The longest prefix of `text` of at most `max_bytes` bytes that does not
// end inside a UTF-8 sequence: a cut never makes valid UTF-8 invalid. Only
// the at most 3 continuation bytes a valid sequence can have are given
// back, so on invalid input the cut is still near `max_bytes`.
std::string_view utf8_prefix(std::string_view text, std::size_t max_bytes);

}  // namespace coolpapers
