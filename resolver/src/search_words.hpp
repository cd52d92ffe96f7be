// The search fallback: the words of a selection as a Cool Papers query.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace coolpapers::detail {

// Appends to `query` the words of `text` joined by single spaces, already
// percent-encoded for a query string ("GPT-4%20technical%20report").
//
// A word is what the user typed between separators: it starts with a
// Unicode letter, digit or mark and goes on through letters, digits, marks
// and the joiners - + . ' _ # (so "GPT-4", "U-Net", "k-means", "3.5",
// "alpha-divergence" in Greek, "C++" and "C#" stay whole, one-letter words
// included). Trailing - . ' _ are trimmed ("report." -> "report"); every
// other character (spaces, other punctuation, control and invisible
// characters, invalid UTF-8) separates words.
//
// At most `max_words` words and `max_bytes` bytes of query are taken (a
// word that does not fit ends the query); the scan stops there, so the
// cost is bounded by the words used, not the text. A text whose start is
// mostly invalid UTF-8 or control characters (binary data) gives no words.
// Returns the number of words appended.
std::size_t append_search_query(std::string_view text, std::size_t max_words, std::size_t max_bytes,
                                std::string& query);

}  // namespace coolpapers::detail
