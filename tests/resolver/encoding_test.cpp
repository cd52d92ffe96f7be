// Percent-encoded input, non-ASCII selections and invalid UTF-8.
#include <random>
#include <string>
#include <vector>

#include "coolpapers/percent.hpp"
#include "test_support.hpp"

using namespace coolpapers;
using coolpapers::test::check_rows;
constexpr auto P = Field::page_url;
constexpr auto S = Field::selection_text;

TEST_CASE("percent-encoded paper URLs inside wrapper URLs resolve after decoding") {
  check_rows({
      {"https://example.com/viewer?url=https%3A%2F%2Farxiv.org%2Fabs%2F2312.00001", P,
       "https://papers.cool/arxiv/2312.00001"},
      {"chrome-extension://mhjfbmdgcfjbbpaeojofohoefgiehjai/index.html?https%3A%2F%2Fopenreview.net%2Fpdf%3Fid%3DabcDEF",
       P, "https://papers.cool/venue/abcDEF@OpenReview"},
      {"https://scholar.google.com/scholar_url?url=https%253A%252F%252Faclanthology.org%252F2023.acl-long.1.pdf", P,
       "https://papers.cool/venue/2023.acl-long.1@ACL"},
      {"https://l.facebook.com/l.php?u=https%3A%2F%2Fproceedings.mlr.press%2Fv202%2Fkim23a.html&h=AT0", P,
       "https://papers.cool/venue/kim23a@v202@PMLR"},
      {"https://openreview.net/forum?id%3DNGB6YNnO5o", P, "https://papers.cool/venue/NGB6YNnO5o@OpenReview"},
      {"arXiv%3A2401.12345", S, "https://papers.cool/arxiv/2401.12345"},
      {"100% sure: 2401.12345", S, "https://papers.cool/arxiv/2401.12345"},
      {"%%%ZZ%2", S, "https://papers.cool/arxiv/search?highlight=1&query=ZZ%202"},
  });
}

TEST_CASE("non-ASCII selections become a UTF-8 percent-encoded search") {
  check_rows({
      {"Schrödinger bridge, diffusion!", S,
       "https://papers.cool/arxiv/search?highlight=1&query=Schr%C3%B6dinger%20bridge%20diffusion"},
      {"扩散模型 综述", S,
       "https://papers.cool/arxiv/search?highlight=1&query=%E6%89%A9%E6%95%A3%E6%A8%A1%E5%9E%8B%20%E7%BB%BC%E8%BF%B0"},
      // A decomposed ö (o + U+0308) stays one word.
      {"Schro\xCC\x88" "dinger", S, "https://papers.cool/arxiv/search?highlight=1&query=Schro%CC%88dinger"},
      {"Schr%C3%B6dinger", S, "https://papers.cool/arxiv/search?highlight=1&query=Schr%C3%B6dinger"},
      {"Ω x β2", S, "https://papers.cool/arxiv/search?highlight=1&query=%CE%A9%20x%20%CE%B22"},
      {"see arXiv:2401.12345 — Schrödinger", S, "https://papers.cool/arxiv/2401.12345"},
  });
}

TEST_CASE("invalid UTF-8 never crashes and never hides an id next to it") {
  check_rows({
      {"\xFF" "2401.12345\xFE", S, "https://papers.cool/arxiv/2401.12345"},
      {"https://arxiv.org/abs/2401.12345%FF", P, "https://papers.cool/arxiv/2401.12345"},
      {"caf\xC3 bridge \xE2\x82 deep", S, "https://papers.cool/arxiv/search?highlight=1&query=caf%20bridge%20deep"},
      {"\xC0\xAF\xED\xA0\x80\xF4\x90\x80\x80", S, ""},
      {std::string_view("\0\0 2401.12345", 13).data(), S, ""},  // C string: stops at NUL
  });
  std::string with_nul("ab\0cd 2401.12345", 16);
  CHECK(test::url_of(with_nul, S) == "https://papers.cool/arxiv/2401.12345");
  std::string every_byte;
  for (int b = 0; b < 256; ++b) every_byte.push_back(static_cast<char>(b));
  // Mostly control characters and invalid UTF-8: binary data, not words.
  Resolution r = test::builtin().resolve(every_byte, S);
  REQUIRE_FALSE(r.ok());
  CHECK(*r.error == ErrorCode::no_match);
}

TEST_CASE("ids emitted are safe in a URL path whatever a rule captured") {
  const char* rules = R"J({"families":[{"name":"loose","page":"venue"}],"rules":[
    {"id":"loose","family":"loose","literals":["loose:"],"pattern":"loose:(\\S+)","output":"{1}"}]})J";
  auto resolver = Resolver::create({}, {{"loose.json", rules}});
  REQUIRE(resolver);
  CHECK(resolver->resolve("loose:a?b#c,d\"e<f>", S).url == "https://papers.cool/venue/a%3Fb%23c%2Cd%22e%3Cf%3E");
  CHECK(resolver->resolve("loose:a/b@c", S).url == "https://papers.cool/venue/a/b@c");
  // Dot segments and empty segments would let a browser leave /venue/.
  for (const char* text : {"loose:..", "loose:.", "loose:../../evil", "loose:a/../../x", "loose:a//b", "loose:/x"}) {
    CAPTURE(text);
    Resolution r = resolver->resolve(text, S);
    REQUIRE(r.ok());
    CHECK(r.kind == AnswerKind::search);
  }
}

namespace {

// percent_decode() as it was written first, byte by byte: the reference for
// the faster one.
bool percent_decode_bytewise(std::string_view text, bool plus_is_space, std::string& out) {
  auto hex = [](char c) {
    return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
  };
  out.clear();
  bool decoded = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    int hi = 0, lo = 0;
    if (c == '%' && i + 2 < text.size() && (hi = hex(text[i + 1])) >= 0 && (lo = hex(text[i + 2])) >= 0) {
      out.push_back(static_cast<char>(hi * 16 + lo));
      i += 2;
      decoded = true;
    } else {
      decoded |= c == '+' && plus_is_space;
      out.push_back(c == '+' && plus_is_space ? ' ' : c);
    }
  }
  return decoded;
}

}  // namespace

TEST_CASE("percent_decode copies runs between escapes and decodes exactly what a byte-by-byte decoder does") {
  const std::vector<std::string> pieces = {"%", "%2", "%2F", "%2f", "%25", "%zz", "%G1", "+", "a", "/", "%%", "%252F",
                                           "%E4%B8%AD", "%00", "%7e", "2312.00001", " ", "%2", "%A"};
  std::mt19937 random(41);
  std::string fast, slow;
  for (int i = 0; i < 5000; ++i) {
    std::string text;
    int count = static_cast<int>(random() % 9);
    for (int k = 0; k < count; ++k) text += pieces[random() % pieces.size()];
    for (bool plus : {false, true}) {
      CAPTURE(text);
      CAPTURE(plus);
      const bool fast_decoded = percent_decode(text, plus, fast);
      const bool slow_decoded = percent_decode_bytewise(text, plus, slow);
      REQUIRE(fast == slow);
      REQUIRE(fast_decoded == slow_decoded);
    }
  }
  CHECK(percent_decode("a%2Fb+c%zz%4", true, fast));
  CHECK(fast == "a/b c%zz%4");
  CHECK_FALSE(percent_decode("plain", false, fast));
  CHECK(fast == "plain");
}
