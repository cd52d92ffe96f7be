// Which identifiers may be put in an answer's URL path.
#pragma once

#include <cstddef>
#include <string_view>

namespace coolpapers::detail {

// True iff `segment` is a real path segment: not empty, "." or ".." (which
// a browser would drop or collapse).
inline bool is_real_segment(std::string_view segment) {
  if (segment.size() > 2) return true;  // most segments: one compare
  return !segment.empty() && segment != "." && segment != "..";
}

// is_safe_id() for an id holding a '/': every segment is checked.
inline bool is_safe_id_with_slashes(std::string_view id) {
  std::size_t start = 0;
  for (std::size_t end; (end = id.find('/', start)) != std::string_view::npos; start = end + 1)
    if (!is_real_segment(id.substr(start, end - start))) return false;
  return is_real_segment(id.substr(start));
}

// An id is emitted only if every path segment is a real segment: "." or
// ".." (which a browser would collapse, leaving /arxiv/ or /venue/) and
// empty segments are refused.
inline bool is_safe_id(std::string_view id) {
  // Most ids (new arXiv ids, venue ids) hold no '/': the id is its one
  // segment, told from "", "." and ".." by its length alone.
  if (id.find('/') == std::string_view::npos) return is_real_segment(id);
  return is_safe_id_with_slashes(id);
}

}  // namespace coolpapers::detail
