// The protocol as a pure function: request bytes in, reply bytes out.
#include <doctest/doctest.h>

#include <string>

#include <boost/json/serialize.hpp>

#include "coolpapers/resolver.hpp"
#include "frames.hpp"
#include "host_limits.hpp"
#include "host_protocol.hpp"

using coolpapers::host::kMaxBatchItems;
using coolpapers::host::kMaxReplyBytes;
using coolpapers::host::RequestHandler;
using coolpapers::testing::error_code_of;
using coolpapers::testing::error_member;
using coolpapers::testing::parse_reply;
using coolpapers::testing::string_at;
namespace json = boost::json;

namespace {

const coolpapers::Resolver& resolver() {
  static const coolpapers::Resolver instance = *coolpapers::Resolver::create({});
  return instance;
}

std::string reply_to(RequestHandler& handler, std::string_view request) {
  std::string out;
  handler.handle(request, out);
  return out;
}

std::string reply_to(std::string_view request) {
  RequestHandler handler(resolver());
  return reply_to(handler, request);
}

// {"type":"resolve","<member>":"<text>"} with the text escaped.
std::string resolve_request(std::string_view member, std::string_view text) {
  json::object request;
  request["type"] = "resolve";
  request[member] = text;
  return json::serialize(request);
}

}  // namespace

// The contract's examples (docs/resolution-examples.jsonl) run through the
// built binary's framed protocol in host_binary_test.cpp.
TEST_CASE("a result names the field that decided, its family and its ids") {
  const auto reply = parse_reply(reply_to(resolve_request("frameUrl", "https://arxiv.org/pdf/2312.00001v1.pdf")));
  CHECK(reply.at("ok").as_bool() == true);
  CHECK(string_at(reply, "url") == "https://papers.cool/arxiv/2312.00001");
  CHECK(string_at(reply, "family") == "arxiv");
  CHECK(string_at(reply, "field") == "frameUrl");
  CHECK(reply.at("ids") == json::array{"2312.00001"});
}

