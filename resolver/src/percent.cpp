#include "percent.hpp"

#include <cstring>

namespace coolpapers::detail {
namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// One decoding round from `in` to `out`. Returns true iff a %XX was decoded.
bool decode_once(std::string_view in, std::string& out) {
  out.clear();
  bool decoded = false;
  for (std::size_t i = 0; i < in.size(); ++i) {
    if (in[i] == '%' && i + 2 < in.size()) {
      int hi = hex_value(in[i + 1]);
      int lo = hex_value(in[i + 2]);
      if (hi >= 0 && lo >= 0) {
        out.push_back(static_cast<char>(hi * 16 + lo));
        i += 2;
        decoded = true;
        continue;
      }
    }
    out.push_back(in[i]);
  }
  return decoded;
}

// Characters kept as they are: RFC 3986 unreserved, plus (for path ids)
// '@', ':' and '/'. One table lookup per byte.
struct KeepTable {
  bool query[256] = {};
  bool path[256] = {};
  constexpr KeepTable() {
    for (int c = 0; c < 256; ++c) {
      query[c] = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
                 c == '.' || c == '_' || c == '~';
      path[c] = query[c] || c == '@' || c == ':' || c == '/';
    }
  }
};
constexpr KeepTable kKeep;

void append_encoded(std::string& out, std::string_view text, const bool (&keep)[256]) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  for (char ch : text) {
    auto c = static_cast<unsigned char>(ch);
    if (keep[c]) {
      out.push_back(ch);
    } else {
      out.push_back('%');
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 15]);
    }
  }
}

}  // namespace

bool percent_decode(std::string_view in, std::string& out, int max_rounds) {
  if (std::memchr(in.data(), '%', in.size()) == nullptr) {
    out.assign(in);
    return false;
  }
  bool any = decode_once(in, out);
  std::string next;
  for (int round = 1; any && round < max_rounds; ++round) {
    if (out.find('%') == std::string::npos || !decode_once(out, next)) break;
    out.swap(next);
  }
  return any;
}

void append_percent_encoded(std::string& out, std::string_view text) {
  append_encoded(out, text, kKeep.query);
}

void append_path_id(std::string& out, std::string_view id) {
  append_encoded(out, id, kKeep.path);
}

}  // namespace coolpapers::detail
