// The search fallback: the words of a selection as a Cool Papers query.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace coolpapers::detail {

// Appends to `query` the words of `text` joined by single spaces, already
// percent-encoded for a query string ("Schr%C3%B6dinger%20bridge").
// A word is a maximal run of Unicode letters and digits (combining marks
// stay inside a word, so a decomposed "o" + U+0308 does not split it), at
// least two code points long. At most `max_words` words are taken; the scan
// stops there, so the cost is bounded by the words used, not the text.
// Invalid UTF-8 bytes separate words. Returns the number of words.
std::size_t append_search_query(std::string_view text, std::size_t max_words, std::string& query);

}  // namespace coolpapers::detail
