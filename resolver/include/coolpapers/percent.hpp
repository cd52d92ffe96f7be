// Percent-decoding, shared by the resolver (which decodes every input) and
// the redirect service (which decodes a request target and its ?q=).
#pragma once

#include <string>
#include <string_view>

namespace coolpapers {

// Writes `text` to `out` (its capacity is reused) with every "%XX" (two hex
// digits) replaced by its byte; any other '%' is kept as it is. With
// `plus_is_space`, '+' becomes ' ', as in form and search-engine queries.
// One round only: "%252F" becomes "%2F". Returns true iff anything was
// decoded.
bool percent_decode(std::string_view text, bool plus_is_space, std::string& out);

}  // namespace coolpapers
