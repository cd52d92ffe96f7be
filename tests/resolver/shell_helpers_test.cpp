// The helpers every shell shares from the resolver's public API: the field
// names a user may give, the list of request fields, and cutting text to a
// size bound without breaking a UTF-8 character.
#include <doctest/doctest.h>

#include <string>

#include "coolpapers/resolver.hpp"
#include "coolpapers/utf8.hpp"

using namespace coolpapers;

TEST_CASE("every field name a shell accepts: auto, the short names and the request member names") {
  CHECK(field_choice_from_name("auto")->field == std::nullopt);
  const std::pair<const char*, Field> names[] = {
      {"selection", Field::selection_text}, {"selectionText", Field::selection_text},
      {"link", Field::link_url},            {"linkUrl", Field::link_url},
      {"page", Field::page_url},            {"pageUrl", Field::page_url},
      {"frame", Field::frame_url},          {"frameUrl", Field::frame_url},
  };
  for (const auto& [name, field] : names) {
    CAPTURE(name);
    auto choice = field_choice_from_name(name);
    REQUIRE(choice);
    CHECK(choice->field == field);
  }
  for (const char* wrong : {"", "Auto", "PAGE", "title", "page ", "pageurl"}) {
    CAPTURE(wrong);
    CHECK_FALSE(field_choice_from_name(wrong));
  }
  // What a user who gave a wrong name is told names only accepted ones.
  CHECK(std::string(kFieldChoiceNames) == "auto, selection, link, page or frame");
}

TEST_CASE("auto reads a URL as the page and anything else as selected text; a named field is kept") {
  const FieldChoice automatic = *field_choice_from_name("auto");
  CHECK(automatic.for_text("  HTTPS://arxiv.org/abs/2312.00001") == Field::page_url);
  CHECK(automatic.for_text("arXiv:2312.00001") == Field::selection_text);
  CHECK(field_choice_from_name("link")->for_text("arXiv:2312.00001") == Field::link_url);
}

TEST_CASE("the request fields are the four OnClickData members and pageMeta, in the order resolve() reads them") {
  std::string names;
  for (Field field : kRequestFields) names += std::string(field_name(field)) + " ";
  CHECK(names == "selectionText linkUrl pageUrl pageMeta frameUrl ");
  for (Field field : kRequestFields) {
    CAPTURE(field_name(field));
    // The page's meta tags are an object, not a text a user names.
    if (field == Field::page_meta) {
      CHECK_FALSE(field_from_name(field_name(field)));
      CHECK_FALSE(field_choice_from_name(field_name(field)));
    } else {
      CHECK(field_from_name(field_name(field)) == field);
      CHECK(field_choice_from_name(field_name(field))->field == field);
    }
  }
}

TEST_CASE("utf8_prefix keeps text within the bound and never splits a UTF-8 sequence") {
  CHECK(utf8_prefix("abc", 3) == "abc");
  CHECK(utf8_prefix("abc", 10) == "abc");
  CHECK(utf8_prefix("abcdef", 4) == "abcd");
  CHECK(utf8_prefix("abc", 0) == "");

  // "aé€😀": 1 + 2 + 3 + 4 bytes. Every bound lands on a boundary at or
  // before it.
  const std::string text = "a\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80";
  const std::size_t expected[] = {0, 1, 1, 3, 3, 3, 6, 6, 6, 6, 10};
  for (std::size_t bound = 0; bound <= text.size(); ++bound) {
    CAPTURE(bound);
    CHECK(utf8_prefix(text, bound).size() == expected[bound]);
  }
}

TEST_CASE("on invalid UTF-8 utf8_prefix gives back at most 3 bytes, so the cut stays near the bound") {
  const std::string continuation_bytes(20, '\x80');
  const std::string text = "a" + continuation_bytes;
  CHECK(utf8_prefix(text, 10).size() == 10);
  // A lone lead byte before the bound is no reason to cut.
  CHECK(utf8_prefix("ab\xE2" "cd", 4) == "ab\xE2" "c");
}
