// The pieces of a paper answer's URL: which ids are safe in a path
// (safe_id.hpp) and how an id is written into it (append_path_id), each
// against a simple reference (the walk and the byte-wise encoder they
// replaced), plus a few answers that go through them.
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "percent.hpp"
#include "safe_id.hpp"
#include "test_support.hpp"

using namespace coolpapers;

namespace {

// The segment walk is_safe_id() replaced: every '/'-separated segment is
// neither empty, "." nor "..".
bool reference_is_safe_id(std::string_view id) {
  if (id.empty()) return false;
  std::size_t start = 0;
  while (start <= id.size()) {
    std::size_t end = std::min(id.find('/', start), id.size());
    std::string_view segment = id.substr(start, end - start);
    if (segment.empty() || segment == "." || segment == "..") return false;
    start = end + 1;
  }
  return true;
}

// Byte by byte: RFC 3986 unreserved, '@', ':' and '/' kept, the rest %XX.
std::string reference_path_id(std::string_view id) {
  std::string out;
  for (char ch : id) {
    auto c = static_cast<unsigned char>(ch);
    bool keep = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
                c == '.' || c == '_' || c == '~' || c == '@' || c == ':' || c == '/';
    if (keep) {
      out.push_back(ch);
    } else {
      constexpr char kHex[] = "0123456789ABCDEF";
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

std::string path_id(std::string_view id, std::string_view before = "B/") {
  std::string out(before);
  detail::append_path_id(out, id);
  return out;
}

}  // namespace

TEST_CASE("is_safe_id agrees with the segment walk on ids made of '/', '.', '..' and letters") {
  // Every id of up to 7 pieces drawn from these: empty and dot segments
  // anywhere, at either end, doubled slashes, dots inside segments.
  const std::vector<std::string_view> pieces = {"/", ".", "..", "a", "ab", "2312.00001", "...", "x."};
  std::vector<std::string> ids = {""};
  std::size_t checked = 0;
  for (int length = 0; length < 5; ++length) {
    std::vector<std::string> longer;
    for (const auto& id : ids) {
      INFO("id: \"" << id << "\"");
      CHECK(detail::is_safe_id(id) == reference_is_safe_id(id));
      ++checked;
      for (auto piece : pieces) longer.push_back(id + std::string(piece));
    }
    ids = std::move(longer);
  }
  CHECK(checked > 4000);
  // Random mixes of '/', '.' and one letter, up to 12 bytes.
  std::mt19937 random(13);
  for (int i = 0; i < 20000; ++i) {
    std::string id;
    for (int n = static_cast<int>(random() % 13); n > 0; --n) id += "/.a"[random() % 3];
    INFO("id: \"" << id << "\"");
    CHECK(detail::is_safe_id(id) == reference_is_safe_id(id));
  }
  CHECK(detail::is_safe_id("hep-th/9901001"));
  CHECK(detail::is_safe_id("abc"));
  CHECK_FALSE(detail::is_safe_id(".."));
  CHECK_FALSE(detail::is_safe_id("a/../b"));
  CHECK_FALSE(detail::is_safe_id("a/"));
}

TEST_CASE("append_path_id agrees with a byte-wise encoder for every byte at every place") {
  // Ids of 1 to 40 bytes (the fast check's steps of eight, its overlapping
  // last step and its byte loop below eight) with one byte of every value
  // at each place, the others kept.
  const std::string kept = "2312.00001v2@ab:c/d-e_f~gHIJKLMNOPQRSTUVWXYZ0123";
  for (std::size_t length = 1; length <= 40; ++length) {
    for (std::size_t at = 0; at < length; ++at) {
      for (int c = 0; c < 256; ++c) {
        std::string id = kept.substr(0, length);
        id[at] = static_cast<char>(c);
        INFO("length " << length << ", byte " << c << " at " << at);
        REQUIRE(path_id(id) == "B/" + reference_path_id(id));
        REQUIRE(detail::is_plain_path_id(id) == (reference_path_id(id) == id));
      }
    }
  }
  CHECK(path_id("") == "B/");
  CHECK(path_id("", "") == "");
}

TEST_CASE("append_path_id agrees with a byte-wise encoder on random bytes") {
  std::mt19937 random(7);
  for (int i = 0; i < 20000; ++i) {
    std::string id;
    // Mostly kept bytes, so that runs of both kinds are long and short.
    for (int n = static_cast<int>(random() % 40); n > 0; --n)
      id += random() % 4 == 0 ? static_cast<char>(random() % 256) : "az09.-/@"[random() % 8];
    REQUIRE(path_id(id) == "B/" + reference_path_id(id));
  }
}

TEST_CASE("answers are built on the base, with ids joined by commas") {
  CHECK(test::url_of("https://arxiv.org/abs/2312.00001v2", Field::page_url) ==
        "https://papers.cool/arxiv/2312.00001");
  CHECK(test::url_of("see 2312.00001 and 2401.12345 and 2312.00001", Field::selection_text) ==
        "https://papers.cool/arxiv/2312.00001,2401.12345");
  CHECK(test::url_of("https://openreview.net/forum?id=abcDEF", Field::page_url) ==
        "https://papers.cool/venue/abcDEF@OpenReview");
  const Resolver& resolver = test::builtin();
  auto other = resolver.with_base("https://example.org/cp/");
  REQUIRE(other);
  auto r = other->resolve("https://arxiv.org/abs/2312.00001", Field::page_url);
  CHECK(r.url == "https://example.org/cp/arxiv/2312.00001");
  CHECK(r.family == "arxiv");
  r = other->resolve("https://openreview.net/forum?id=abcDEF", Field::page_url);
  CHECK(r.url == "https://example.org/cp/venue/abcDEF@OpenReview");
  // The original keeps its base.
  CHECK(resolver.resolve("https://arxiv.org/abs/2312.00001", Field::page_url).url ==
        "https://papers.cool/arxiv/2312.00001");
}