TEST_CASE("the first field that holds an id decides, in the order selection, link, page, frame") {
  const auto reply = parse_reply(reply_to(
      R"({"type":"resolve","selectionText":"nothing here","linkUrl":"https://arxiv.org/abs/2401.12345",)"
      R"("pageUrl":"https://arxiv.org/abs/2312.00001","frameUrl":"https://arxiv.org/abs/2402.00012"})"));
  CHECK(string_at(reply, "url") == "https://papers.cool/arxiv/2401.12345");
  CHECK(string_at(reply, "field") == "linkUrl");
}

TEST_CASE("a resolve request with no texts at all is no_match, and unknown members are ignored") {
  for (std::string_view request : {R"({"type":"resolve"})", R"({"type":"resolve","selectionText":""})",
                                   R"({"type":"resolve","menuItemId":"open","editable":false,"x":[1,{}]})"}) {
    CAPTURE(request);
    CHECK(error_code_of(parse_reply(reply_to(request))) == "no_match");
  }
}

TEST_CASE("a per-request base changes the target, one handler switching between bases correctly") {
  RequestHandler handler(resolver());
  struct Row {
    std::string base;  // "-": no base member
    std::string url;
  };
  const Row rows[] = {
      {"http://localhost:8080", "http://localhost:8080/arxiv/2312.00001"},
      {"https://mirror.example.org/cool/", "https://mirror.example.org/cool/arxiv/2312.00001"},
      {"http://localhost:8080", "http://localhost:8080/arxiv/2312.00001"},
      {"-", "https://papers.cool/arxiv/2312.00001"},
      {"https://papers.cool", "https://papers.cool/arxiv/2312.00001"},
  };
  for (const Row& row : rows) {
    CAPTURE(row.base);
    json::object request{{"type", "resolve"}, {"pageUrl", "https://arxiv.org/abs/2312.00001"}};
    if (row.base != "-") request["base"] = row.base;
    const auto reply = parse_reply(reply_to(handler, json::serialize(request)));
    CHECK(string_at(reply, "url") == row.url);
  }
}

TEST_CASE("an invalid base is bad_config naming the base member") {
  for (std::string_view base : {"ftp://papers.cool", "papers.cool", "https://papers.cool/?q=1", "https://a b", ""}) {
    CAPTURE(base);
    json::object request{{"type", "resolve"}, {"pageUrl", "https://arxiv.org/abs/2312.00001"}, {"base", base}};
    const auto reply = parse_reply(reply_to(json::serialize(request)));
    CHECK(error_code_of(reply) == "bad_config");
    CHECK(error_member(reply, "field") == "base");
  }
}

TEST_CASE("members of the wrong type are bad_request naming the member") {
  struct Row {
    std::string request;
    std::string field;
  };
  const Row rows[] = {
      {R"({})", "type"},
      {R"({"type":7})", "type"},
      {R"({"type":null})", "type"},
      {R"({"type":["resolve"]})", "type"},
      {R"({"type":"resolve","selectionText":1})", "selectionText"},
      {R"({"type":"resolve","linkUrl":null})", "linkUrl"},
      {R"({"type":"resolve","pageUrl":{"href":"https://arxiv.org/abs/2312.00001"}})", "pageUrl"},
      {R"({"type":"resolve","frameUrl":["x"]})", "frameUrl"},
      {R"({"type":"resolve","pageUrl":"https://arxiv.org/abs/2312.00001","base":true})", "base"},
      {R"({"type":"resolveBatch"})", "items"},
      {R"({"type":"resolveBatch","items":{"0":{}}})", "items"},
      {R"({"type":"resolveBatch","items":"[]"})", "items"},
      {R"({"type":"resolveBatch","items":[],"base":1})", "base"},
  };
  for (const Row& row : rows) {
    CAPTURE(row.request);
    const auto reply = parse_reply(reply_to(row.request));
    CHECK(reply.at("ok").as_bool() == false);
    CHECK(error_code_of(reply) == "bad_request");
    CHECK(error_member(reply, "field") == row.field);
  }
}

TEST_CASE("a batch answers one result per item, in order, a bad item failing alone") {
  const auto reply = parse_reply(reply_to(R"({"type":"resolveBatch","items":[
      {"pageUrl":"https://arxiv.org/abs/2312.00001"},
      {"pageUrl":"https://doi.org/10.1145/3580305.3599000"},
      "https://arxiv.org/abs/2312.00001",
      {"linkUrl":42},
      {"pageUrl":"https://arxiv.org/abs/2312.00001","base":"nonsense"},
      {"selectionText":"arXiv:2401.12345","base":"http://localhost:9"},
      {}
    ]})"));
  CHECK(reply.at("ok").as_bool() == true);
  CHECK(reply.if_contains("truncated") == nullptr);
  const json::array& results = reply.at("results").as_array();
  REQUIRE(results.size() == 7);
  const std::string expected_codes[] = {"<ok>", "no_match", "bad_request", "bad_request",
                                        "bad_config", "<ok>", "no_match"};
  for (std::size_t i = 0; i < results.size(); ++i) {
    CAPTURE(i);
    CHECK(error_code_of(results[i].as_object()) == expected_codes[i]);
  }
  CHECK(string_at(results[0].as_object(), "url") == "https://papers.cool/arxiv/2312.00001");
  CHECK(error_member(results[3].as_object(), "field") == "linkUrl");
  CHECK(string_at(results[5].as_object(), "url") == "http://localhost:9/arxiv/2401.12345");
}

TEST_CASE("a batch-wide base applies to items without their own, and a bad one fails the whole batch") {
  const auto reply = parse_reply(reply_to(R"({"type":"resolveBatch","base":"http://localhost:1",
      "items":[{"pageUrl":"https://arxiv.org/abs/2312.00001"},
               {"pageUrl":"https://arxiv.org/abs/2312.00002","base":"http://localhost:2"}]})"));
  const json::array& results = reply.at("results").as_array();
  REQUIRE(results.size() == 2);
  CHECK(string_at(results[0].as_object(), "url") == "http://localhost:1/arxiv/2312.00001");
  CHECK(string_at(results[1].as_object(), "url") == "http://localhost:2/arxiv/2312.00002");

  const auto refused = parse_reply(reply_to(R"({"type":"resolveBatch","base":"nonsense","items":[{}]})"));
  CHECK(error_code_of(refused) == "bad_config");
  CHECK(refused.if_contains("results") == nullptr);
}

TEST_CASE("a batch of up to 1000 items is answered, a larger one is too_large") {
  for (std::size_t count : {std::size_t{0}, std::size_t{1}, kMaxBatchItems, kMaxBatchItems + 1}) {
    CAPTURE(count);
    json::array items;
    for (std::size_t i = 0; i < count; ++i) items.push_back(json::object{{"pageUrl", "https://arxiv.org/abs/2312.00001"}});
    const auto reply = parse_reply(reply_to(json::serialize(json::object{{"type", "resolveBatch"}, {"items", items}})));
    if (count <= kMaxBatchItems) {
      CHECK(reply.at("results").as_array().size() == count);
    } else {
      CHECK(error_code_of(reply) == "too_large");
      CHECK(reply.at("error").as_object().at("limit").as_int64() == static_cast<std::int64_t>(kMaxBatchItems));
    }
  }
}

TEST_CASE("a batch whose reply would pass 1 MiB stops early, saying how many items it left out") {
  // 1000 selections of 50 distinct arXiv ids each: about 1.2 KB per result.
  json::array items;
  for (int i = 0; i < 1000; ++i) {
    std::string selection;
    for (int k = 0; k < 50; ++k) selection += "arXiv:24" + std::to_string(10 + k % 3) + "." + std::to_string(10000 + i * 50 + k) + " ";
    items.push_back(json::object{{"selectionText", selection}});
  }
  const std::string request = json::serialize(json::object{{"type", "resolveBatch"}, {"items", items}});
  const std::string raw = reply_to(request);
  CHECK(raw.size() <= kMaxReplyBytes);
  const auto reply = parse_reply(raw);
  CHECK(reply.at("ok").as_bool() == true);
  CHECK(reply.at("truncated").as_bool() == true);
  const std::size_t answered = reply.at("results").as_array().size();
  CHECK(answered > 500);
  CHECK(answered + static_cast<std::size_t>(reply.at("omitted").as_int64()) == 1000);
  // The answered prefix is items 0..answered-1, in order.
  const auto& last = reply.at("results").as_array()[answered - 1].as_object();
  CHECK(last.at("ids").as_array().size() == 50);
  CHECK(string_at(last, "url").find(std::to_string(10000 + (answered - 1) * 50)) != std::string::npos);
}

TEST_CASE("an answer too long for one reply is too_large, never an over-size reply") {
  // Search queries are bounded, so only a user rule with long ids can make
  // such an answer: 40 ids of 20,000 non-ASCII letters, each letter six
  // bytes of percent-encoding in the URL (about 4.8 MB).
  const char* loose = R"J({"families":[{"name":"loose","page":"venue"}],"rules":[
    {"id":"loose","family":"loose","literals":["loose:"],"pattern":"loose:(\\S+)","output":"{1}"}]})J";
  auto long_ids = coolpapers::Resolver::create({}, {{"loose.json", loose}});
  REQUIRE(long_ids);
  std::string selection;
  for (int id = 0; id < 40; ++id) {
    selection += "loose:" + std::to_string(id);
    for (int i = 0; i < 20000; ++i) selection += "\xC3\xA9";  // é
    selection += ' ';
  }
  RequestHandler handler(*long_ids);
  const std::string raw = reply_to(handler, resolve_request("selectionText", selection));
  CHECK(raw.size() <= kMaxReplyBytes);
  const auto reply = parse_reply(raw);
  CHECK(error_code_of(reply) == "too_large");

  // The same answer inside a batch fails alone; the next item is answered.
  json::array items{json::object{{"selectionText", selection}},
                    json::object{{"pageUrl", "https://arxiv.org/abs/2312.00001"}}};
  const std::string batch_raw =
      reply_to(handler, json::serialize(json::object{{"type", "resolveBatch"}, {"items", items}}));
  CHECK(batch_raw.size() <= kMaxReplyBytes);
  const auto batch = parse_reply(batch_raw);
  REQUIRE(batch.at("results").as_array().size() == 2);
  CHECK(error_code_of(batch.at("results").as_array()[0].as_object()) == "too_large");
  CHECK(error_code_of(batch.at("results").as_array()[1].as_object()) == "<ok>");
}

