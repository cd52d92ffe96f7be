// Text copied from a PDF or typed with a CJK input method still resolves,
// and the normalisation that makes it so adds no ids to prose.
#include <random>
#include <string>
#include <vector>

#include "normalize.hpp"
#include "test_support.hpp"

using namespace coolpapers;
using coolpapers::test::check_rows;

TEST_CASE("an id broken across lines is joined when the parts form an id") {
  check_rows({
      {"arXiv:2106.\n09685", Field::selection_text, "https://papers.cool/arxiv/2106.09685"},
      {"arXiv:2106.096-\n85", Field::selection_text, "https://papers.cool/arxiv/2106.09685"},
      {"arXiv:2106.096- \r\n  85, 2021", Field::selection_text, "https://papers.cool/arxiv/2106.09685"},
      {"arXiv:2106.0968\n5v2", Field::selection_text, "https://papers.cool/arxiv/2106.09685"},
      {"arXiv:0801.12\n34", Field::selection_text, "https://papers.cool/arxiv/0801.1234"},
      {"arXiv:hep-th/97\n11200", Field::selection_text, "https://papers.cool/arxiv/hep-th/9711200"},
  });
}

TEST_CASE("line breaks between numbers of prose stay breaks") {
  check_rows({
      // A complete id followed by a number on the next line: nothing joined.
      {"arXiv:2106.09685\n12345 samples", Field::selection_text, "https://papers.cool/arxiv/2106.09685"},
      {"arXiv:1412.6980\n5 runs", Field::selection_text, "https://papers.cool/arxiv/1412.6980"},
      // Joined parts that would not form an id: a search for the words.
      {"table 3.\n12345 rows", Field::selection_text,
       "https://papers.cool/arxiv/search?highlight=1&query=table%203%2012345%20rows"},
      {"in 2019.\n12345 people", Field::selection_text,
       "https://papers.cool/arxiv/search?highlight=1&query=in%202019%2012345%20people"},
      {"page 12-\n34", Field::selection_text, "https://papers.cool/arxiv/search?highlight=1&query=page%2012%2034"},
  });
}

TEST_CASE("soft hyphens, zero-width characters and Unicode hyphens inside an id") {
  check_rows({
      {"arXiv:2106.09\xC2\xAD" "685", Field::selection_text, "https://papers.cool/arxiv/2106.09685"},
      {"arXiv:2106.0\xE2\x80\x8B" "9685", Field::selection_text, "https://papers.cool/arxiv/2106.09685"},
      {"2106\xE2\x80\x8C.09685\xE2\x81\xA0", Field::selection_text, "https://papers.cool/arxiv/2106.09685"},
      {"\xEF\xBB\xBF" "2106.09685", Field::selection_text, "https://papers.cool/arxiv/2106.09685"},
      {"hep\xE2\x80\x90th/9711200", Field::selection_text, "https://papers.cool/arxiv/hep-th/9711200"},
      {"cond\xE2\x80\x91mat/0410550", Field::selection_text, "https://papers.cool/arxiv/cond-mat/0410550"},
      {"https://aclanthology.org/P19\xE2\x80\x91" "1001.pdf", Field::link_url,
       "https://papers.cool/venue/P19-1001@ACL"},
  });
}

TEST_CASE("full-width digits and punctuation typed with a CJK input method") {
  check_rows({
      {"\xEF\xBC\x92\xEF\xBC\x91\xEF\xBC\x90\xEF\xBC\x96\xEF\xBC\x8E\xEF\xBC\x90\xEF\xBC\x99\xEF\xBC\x96\xEF\xBC\x98"
       "\xEF\xBC\x95",
       Field::selection_text, "https://papers.cool/arxiv/2106.09685"},
      {"arXiv\xEF\xBC\x9A" "2106.09685", Field::selection_text, "https://papers.cool/arxiv/2106.09685"},
      {"\xE8\xAE\xBA\xE6\x96\x87\xE3\x80\x80" "arXiv\xEF\xBC\x9A" "2106.09685", Field::selection_text,
       "https://papers.cool/arxiv/2106.09685"},
  });
}

