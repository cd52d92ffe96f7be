// The literal scan (resolver/src/literal_filter.hpp) against a naive
// reference: every literal checked at every position with find_literal().
// The scan must report exactly the same literals and the same first and
// last starts, whatever shortcuts it takes (the table of byte pairs, the
// word-at-a-time comparison).
#include <doctest/doctest.h>

#include <algorithm>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "literal_filter.hpp"

using coolpapers::detail::find_literal;
using coolpapers::detail::kMaxLiterals;
using coolpapers::detail::LiteralFilter;
using coolpapers::detail::LiteralSet;

namespace {

// The built-in table's literals (resolver/rules.json) and the shapes a
// user's rule may add: one character, '#' at either end, a literal that
// overlaps itself, upper case (the filter lowers it), long ones.
const std::vector<std::string> kLiterals = {
    "####.####", "/#######", "/ftp/", "corr/abs-", "openreview.net", "ijcai.org", "10.24963/", "aclanthology.org",
    "aclweb.org", "10.18653/", "mlr.press", "jmlr.org/proceedings", "thecvf.com", "usenix.org", "aaai.org",
    "10.1609/", "/list/", "x", "-", "q#", "#z", "aa", "aba", "#.#", "ABC.Org", "a#b#c", "zzzzzzzzzzzzzzzzzzzzzzzzz",
    "/#/#/#/#/#/#/#/#/#/#/#/#/#/#/#/#/#"};

// What the naive reference finds for one literal.
struct Occurrences {
  bool found = false;
  std::size_t first = 0;
  std::size_t last = 0;
};

Occurrences naive(std::string_view text, std::string_view literal) {
  Occurrences result;
  for (std::size_t at = find_literal(text, 0, literal); at != std::string_view::npos;
       at = find_literal(text, at + 1, literal)) {
    if (!result.found) result.first = at;
    result.found = true;
    result.last = at;
  }
  return result;
}

// Checks one text against the reference; `literals` in the order they were
// added (their indices), lower case.
void check_scan(const LiteralFilter& filter, const std::vector<std::string>& literals, std::string_view text) {
  static LiteralSet found;  // large: not on the stack
  // A copy in a buffer of exactly its size, so that a sanitizer build
  // catches any read past the text's end.
  const std::vector<char> copy(text.begin(), text.end());
  filter.scan(std::string_view(copy.data(), copy.size()), found);
  CAPTURE(text);
  for (std::size_t i = 0; i < literals.size(); ++i) {
    CAPTURE(literals[i]);
    Occurrences want = naive(text, literals[i]);
    REQUIRE(found.found[i] == want.found);
    if (want.found) {
      REQUIRE(found.first_start[i] == want.first);
      REQUIRE(found.last_start[i] == want.last);
    }
  }
  for (std::size_t i = literals.size(); i < kMaxLiterals; ++i) REQUIRE_FALSE(found.found[i]);
}

std::string lower(std::string_view text) {
  std::string result(text);
  for (char& c : result)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return result;
}

// One occurrence of `literal` as a text may hold it: each letter in either
// case, each '#' a random digit.
std::string instance(std::string_view literal, std::mt19937& random) {
  std::string result;
  for (char c : literal) {
    if (c == '#')
      c = static_cast<char>('0' + random() % 10);
    else if (c >= 'a' && c <= 'z' && random() % 2 == 0)
      c = static_cast<char>(c - 'a' + 'A');
    else if (c >= 'A' && c <= 'Z' && random() % 2 == 0)
      c = static_cast<char>(c - 'A' + 'a');
    result.push_back(c);
  }
  return result;
}

// A random text of up to `max_pieces` pieces: whole literals (case
// variants, any digits), literals cut short at either end (near misses),
// single characters of the literals in either case, literals with a byte
// whose bit 0x20 is flipped (only a letter's case), digits, separators and
// bytes no literal holds (NUL, high bytes, the neighbours of letters and
// digits in ASCII).
std::string random_text(const std::vector<std::string>& literals, std::mt19937& random, int max_pieces) {
  static const std::string kOther = std::string("0123456789 /.-_?&=#:\n\t@[`{") + '\0' + "\xff\xc3\xa9\x80";
  std::string text;
  int pieces = static_cast<int>(random() % (max_pieces + 1));
  for (int k = 0; k < pieces; ++k) {
    const std::string& literal = literals[random() % literals.size()];
    switch (random() % 6) {
      case 0:
      case 1:
        text += instance(literal, random);
        break;
      case 2: {  // a prefix or a suffix
        std::string whole = instance(literal, random);
        std::size_t cut = random() % (whole.size() + 1);
        text += random() % 2 ? whole.substr(0, cut) : whole.substr(cut);
        break;
      }
      case 3:
        text += instance(std::string(1, literal[random() % literal.size()]), random);
        break;
      case 4: {  // one byte differing in the bit that is the case of a letter
        std::string whole = instance(literal, random);
        whole[random() % whole.size()] ^= 0x20;
        text += whole;
        break;
      }
      default:
        text += kOther[random() % kOther.size()];
    }
  }
  return text;
}

LiteralFilter make_filter(const std::vector<std::string>& literals) {
  LiteralFilter filter;
  for (std::size_t i = 0; i < literals.size(); ++i) REQUIRE(filter.add(literals[i]) == i);
  return filter;
}

std::vector<std::string> lowered(const std::vector<std::string>& literals) {
  std::vector<std::string> result;
  for (const std::string& literal : literals) result.push_back(lower(literal));
  return result;
}

}  // namespace

