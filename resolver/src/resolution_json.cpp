#include "coolpapers/resolution_json.hpp"

#include <cstdint>

namespace coolpapers {
namespace {

// Length of the valid UTF-8 sequence starting at text[i], or 0 if invalid.
std::size_t utf8_sequence_length(std::string_view text, std::size_t i) {
  auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  unsigned char c = byte(i);
  std::size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
  if (n == 0 || i + n > text.size()) return 0;
  for (std::size_t k = 1; k < n; ++k)
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
  if (n == 1) return 1;
  // Reject overlong forms, surrogates and code points past U+10FFFF.
  std::uint32_t cp = c & (0x7F >> n);
  for (std::size_t k = 1; k < n; ++k) cp = (cp << 6) | (byte(i + k) & 0x3F);
  static constexpr std::uint32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
  if (cp < kMin[n] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return n;
}

}  // namespace

void append_json_string(std::string& out, std::string_view text) {
  static constexpr char kHex[] = "0123456789abcdef";
  out.push_back('"');
  for (std::size_t i = 0; i < text.size();) {
    auto c = static_cast<unsigned char>(text[i]);
    if (c >= 0x80) {
      std::size_t n = utf8_sequence_length(text, i);
      if (n == 0) {
        out += "\xEF\xBF\xBD";  // U+FFFD REPLACEMENT CHARACTER
        ++i;
      } else {
        out.append(text.data() + i, n);
        i += n;
      }
      continue;
    }
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (c < 0x20 || c == 0x7F) {
          out += "\\u00";
          out.push_back(kHex[c >> 4]);
          out.push_back(kHex[c & 15]);
        } else {
          out.push_back(static_cast<char>(c));
        }
    }
    ++i;
  }
  out.push_back('"');
}

std::string to_json(const ErrorReply& error) {
  std::string out = "{\"ok\":false,\"error\":{\"code\":";
  append_json_string(out, error_code_name(error.code));
  out += ",\"message\":";
  append_json_string(out, error.message);
  if (error.field) {
    out += ",\"field\":";
    append_json_string(out, *error.field);
  }
  if (error.limit) out += ",\"limit\":" + std::to_string(*error.limit);
  if (error.type) {
    out += ",\"type\":";
    append_json_string(out, *error.type);
  }
  out += "}}";
  return out;
}

std::string to_json(const Resolution& resolution) {
  if (!resolution.ok()) return to_json(ErrorReply{*resolution.error, resolution.message});
  std::string out = "{\"ok\":true,\"url\":";
  append_json_string(out, resolution.url);
  out += ",\"family\":";
  append_json_string(out, resolution.family);
  out += ",\"ids\":[";
  for (std::size_t i = 0; i < resolution.ids.size(); ++i) {
    if (i > 0) out.push_back(',');
    append_json_string(out, resolution.ids[i]);
  }
  out += "],\"field\":";
  append_json_string(out, field_name(resolution.field));
  // Only when set, so every other answer keeps its shape.
  if (resolution.truncated) out += ",\"truncated\":true";
  out.push_back('}');
  return out;
}

}  // namespace coolpapers
