// Every row of the contract's examples file through the protocol (resolve
// and resolveBatch, pageMeta included), and pageMeta's errors.
#include <doctest/doctest.h>

#include <boost/json/serialize.hpp>

#include "frames.hpp"
#include "host_protocol.hpp"
#include "resolution_examples.hpp"

using coolpapers::host::RequestHandler;
using coolpapers::testing::error_code_of;
using coolpapers::testing::parse_reply;
namespace json = boost::json;

namespace {

std::string str(const json::value& v) { return std::string(v.as_string()); }

const coolpapers::Resolver& resolver() {
  static const coolpapers::Resolver instance = *coolpapers::Resolver::create({});
  return instance;
}

std::string reply_to(const json::object& request) {
  RequestHandler handler(resolver());
  std::string out;
  handler.handle(json::serialize(request), out);
  return out;
}

json::object item_of(const coolpapers::test::ResolutionExample& row) {
  json::object item;
  for (const auto& [member, text] : row.request) item[member] = text;
  if (!row.page_meta.empty()) {
    json::object meta;
    for (const auto& [name, value] : row.page_meta) meta[name] = value;
    item["pageMeta"] = std::move(meta);
  }
  return item;
}

void check_answer(const json::object& reply, const coolpapers::test::ResolutionExample& row) {
  CHECK(reply.at("ok").as_bool() == row.url.has_value());
  if (row.url) {
    CHECK(str(reply.at("url")) == *row.url);
    CHECK((reply.if_contains("truncated") != nullptr) == row.truncated);
    if (!row.family.empty()) CHECK(str(reply.at("family")) == row.family);
  } else if (!row.message.empty()) {
    std::string message = str(reply.at("error").at("message"));
    CHECK(message.find(row.message) != std::string::npos);
  }
}

}  // namespace

TEST_CASE("every example of the contract holds through resolve and resolveBatch, in process") {
  const auto& rows = coolpapers::test::resolution_examples();
  json::array items;
  for (const auto& row : rows) {
    CAPTURE(row.where());
    json::object request = item_of(row);
    items.push_back(request);
    request["type"] = "resolve";
    check_answer(parse_reply(reply_to(request)), row);
  }
  json::object batch{{"type", "resolveBatch"}, {"items", items}};
  json::object reply = parse_reply(reply_to(batch));
  REQUIRE(reply.at("ok").as_bool());
  const json::array& results = reply.at("results").as_array();
  REQUIRE(results.size() == rows.size());
  for (std::size_t i = 0; i < rows.size(); ++i) {
    CAPTURE(rows[i].where());
    check_answer(results[i].as_object(), rows[i]);
  }
}

TEST_CASE("pageMeta: an object of strings; unknown tags ignored; a clear error otherwise") {
  json::object request{{"type", "resolve"},
                       {"pageUrl", "https://paperswithcode.com/paper/lora"},
                       {"pageMeta", json::object{{"og:title", "LoRA"}, {"citation_title", "LoRA: Low-Rank Adaptation"}}}};
  json::object reply = parse_reply(reply_to(request));
  CHECK(str(reply.at("url")) ==
        "https://papers.cool/arxiv/search?highlight=1&query=LoRA%20Low-Rank%20Adaptation");
  CHECK(str(reply.at("field")) == "pageMeta");

  // og:title alone does not make the page a paper.
  request["pageMeta"] = json::object{{"og:title", "LoRA"}};
  reply = parse_reply(reply_to(request));
  CHECK(reply.at("ok").as_bool() == false);

  request["pageMeta"] = "LoRA";
  reply = parse_reply(reply_to(request));
  CHECK(error_code_of(reply) == "bad_request");
  CHECK(str(reply.at("error").at("field")) == "pageMeta");
  request["pageMeta"] = json::object{{"citation_title", 3}};
  reply = parse_reply(reply_to(request));
  CHECK(error_code_of(reply) == "bad_request");
}
