// The search fallback sends what the user typed: whole words, one-letter
// ones included, without the punctuation around them.
#include <re2/re2.h>

#include <random>
#include <string>
#include <vector>

#include "search_words.hpp"
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

// The word splitter classifies ASCII by hand and asks RE2 about non-ASCII
// characters once per run. It must split every text exactly as the
// splitter before it did: one anchored RE2 match of the word pattern per
// word (kept here as the reference, with a byte-at-a-time percent-encoder).
namespace reference {

bool is_ascii_alnum(unsigned char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool is_inner_joiner(unsigned char c) { return c == '-' || c == '+' || c == '.' || c == '\'' || c == '_' || c == '#'; }
bool may_end_word(unsigned char c) { return c == '+' || c == '#'; }

std::size_t utf8_length(std::string_view text, std::size_t i) {
  auto c = static_cast<unsigned char>(text[i]);
  std::size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 && c >= 0xC2 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E && c <= 0xF4 ? 4 : 0;
  if (n == 0 || i + n > text.size()) return 0;
  for (std::size_t k = 1; k < n; ++k)
    if ((static_cast<unsigned char>(text[i + k]) & 0xC0) != 0x80) return 0;
  return n;
}

bool looks_binary(std::string_view text) {
  std::string_view window = text.substr(0, 4096);
  std::size_t junk = 0;
  for (std::size_t i = 0; i < window.size();) {
    std::size_t n = utf8_length(window, i);
    auto c = static_cast<unsigned char>(window[i]);
    if (n == 0 || (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) {
      ++junk;
      ++i;
    } else {
      i += n;
    }
  }
  return junk * 100 > window.size() * 25;
}

void percent_encode(std::string& out, std::string_view text) {
  for (char ch : text) {
    auto c = static_cast<unsigned char>(ch);
    if (is_ascii_alnum(c) || c == '-' || c == '.' || c == '_' || c == '~') {
      out.push_back(ch);
    } else {
      out.push_back('%');
      out.push_back("0123456789ABCDEF"[c >> 4]);
      out.push_back("0123456789ABCDEF"[c & 15]);
    }
  }
}

std::size_t append_search_query(std::string_view text, std::size_t max_words, std::size_t max_bytes,
                                std::string& query) {
  if (max_words == 0 || looks_binary(text)) return 0;
  static const RE2 word_pattern("([\\p{L}\\p{N}\\p{M}][\\p{L}\\p{N}\\p{M}+.'_#-]*)");
  const std::size_t start = query.size();
  std::size_t count = 0;
  for (std::size_t i = 0; i < text.size();) {
    auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80 && !is_ascii_alnum(c)) {
      ++i;
      continue;
    }
    re2::StringPiece rest(text.data() + i, text.size() - i), match[2];
    if (!word_pattern.Match(rest, 0, rest.size(), RE2::ANCHOR_START, match, 2)) {
      std::size_t n = utf8_length(text, i);
      i += n > 0 ? n : 1;
      continue;
    }
    i += match[0].size();
    std::string_view word(match[0].data(), match[0].size());
    while (!word.empty() && is_inner_joiner(static_cast<unsigned char>(word.back())) &&
           !may_end_word(static_cast<unsigned char>(word.back())))
      word.remove_suffix(1);
    if (word.empty()) continue;
    std::size_t before = query.size();
    if (count > 0) query += "%20";
    percent_encode(query, word);
    if (query.size() - start > max_bytes) {
      query.resize(before);
      break;
    }
    if (++count == max_words) break;
  }
  return count;
}

}  // namespace reference

namespace {

// Pieces random texts are made of: every kind of character the splitter
// tells apart, and the invalid UTF-8 it must step over.
const std::vector<std::string> kPieces = {
    // ASCII letters, digits, joiners, separators, control characters
    "a", "Z", "7", "GPT", "-", "+", ".", "'", "_", "#", "~", " ", "  ", ",", ";", ":", "/", "(", ")", "\"", "!",
    "%", "&", "\t", "\n", "\r", "\x01", "\x1F", "\x7F", std::string(1, '\0'),
    // Accented Latin (precomposed, and e + combining acute), Greek, Cyrillic
    "\xC3\xA9", "na\xC3\xAFve", "e\xCC\x81", "\xCC\x81", "\xCE\xB1", "\xD0\x9F\xD1\x80\xD0\xB8", "\xC3\x9F",
    // CJK ideographs, kana, full-width letters and punctuation
    "\xE6\xA8\xA1", "\xE5\x9E\x8B", "\xE3\x81\x82", "\xEF\xBC\xA1", "\xEF\xBC\x8C", "\xE3\x80\x82", "\xE3\x80\x80",
    // Joiners and invisible characters (not letters: separators)
    "\xE2\x80\x8D", "\xE2\x80\x8B", "\xC2\xAD", "\xEF\xBB\xBF", "\xC2\xA0",
    // Punctuation and symbols outside ASCII
    "\xE2\x80\x9C", "\xE2\x80\x9D", "\xE2\x80\x94", "\xC2\xB7", "\xE2\x82\xAC",
    // Digits outside ASCII: superscript two (No), Arabic-Indic and Devanagari digits, Roman numeral (Nl)
    "\xC2\xB2", "\xD9\xA3", "\xE0\xA5\xAA", "\xE2\x85\xA0",
    // Four-byte characters: a mathematical letter (L), an emoji (So)
    "\xF0\x9D\x90\x80", "\xF0\x9F\x98\x80",
    // Invalid UTF-8: stray continuation, overlong forms, a surrogate, past
    // U+10FFFF, truncated sequences, bytes that never occur
    "\x80", "\xBF", "\xC0\xAF", "\xC1\x81", "\xE0\x80\x80", "\xED\xA0\x80", "\xF4\x90\x80\x80", "\xF0\x80\x80\x80",
    "\xE6\xA8", "\xF0\x9D\x90", "\xC3", "\xF5", "\xFF",
    // Overlong forms of letters (U+00E9, U+6A21: the shortest forms are above)
    "\xE0\x83\xA9", "\xF0\x80\x83\xA9", "\xF0\x86\xA8\xA1"};

std::string random_text(std::mt19937& random, std::size_t pieces) {
  std::string text;
  for (std::size_t k = 0; k < pieces; ++k) text += kPieces[random() % kPieces.size()];
  return text;
}

void check_like_reference(std::string_view text, std::size_t max_words, std::size_t max_bytes) {
  std::string expected = "prefix=", actual = "prefix=";
  std::size_t expected_words = reference::append_search_query(text, max_words, max_bytes, expected);
  std::size_t actual_words = detail::append_search_query(text, max_words, max_bytes, actual);
  CAPTURE(text);
  CAPTURE(max_words);
  CAPTURE(max_bytes);
  CHECK(actual == expected);
  CHECK(actual_words == expected_words);
}

}  // namespace

TEST_CASE("the word splitter splits random texts as the word pattern does") {
  std::mt19937 random(2026);
  for (int round = 0; round < 20000; ++round) {
    std::string text = random_text(random, 1 + random() % 40);
    check_like_reference(text, 32, 1024);
    check_like_reference(text, 1 + random() % 4, random() % 40);
  }
}

TEST_CASE("the word splitter agrees with the word pattern on edge cases") {
  const std::string cjk = "\xE6\xA8\xA1";
  std::mt19937 random(7);
  std::vector<std::string> texts = {
      "", " ", "a", "\xCC\x81", "\xCC\x81" "a", "a\xCC\x81", "--a--", "C++", "C#.", "x.'_-", "'quoted'",
      // Words longer than any window RE2 might be given, across 4 KiB
      std::string(5000, 'a'), cjk + std::string(5000, 'b') + cjk, std::string(1500, 'x') + cjk + std::string(2600, 'y'),
      [&] { std::string s; for (int i = 0; i < 2000; ++i) s += cjk; return s; }(),
      [&] { std::string s; for (int i = 0; i < 1400; ++i) s += "\xC3\xA9" "a"; return s + "\xE2\x80\x9C"; }(),
      // Mostly junk: binary, or just under the share that makes it so
      std::string(100, '\x01'), std::string(75, 'a') + std::string(25, '\x01'), std::string(74, 'a') + std::string(26, '\x80'),
      std::string(5000, 'a') + std::string(3000, '\x01'), random_text(random, 3000)};
  // Mostly non-ASCII (more than a quarter of bytes that might be junk),
  // with junk just under, at and over the share that makes it binary.
  for (const char* junk : {"\x01", "\x80", "\xE6\xA8"}) {
    for (std::size_t count : {0, 16, 32, 33, 34, 35, 50}) {
      std::string text;
      for (int i = 0; i < 30; ++i) text += cjk;
      for (std::size_t i = 0; i < count; ++i) text += junk;
      texts.push_back(text + std::string(10, 'a'));
    }
  }
  for (const std::string& text : texts)
    for (std::size_t max_words : {0, 1, 2, 32})
      for (std::size_t max_bytes : {0, 1, 3, 9, 1024, 100000}) check_like_reference(text, max_words, max_bytes);
}

TEST_CASE("the word splitter classifies every character as the word pattern does") {
  // UTF-8 of any value up to 0x10FFFF, surrogates included (which is not
  // valid UTF-8: neither may take them as letters).
  auto utf8 = [](char32_t c) {
    std::string s;
    if (c < 0x800) {
      s += static_cast<char>(0xC0 | (c >> 6));
    } else if (c < 0x10000) {
      s += static_cast<char>(0xE0 | (c >> 12));
      s += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    } else {
      s += static_cast<char>(0xF0 | (c >> 18));
      s += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
      s += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    }
    s += static_cast<char>(0x80 | (c & 0x3F));
    return s;
  };
  // Each character inside a word, after one and alone, eight per text.
  std::string text;
  auto check_batch = [&] {
    check_like_reference(text, 32, 100000);
    text.clear();
  };
  char32_t count = 0;
  for (char32_t c = 0x80; c < 0x110000; c += c < 0x10000 ? 1 : 61) {
    std::string character = utf8(c);
    text += "x" + character + "y z" + character + " " + character + "\xE6\xA8\xA1 ";
    if (++count % 8 == 0) check_batch();
  }
  check_batch();
}
