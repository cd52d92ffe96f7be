// The search fallback sends what the user typed: whole words, one-letter
// ones included, without the punctuation around them.
#include <random>

#include "test_support.hpp"

using namespace coolpapers;
using coolpapers::test::check_rows;

namespace {
constexpr const char* kSearch = "https://papers.cool/arxiv/search?highlight=1&query=";
std::string search_for(const std::string& query) { return kSearch + query; }
}  // namespace

TEST_CASE("words keep their inner hyphens, pluses, dots, apostrophes and one-letter parts") {
  struct Case {
    const char* text;
    const char* query;
  };
  for (const Case& c : std::initializer_list<Case>{
           {"GPT-4 technical report", "GPT-4%20technical%20report"},
           {"U-Net", "U-Net"},
           {"k-means clustering", "k-means%20clustering"},
           {"C++ templates", "C%2B%2B%20templates"},
           {"\xCE\xB1-divergence", "%CE%B1-divergence"},
           {"GPT-3.5 turbo", "GPT-3.5%20turbo"},
           {"a survey of methods", "a%20survey%20of%20methods"},
           {"Bengio's \"deep learning\" (2016).", "Bengio%27s%20deep%20learning%202016"},
           {"C# and F#, compared", "C%23%20and%20F%23%20compared"},
           {"...leading -dots and trailing dashes-- ", "leading%20dots%20and%20trailing%20dashes"},
           {"\tcontrol\x01" "chars\x7F" "drop", "control%20chars%20drop"},
           {"Schr\xC3\xB6" "dinger bridge, diffusion!", "Schr%C3%B6dinger%20bridge%20diffusion"},
       }) {
    CAPTURE(c.text);
    CHECK(test::url_of(c.text, Field::selection_text) == search_for(c.query));
  }
}

TEST_CASE("a search takes at most 32 words and a bounded number of bytes") {
  std::string text;
  for (int i = 0; i < 40; ++i) text += "w" + std::to_string(i) + " ";
  Resolution r = test::builtin().resolve(text, Field::selection_text);
  REQUIRE(r.ok());
  CHECK(r.url.find("w31") != std::string::npos);
  CHECK(r.url.find("w32") == std::string::npos);

  std::string long_words;
  for (int i = 0; i < 20; ++i) long_words += std::string(200, static_cast<char>('a' + i)) + " ";
  r = test::builtin().resolve(long_words, Field::selection_text);
  REQUIRE(r.ok());
  std::string query = r.url.substr(r.url.find("query=") + 6);
  CHECK(query.size() <= Options{}.max_search_bytes);
  CHECK(query.find(std::string(200, 'a')) == 0);

  // One word longer than the whole bound gives no search at all.
  CHECK(test::url_of(std::string(5000, 'x'), Field::selection_text).empty());
}

TEST_CASE("random binary data gives no search") {
  std::mt19937 random(12345);
  for (int round = 0; round < 20; ++round) {
    std::string bytes(512, '\0');
    for (char& b : bytes) b = static_cast<char>(random() & 0xFF);
    CAPTURE(round);
    Resolution r = test::builtin().resolve(bytes, Field::selection_text);
    CHECK((r.ok() ? r.kind != AnswerKind::search : *r.error == ErrorCode::no_match));
  }
  // A stray control character in real words is not binary data.
  CHECK(test::url_of("deep\x02 learning", Field::selection_text) == search_for("deep%20learning"));
}

TEST_CASE("a Unicode word longer than the matcher's 4 KiB window is kept whole") {
  Options options;
  options.max_search_bytes = 64 * 1024;
  auto resolver = Resolver::create(options);
  REQUIRE(resolver);
  // 3,000 two-byte letters (6,000 bytes) and a word after them, in
  // Unicode text (the CJK word sends it through the Unicode splitter).
  std::string long_word;
  std::string encoded;
  for (int i = 0; i < 3000; ++i) {
    long_word += "\xC3\xA9";
    encoded += "%C3%A9";
  }
  Resolution r = resolver->resolve("\xE6\xA8\xA1\xE5\x9E\x8B " + long_word + " end", Field::selection_text);
  REQUIRE(r.ok());
  CHECK(r.url == search_for("%E6%A8%A1%E5%9E%8B%20" + encoded + "%20end"));
}
