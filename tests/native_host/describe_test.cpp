// `describe`: the loaded families as the extension's menus need them, the
// user's own included, and a reply that stays under Chrome's size limit.
#include <doctest/doctest.h>

#include <string>

#include <boost/json/serialize.hpp>

#include "coolpapers/resolver.hpp"
#include "frames.hpp"
#include "host_limits.hpp"
#include "host_protocol.hpp"

using coolpapers::host::kMaxReplyBytes;
using coolpapers::host::RequestHandler;
using coolpapers::testing::parse_reply;
namespace json = boost::json;

namespace {

json::object describe(const coolpapers::Resolver& resolver) {
  RequestHandler handler(resolver);
  std::string out;
  handler.handle(R"({"type":"describe"})", out);
  CHECK(out.size() <= kMaxReplyBytes);
  return parse_reply(out);
}

const json::object* family_named(const json::array& families, std::string_view name) {
  for (const auto& f : families)
    if (f.as_object().at("name").as_string() == name) return &f.as_object();
  return nullptr;
}

}  // namespace

TEST_CASE("describe lists the built-in families with display names and match patterns") {
  auto resolver = coolpapers::Resolver::create({});
  REQUIRE(resolver);
  const json::object reply = describe(*resolver);
  CHECK(reply.at("ok") == true);
  CHECK_FALSE(reply.contains("truncated"));
  const json::array& families = reply.at("families").as_array();
  CHECK(families.size() == resolver->families().size());
  const json::object* arxiv = family_named(families, "arxiv");
  REQUIRE(arxiv);
  CHECK(arxiv->at("displayName") == "arXiv");
  CHECK(arxiv->at("page") == "arxiv");
  CHECK(arxiv->at("stage") == "id");
  CHECK(arxiv->at("source") == "built-in");
  CHECK(json::serialize(arxiv->at("pagePatterns")).find("\"*://arxiv.org/abs/*\"") != std::string::npos);
  CHECK(json::serialize(arxiv->at("pdfPatterns")).find("\"*://arxiv.org/pdf/*\"") != std::string::npos);
  CHECK_FALSE(arxiv->contains("contentScriptPatterns"));
  const json::object* acl = family_named(families, "acl");
  REQUIRE(acl);
  CHECK(acl->at("displayName") == "ACL Anthology");
  CHECK(acl->at("page") == "venue");
  CHECK(acl->at("pdfPatterns").as_array().empty());
  const json::object* listing = family_named(families, "listing");
  REQUIRE(listing);
  CHECK(listing->at("stage") == "listing");
}

TEST_CASE("describe includes a user rule file's family, last, with its source") {
  auto resolver = coolpapers::Resolver::create(
      {}, {{"/home/u/.config/coolpapers/rules.json",
            R"J({"families":[{"name":"mine","display":"My \"Site\"","page":"venue",
                 "page_patterns":["*://mine.example/paper/*"]}]})J"}});
  REQUIRE(resolver);
  const json::array families = describe(*resolver).at("families").as_array();
  const json::object& mine = families.back().as_object();
  CHECK(mine.at("name") == "mine");
  CHECK(mine.at("displayName") == "My \"Site\"");
  CHECK(mine.at("source") == "/home/u/.config/coolpapers/rules.json");
  CHECK(json::serialize(mine.at("pagePatterns")) == R"(["*://mine.example/paper/*"])");
}

TEST_CASE("describe stays under the reply limit however many families a rule file has") {
  // 200 families of 2 x 64 patterns of ~250 bytes: about 6 MB of patterns.
  std::string path(230, 'p');
  std::string patterns;
  for (int i = 0; i < 64; ++i) patterns += std::string(i ? "," : "") + "\"*://a.example/" + path + std::to_string(i) + "\"";
  std::string file = R"({"families":[)";
  for (int f = 0; f < 200; ++f)
    file += std::string(f ? "," : "") + R"({"name":"f)" + std::to_string(f) + R"(","page":"venue","page_patterns":[)" +
            patterns + R"(],"pdf_patterns":[)" + patterns + "]}";
  file += "]}";
  auto resolver = coolpapers::Resolver::create({}, {{"big.json", file}});
  REQUIRE(resolver);
  const json::object reply = describe(*resolver);
  CHECK(reply.at("truncated") == true);
  const auto shown = reply.at("families").as_array().size();
  CHECK(shown > 9);
  CHECK(static_cast<std::size_t>(reply.at("omitted").as_int64()) + shown == resolver->families().size());
}