TEST_CASE("the literal scan finds what checking every literal at every position finds") {
  const LiteralFilter filter = make_filter(kLiterals);
  const std::vector<std::string> literals = lowered(kLiterals);
  // A literal added again, in another case, keeps its index.
  LiteralFilter again = make_filter(kLiterals);
  CHECK(again.add("OPENREVIEW.NET") == 4);
  CHECK(again.size() == kLiterals.size());

  SUBCASE("edge cases") {
    for (std::string_view text :
         {"", "x", "X", "-", "a", "aa", "aaa", "aAaA", "ab", "aba", "ababa", "q1", "1z", "q", "z", "1.2", "1.2.3.4",
          "1234.5678", "1234.56789", "01234.5678", "/1234567", "/12345678", "/123456", "/ftp/", "/FTP/list/",
          "/list//list/", "aaai.org", "AAAI.ORG", "aaaai.org", "aaai.or", "aaai.orgaaai.org", "zzzzzzzzzzzzzzzzzzzzzzzzzz",
          "10.1609/10.24963/10.18653/", "jmlr.org/proceedings", "jmlr.org/proceeding", "https://openreview.net/forum",
          "arxiv.org/abs/2312.00001v2 and arXiv:2401.12345", "a1b2c", "A1B2C3", "abc.org", "ABC.ORG/ABC.OR",
          "/1/2/3/4/5/6/7/8/9/0/1/2/3/4/5/6/7/8", "/1/2/3/4/5/6/7/8/9/0/1/2/3/4/5/6/7/"}) {
      check_scan(filter, literals, text);
      // The same text with bytes around it: the literals away from both ends.
      check_scan(filter, literals, std::string("\xff") + std::string(text) + "\n");
    }
    // Bytes next to letters and digits in ASCII are not case variants.
    check_scan(filter, literals, std::string("\0aa", 3));
    check_scan(filter, literals, "@BC.oRG [bc.org `bc.org {bc.org ABC\x0eorg aaai\x0eorg 10\x0e" "1609/ /ftp\x0f");
    check_scan(filter, literals, "/:234567 /123456/ q/ #z 9z /\xb0\x31\x32\x33\x34\x35\x36");
  }

  SUBCASE("random texts from the literals' characters") {
    std::mt19937 random(7);
    for (int i = 0; i < 20000; ++i) check_scan(filter, literals, random_text(literals, random, i % 2 ? 4 : 16));
  }
}

