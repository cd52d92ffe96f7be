// The one JSON form of an answer.
#include "coolpapers/resolution_json.hpp"
#include "test_support.hpp"

using namespace coolpapers;

TEST_CASE("a resolution serialises to the documented JSON") {
  CHECK(to_json(test::builtin().resolve("see arXiv:2401.12345 and 2402.00012v3", Field::selection_text)) ==
        R"({"ok":true,"url":"https://papers.cool/arxiv/2401.12345,2402.00012","family":"arxiv","ids":["2401.12345","2402.00012"],"field":"selectionText"})");
  CHECK(to_json(test::builtin().resolve("https://doi.org/10.1145/3580305.3599000", Field::page_url)) ==
        R"({"ok":false,"error":{"code":"no_match","message":"No paper id found in the URL"}})");
}

TEST_CASE("JSON strings are escaped and always valid UTF-8") {
  std::string out;
  append_json_string(out, "a\"b\\c\nd\x01\x7F" "é\xFF\xC3");
  CHECK(out == "\"a\\\"b\\\\c\\nd\\u0001\\u007fé\xEF\xBF\xBD\xEF\xBF\xBD\"");
  out.clear();
  append_json_string(out, "\xED\xA0\x80\xF4\x90\x80\x80\xC0\xAF");  // surrogate, > U+10FFFF, overlong
  CHECK(out == "\"\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\"");
}

TEST_CASE("an error reply serialises its optional members in one order, only when set") {
  CHECK(to_json(ErrorReply{ErrorCode::internal, "Out of memory."}) ==
        R"({"ok":false,"error":{"code":"internal","message":"Out of memory."}})");
  CHECK(to_json(ErrorReply{ErrorCode::unknown_type, "Unknown type", {}, {}, "x"}) ==
        R"({"ok":false,"error":{"code":"unknown_type","message":"Unknown type","type":"x"}})");
  CHECK(to_json(ErrorReply{ErrorCode::too_large, "Too many.", "items", 1000, {}}) ==
        R"({"ok":false,"error":{"code":"too_large","message":"Too many.","field":"items","limit":1000}})");
  // Echoed client text is escaped like every other string.
  CHECK(to_json(ErrorReply{ErrorCode::bad_request, "a \"b\"", "x\n\xFF", {}, {}}) ==
        "{\"ok\":false,\"error\":{\"code\":\"bad_request\",\"message\":\"a \\\"b\\\"\","
        "\"field\":\"x\\n\xEF\xBF\xBD\"}}");
}

TEST_CASE("error codes have stable names and exit codes") {
  CHECK(error_code_name(ErrorCode::no_match) == "no_match");
  CHECK(error_code_name(ErrorCode::too_large) == "too_large");
  CHECK(error_code_from_name("bad_json") == ErrorCode::bad_json);
  CHECK_FALSE(error_code_from_name("nope"));
  CHECK(exit_code(ErrorCode::no_match) == 1);
  CHECK(exit_code(ErrorCode::usage) == 2);
  CHECK(exit_code(ErrorCode::bad_config) == 2);
  CHECK(exit_code(ErrorCode::io) == 3);
  CHECK(exit_code(ErrorCode::internal) == 4);
}