TEST_CASE("an unknown type is unknown_type echoing the type, cut to a bounded length") {
  struct Row {
    std::string type;
    std::string echoed;
  };
  const Row rows[] = {
      {"frobnicate", "frobnicate"},
      {"Resolve", "Resolve"},
      {"", ""},
      {"resolve ", "resolve "},
      {std::string(100000, 't'), std::string(coolpapers::host::kMaxEchoBytes, 't')},
  };
  for (const Row& row : rows) {
    CAPTURE(row.type.size());
    const auto reply = parse_reply(reply_to(json::serialize(json::object{{"type", row.type}})));
    CHECK(error_code_of(reply) == "unknown_type");
    CHECK(error_member(reply, "type") == row.echoed);
  }
}

TEST_CASE("bodies that are not JSON are bad_json, JSON that is not an object is bad_request") {
  struct Row {
    std::string body;
    std::string code;
  };
  const Row rows[] = {
      {"", "bad_json"},
      {"not json", "bad_json"},
      {"{", "bad_json"},
      {R"({"type":"ping"} trailing)", "bad_json"},
      {R"({"type":"ping",})", "bad_json"},
      {R"({'type':'ping'})", "bad_json"},
      {std::string(100, '[') + std::string(100, ']'), "bad_json"},  // deeper than the parser allows
      {R"({"type":"resolve","pageUrl":"\ud800"})", "bad_json"},      // a lone surrogate
      {std::string("{\"type\":\"ping\"}\0", 16), "bad_json"},
      {"[]", "bad_request"},
      {R"([{"type":"ping"}])", "bad_request"},
      {R"("ping")", "bad_request"},
      {"42", "bad_request"},
      {"null", "bad_request"},
      {"true", "bad_request"},
      {" \n{\"type\":\"ping\"}\t ", "<ok>"},
  };
  for (const Row& row : rows) {
    CAPTURE(row.body);
    const auto reply = parse_reply(reply_to(row.body));
    CHECK(error_code_of(reply) == row.code);
    if (row.code != "<ok>") CHECK(error_member(reply, "message") != "");
  }
}