TEST_CASE("the literal scan with many literals sharing characters") {
  // Literals from a small alphabet share first characters and pairs, so
  // one position has several candidates, and occurrences overlap.
  std::mt19937 random(11);
  const std::string alphabet = "ab#./";
  std::vector<std::string> literals;
  while (literals.size() < 300) {
    std::string literal;
    std::size_t length = 1 + random() % (random() % 4 == 0 ? 20 : 5);
    for (std::size_t k = 0; k < length; ++k) literal += alphabet[random() % alphabet.size()];
    if (literal.find_first_not_of('#') == std::string::npos) continue;
    if (std::find(literals.begin(), literals.end(), literal) != literals.end()) continue;
    literals.push_back(literal);
  }
  const LiteralFilter filter = make_filter(literals);
  for (int i = 0; i < 2000; ++i) check_scan(filter, literals, random_text(literals, random, i % 2 ? 3 : 12));
}

TEST_CASE("the literal scan with more groups of pairs than the table holds") {
  // Anchors on hundreds of different pairs (letters, digits, separators)
  // need more than the 255 groups of probes a byte of the pair table can
  // name: the probes past them join groups whole, verified at more pairs.
  std::mt19937 random(19);
  const std::string alphabet = "abcdefghijklmnopqrstuvwxyz0123456789#./-";
  std::vector<std::string> literals;
  while (literals.size() < kMaxLiterals - 12) {
    std::string literal;
    std::size_t length = 1 + random() % (random() % 8 == 0 ? 12 : 4);
    for (std::size_t k = 0; k < length; ++k) literal += alphabet[random() % alphabet.size()];
    if (literal.find_first_not_of('#') == std::string::npos) continue;
    if (std::find(literals.begin(), literals.end(), literal) != literals.end()) continue;
    literals.push_back(literal);
  }
  const LiteralFilter filter = make_filter(literals);
  for (int i = 0; i < 400; ++i) check_scan(filter, literals, random_text(literals, random, i % 2 ? 3 : 12));
}

// The scan looks pairs up at even text positions only, with two anchor
// pairs per literal of opposite parity (one may reach a byte past either
// end of a short literal): each literal at every offset of both parities,
// at the text's start and end, next to bytes that do and do not continue
// it.
TEST_CASE("the literal scan finds a literal at every offset and parity") {
  const std::vector<std::string> short_literals = {"x", "-", "/", "ab", "#a", "a#", "b.", "##x", "q#", "#z", "aa"};
  std::vector<std::string> all = kLiterals;
  for (const std::string& literal : short_literals)
    if (std::find(all.begin(), all.end(), literal) == all.end()) all.push_back(literal);
  const LiteralFilter filter = make_filter(all);
  const std::vector<std::string> literals = lowered(all);
  std::mt19937 random(13);
  for (const std::string& literal : literals)
    for (std::size_t before = 0; before < 20; ++before)
      for (std::size_t after = 0; after < 3; ++after)
        for (const char* pad : {"~", "a", "1", "/"}) {
          std::string text = std::string(before, *pad) + instance(literal, random) + std::string(after, *pad);
          check_scan(filter, literals, text);
          // Twice, overlapping where the literal allows.
          check_scan(filter, literals, text + instance(literal, random) + instance(literal, random).substr(1));
        }
}

TEST_CASE("the literal scan of random bytes with one- and two-character literals") {
  // Texts from an alphabet the literals are made of (both cases, digits,
  // the separators), every length from 0 to 40: occurrences at both ends
  // and of both parities, overlapping ones.
  const std::vector<std::string> all = {"a", "b", "ab", "ba", "a#", "#b", "#.", "/", "/#", "aba", "a.b",
                                        "##a##", "/#######", "####.####", "bb", "q"};
  const LiteralFilter filter = make_filter(all);
  const std::vector<std::string> literals = lowered(all);
  const std::string alphabet = "aAbB0123456789./qQ\xff";
  std::mt19937 random(17);
  check_scan(filter, literals, "");
  for (int i = 0; i < 20000; ++i) {
    std::string text(static_cast<std::size_t>(i % 41), ' ');
    for (char& c : text) c = alphabet[random() % alphabet.size()];
    check_scan(filter, literals, text);
  }
}