TEST_CASE("normalisation keeps the order of ids and the boundaries around them") {
  Resolution r = test::builtin().resolve("2107.00001 then 2106.096-\n85, then 2108.0000\xC2\xAD" "2",
                                         Field::selection_text);
  REQUIRE(r.ok());
  CHECK(r.ids == std::vector<std::string>{"2107.00001", "2106.09685", "2108.00002"});
  // A dropped character between two ids does not hide either of them when
  // something else separates them.
  r = test::builtin().resolve("2107.00001 \xE2\x80\x8B" "2106.09685", Field::selection_text);
  CHECK(r.ids == std::vector<std::string>{"2107.00001", "2106.09685"});
  // Digits on both sides of a full-width id are still part of a longer run.
  CHECK(test::url_of("1\xEF\xBC\x92\xEF\xBC\x91\xEF\xBC\x90\xEF\xBC\x96.09685", Field::selection_text) ==
        "https://papers.cool/arxiv/search?highlight=1&query=12106.09685");
}

TEST_CASE("invalid UTF-8 around characters that are normalised is kept as it is") {
  CHECK(test::url_of("\xEF\xBC 2106.09685 \xE2\x80", Field::selection_text) ==
        "https://papers.cool/arxiv/2106.09685");
  CHECK(test::url_of("\xC2\xAD\xC2", Field::selection_text) == "");
}

// The no-change check looks at 16 bytes at a time; it must say "no change"
// exactly when no byte could start something to normalise (a line break
// or the lead byte of a folded or dropped character), wherever in the
// text, and in texts of every length (the tail block overlaps).
TEST_CASE("the no-change check finds every byte that may start a change") {
  const std::string kTriggers = "\n\xC2\xE2\xE3\xEF";
  const std::vector<std::string> pieces = {
      "a", "2106.09685", " ", "\t", "\xC3\xA9", "\xD0\x9F", "\xE6\xA8\xA1", "\xF0\x9F\x98\x80", "\x80", "\xFF", "\xE0\x82\xAD",
      "\n", "\xC2\xAD", "\xC2\xA0", "\xE2\x80\x9C", "\xE2\x80\x90", "\xE3\x80\x80", "\xEF\xBC\x92", "\xEF\xBB\xBF"};
  std::mt19937 random(11);
  std::string out;
  for (int round = 0; round < 5000; ++round) {
    std::string text;
    for (std::size_t k = random() % 30; k > 0; --k) text += pieces[random() % pieces.size()];
    CAPTURE(text);
    bool has_trigger = text.find_first_of(kTriggers) != std::string::npos;
    CHECK(detail::normalize_text(text, out) == has_trigger);
  }
}

// The resolver skips decoding and normalising a text that needs_preparing()
// says needs neither: it must say so exactly when the text holds no '%' and
// normalize_text() leaves it alone, in texts of every length (it looks at
// 16 bytes at a time, and the tail block overlaps).
TEST_CASE("the one-pass preparation check agrees with the percent search and the normalisation") {
  const std::vector<std::string> pieces = {
      "a", "2106.09685", "https://arxiv.org/abs/", " ", "\t", "\r", std::string(1, '\0'), "\x01", "\x7F", "%", "%2F",
      "%25", "\xC3\xA9", "\xD0\x9F", "\xE6\xA8\xA1", "\xF0\x9F\x98\x80", "\x80", "\xFF", "\xE0\x82\xAD", "\n",
      "\xC2\xAD", "\xC2\xA0", "\xE2\x80\x9C", "\xE2\x80\x90", "\xE2\x80\x8B", "\xE2\x88\x92", "\xE3\x80\x80",
      "\xEF\xBC\x92", "\xEF\xBB\xBF", "\xEF\xAC\x81" /* the ligature fi, which is not folded */, "\xEF\xB9\xA3"};
  std::mt19937 random(13);
  std::string out;
  for (int round = 0; round < 20000; ++round) {
    std::string text;
    for (std::size_t k = random() % 40; k > 0; --k) text += pieces[random() % pieces.size()];
    CAPTURE(text);
    bool expected = text.find('%') != std::string::npos || detail::normalize_text(text, out);
    CHECK(detail::needs_preparing(text) == expected);
  }
  CHECK_FALSE(detail::needs_preparing(""));
  CHECK_FALSE(detail::needs_preparing("https://arxiv.org/abs/2106.09685v2"));
  CHECK(detail::needs_preparing("https://arxiv.org/abs/2106.09685v2%"));
  CHECK(detail::needs_preparing("%https://arxiv.org/abs/2106.09685v2"));
  CHECK(detail::needs_preparing("https://arxiv.org/abs/2106.\n09685"));
}