TEST_CASE("invalid UTF-8 in a request is handled as text and every reply is valid UTF-8") {
  struct Row {
    std::string request;
    std::string code;
    std::string url;
  };
  const Row rows[] = {
      {"{\"type\":\"resolve\",\"pageUrl\":\"https://arxiv.org/abs/2312.00001\xFF\"}", "<ok>",
       "https://papers.cool/arxiv/2312.00001"},
      {"{\"type\":\"resolve\",\"selectionText\":\"\xC3\x28 \xE2\x82 arXiv:2401.12345 \xF0\x9F\x98\"}", "<ok>",
       "https://papers.cool/arxiv/2401.12345"},
      {"{\"type\":\"resolve\",\"selectionText\":\"\xC0\xAF\xED\xA0\x80\"}", "no_match", ""},
      {"{\"type\":\"\xFF\xFEresolve\"}", "unknown_type", ""},
      {"{\"\xFF\":1,\"type\":\"ping\"}", "<ok>", ""},
      {"{\"type\":\"resolve\",\"pageUrl\":1,\"\xC3\":2}", "bad_request", ""},
      {"\xEF\xBB\xBF{\"type\":\"ping\"}", "bad_json", ""},  // a byte order mark is not JSON
  };
  for (const Row& row : rows) {
    CAPTURE(row.request);
    const auto reply = parse_reply(reply_to(row.request));  // throws on invalid UTF-8
    CHECK(error_code_of(reply) == row.code);
    if (!row.url.empty()) CHECK(string_at(reply, "url") == row.url);
  }
  const auto echoed = parse_reply(reply_to("{\"type\":\"\xFF\xFEresolve\"}"));
  CHECK(error_member(echoed, "type") == "\xEF\xBF\xBD\xEF\xBF\xBDresolve");
}

TEST_CASE("ping reports the version and the number of rules") {
  const auto reply = parse_reply(reply_to(R"({"type":"ping"})"));
  CHECK(reply.at("ok").as_bool() == true);
  CHECK(string_at(reply, "version") == std::string(coolpapers::version()));
  CHECK(reply.at("rules").as_int64() == static_cast<std::int64_t>(resolver().rule_count()));
  CHECK(resolver().rule_count() > 0);
}

TEST_CASE("the handler appends its reply after what the output already holds") {
  RequestHandler handler(resolver());
  std::string out = "HEAD";
  handler.handle(R"({"type":"ping"})", out);
  CHECK(out.substr(0, 4) == "HEAD");
  CHECK(error_code_of(parse_reply(std::string_view(out).substr(4))) == "<ok>");
}
