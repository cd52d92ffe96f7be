#include "coolpapers/utf8.hpp"

namespace coolpapers {

std::string_view utf8_prefix(std::string_view text, std::size_t max_bytes) {
  if (text.size() <= max_bytes) return text;
  auto is_continuation = [&](std::size_t i) { return (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80; };
  // text[end] is the first byte left out: while it continues a sequence,
  // that sequence started inside the prefix and must go too.
  std::size_t end = max_bytes;
  for (int given_back = 0; given_back < 3 && end > 0 && is_continuation(end); ++given_back) --end;
  return is_continuation(end) ? text.substr(0, max_bytes) : text.substr(0, end);
}

}  // namespace coolpapers
