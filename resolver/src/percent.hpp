// Percent-encoding in both directions.
#pragma once

#include <string>
#include <string_view>

namespace coolpapers::detail {

// coolpapers::percent_decode() (no '+' rule), again while the result still
// changes, at most `max_rounds` times in all, so a wrapper URL that encoded
// a URL twice (%252F) is read as well. Writes into `out` (its capacity is
// reused).
void percent_decode_repeatedly(std::string_view in, std::string& out, int max_rounds = 3);

// Appends `text` to `out`, keeping RFC 3986 unreserved characters
// (A-Z a-z 0-9 - . _ ~) and encoding every other byte as %XX (upper case).
void append_percent_encoded(std::string& out, std::string_view text);

// True iff append_path_id() appends `id` as it is: no byte needs an escape.
bool is_plain_path_id(std::string_view id);

// append_path_id() for an id that is not plain.
void append_escaped_path_id(std::string& out, std::string_view id);

// Appends an identifier to a URL path: like append_percent_encoded() but
// also keeps '@', ':' and '/' (old arXiv ids), which are safe in a path.
// (Inline: most ids are plain, appended by the caller in one copy.)
inline void append_path_id(std::string& out, std::string_view id) {
  if (is_plain_path_id(id))
    out.append(id);
  else
    append_escaped_path_id(out, id);
}

}  // namespace coolpapers::detail
