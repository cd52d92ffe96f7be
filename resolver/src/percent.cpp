#include "percent.hpp"

#include <cstring>

#include "coolpapers/percent.hpp"

namespace coolpapers::detail {
namespace {

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

// "%XX" of every byte: an escape is one 3-byte copy, not three stores
// with two lookups (a non-ASCII search word is all escapes).
struct EscapeTable {
  char escape[256][3] = {};
  constexpr EscapeTable() {
    constexpr char kHex[] = "0123456789ABCDEF";
    for (int c = 0; c < 256; ++c) {
      escape[c][0] = '%';
      escape[c][1] = kHex[c >> 4];
      escape[c][2] = kHex[c & 15];
    }
  }
};
constexpr EscapeTable kEscapes;

void append_encoded(std::string& out, std::string_view text, const bool (&keep)[256]) {
  // unsigned, not bool: the four-byte step below combines four with &.
  auto kept = [&](std::size_t i) -> unsigned { return keep[static_cast<unsigned char>(text[i])]; };
  // Runs of kept characters (most ids and words are one run) are appended
  // at once, and so are runs of escapes (a non-ASCII word is one run).
  // A run is measured four bytes per step (the four lookups are
  // independent, one branch), then byte by byte at its end.
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t run = i;
    while (run + 4 <= text.size() && (kept(run) & kept(run + 1) & kept(run + 2) & kept(run + 3))) run += 4;
    while (run < text.size() && kept(run)) ++run;
    out.append(text.data() + i, run - i);
    if (run == text.size()) break;
    std::size_t escapes_end = run;
    while (escapes_end < text.size() && !kept(escapes_end)) ++escapes_end;
    std::size_t at = out.size();
    out.resize(at + 3 * (escapes_end - run));
    for (char* to = out.data() + at; run < escapes_end; ++run, to += 3)
      std::memcpy(to, kEscapes.escape[static_cast<unsigned char>(text[run])], 3);
    i = run;
  }
}

// True iff `keep` keeps every byte of `text`. Eight lookups per step with
// one branch; the last eight bytes are one more step, overlapping the one
// before (an id of 10 to 25 bytes is two to four steps, no byte loop).
bool all_kept(std::string_view text, const bool (&keep)[256]) {
  auto kept = [&](std::size_t i) -> unsigned { return keep[static_cast<unsigned char>(text[i])]; };
  auto eight_kept = [&](std::size_t i) {
    return (kept(i) & kept(i + 1) & kept(i + 2) & kept(i + 3) & kept(i + 4) & kept(i + 5) & kept(i + 6) &
            kept(i + 7)) != 0;
  };
  const std::size_t n = text.size();
  if (n < 8) {
    unsigned all = 1;
    for (std::size_t i = 0; i < n; ++i) all &= kept(i);
    return all != 0;
  }
  for (std::size_t i = 0; i + 8 < n; i += 8)
    if (!eight_kept(i)) return false;
  return eight_kept(n - 8);
}

}  // namespace

void percent_decode_repeatedly(std::string_view in, std::string& out, int max_rounds) {
  if (!coolpapers::percent_decode(in, false, out)) return;
  // Another round only while a '%' is left (most texts have none after the
  // first), into a buffer that keeps its capacity from text to text.
  thread_local std::string next;
  for (int round = 1; round < max_rounds && out.find('%') != std::string::npos &&
                      coolpapers::percent_decode(out, false, next);
       ++round)
    out.swap(next);
}

void append_percent_encoded(std::string& out, std::string_view text) {
  append_encoded(out, text, kKeep.query);
}

bool is_plain_path_id(std::string_view id) { return all_kept(id, kKeep.path); }

void append_escaped_path_id(std::string& out, std::string_view id) { append_encoded(out, id, kKeep.path); }

}  // namespace coolpapers::detail

namespace coolpapers {
namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

bool percent_decode(std::string_view text, bool plus_is_space, std::string& out) {
  out.clear();
  bool decoded = false;
  std::size_t i = 0;
  while (i < text.size()) {
    // What lies before the next byte that may change is copied in one go
    // (a text without any: one memchr and one copy).
    std::size_t next = plus_is_space ? text.find_first_of("%+", i) : text.find('%', i);
    if (next == std::string_view::npos) next = text.size();
    out.append(text.data() + i, next - i);
    if (next == text.size()) break;
    int hi = 0, lo = 0;
    if (text[next] == '+') {
      out.push_back(' ');
      decoded = true;
      i = next + 1;
    } else if (next + 2 < text.size() && (hi = hex_value(text[next + 1])) >= 0 &&
               (lo = hex_value(text[next + 2])) >= 0) {
      out.push_back(static_cast<char>(hi * 16 + lo));
      decoded = true;
      i = next + 3;
    } else {
      out.push_back('%');  // not followed by two hex digits: kept
      i = next + 1;
    }
  }
  return decoded;
}

}  // namespace coolpapers
