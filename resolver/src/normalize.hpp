// Text normalisation before matching: what a PDF copy or a CJK input
// method does to an identifier, undone once so every rule sees plain ASCII.
#pragma once

#include <string>
#include <string_view>

namespace coolpapers::detail {

// Writes into `out` the normalised form of `text` and returns true, or
// returns false (leaving `out` untouched) iff `text` needs no change, which
// one scan decides: plain ASCII without line breaks is never copied.
//
// - Full-width ASCII U+FF01-U+FF5E becomes ASCII, the ideographic space
//   U+3000 a space ("２１０６．０９６８５", "arXiv：2106.09685").
// - Unicode hyphens and minus signs (U+2010 hyphen, U+2011 non-breaking
//   hyphen, U+2012 figure dash, U+2013 en dash, U+2212 minus, U+FE63 small
//   and U+FF0D full-width hyphen-minus) become '-'.
// - Soft hyphens U+00AD, zero-width space/non-joiner/joiner U+200B-U+200D,
//   word joiner U+2060 and the byte-order mark U+FEFF are dropped.
// - A line break (with spaces around it, optionally after a line-end '-')
//   inside an arXiv identifier is removed, only where the digits on both
//   sides join into a well-formed identifier: new-style YYMM.NNNNN (YYMM
//   1501 on) or YYMM.NNNN (0704-1412), or the seven digits after an
//   old-style archive's '/' ("2106.\n09685", "2106.096-\n85").
// Invalid UTF-8 is copied unchanged. Cost is linear in the text's size.
bool normalize_text(std::string_view text, std::string& out);

// False iff `text` holds no '%' and normalize_text() would return false for
// it: the resolver's preparation (percent-decoding, then normalize_text())
// leaves it as it is. One scan, where asking each would take two; most
// texts (plain ASCII URLs) then skip both.
bool needs_preparing(std::string_view text);

}  // namespace coolpapers::detail
