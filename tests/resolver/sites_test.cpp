// The families as a list of sites: display names, the extension's match
// patterns (validated strictly when a user file gives them), and the words
// help texts build from them.
#include <algorithm>

#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>

#include "coolpapers/sites.hpp"
#include "test_support.hpp"

using namespace coolpapers;

namespace {

const FamilyInfo* find_family(const std::vector<FamilyInfo>& families, std::string_view name) {
  auto it = std::find_if(families.begin(), families.end(), [&](const FamilyInfo& f) { return f.name == name; });
  return it == families.end() ? nullptr : &*it;
}

std::string family_file(const std::string& family_members) {
  return R"J({"families":[{"name":"mysite","page":"venue",)J" + family_members + "}]}";
}

ConfigError load_error(const std::string& json) {
  auto r = Resolver::create({}, {{"my-rules.json", json}});
  REQUIRE_FALSE(r);
  return r.error();
}

}  // namespace

TEST_CASE("every built-in family has a display name and patterns for the extension") {
  std::vector<FamilyInfo> families = test::builtin().families();
  REQUIRE(families.size() >= 9);
  for (const auto& family : families) {
    CAPTURE(family.name);
    CHECK(family.source == "built-in");
    CHECK_FALSE(family.display_name.empty());
    CHECK_FALSE(family.page_patterns.empty());
  }
  const FamilyInfo* arxiv = find_family(families, "arxiv");
  REQUIRE(arxiv);
  CHECK(arxiv->display_name == "arXiv");
  CHECK(arxiv->arxiv_page);
  CHECK_FALSE(arxiv->listing);
  CHECK(std::count(arxiv->pdf_patterns.begin(), arxiv->pdf_patterns.end(), "*://arxiv.org/pdf/*") == 1);
  CHECK(std::count(arxiv->content_script_patterns.begin(), arxiv->content_script_patterns.end(),
                   "https://arxiv.org/abs/*") == 1);
  const FamilyInfo* acl = find_family(families, "acl");
  REQUIRE(acl);
  CHECK(acl->display_name == "ACL Anthology");
  CHECK_FALSE(acl->arxiv_page);
  const FamilyInfo* listing = find_family(families, "listing");
  REQUIRE(listing);
  CHECK(listing->listing);
}

TEST_CASE("the supported sites in words come from the families, without the listing fallback") {
  std::vector<std::string> names = supported_site_names(test::builtin().families());
  REQUIRE(names.size() >= 8);
  CHECK(names.front() == "arXiv");
  CHECK(std::find(names.begin(), names.end(), "arXiv listings") == names.end());
  CHECK(join_site_names({}) == "");
  CHECK(join_site_names({"A"}) == "A");
  CHECK(join_site_names({"A", "B"}) == "A and B");
  CHECK(join_site_names({"A", "B", "C"}) == "A, B and C");
  CHECK(wrap_words("aa bb cc", 5) == "aa bb\ncc\n");
  CHECK(wrap_words("averylongword b", 4) == "averylongword\nb\n");
  CHECK(wrap_words("", 10) == "");
}

TEST_CASE("a user family gets its display name and page patterns; a user site is listed") {
  const char* rules = R"J({"families":[{"name":"mysite","display":"My Site","page":"venue",
    "page_patterns":["*://mysite.example/paper/*","https://*.mysite.example/p/*"],
    "pdf_patterns":["*://mysite.example/pdf/*"]}],
    "rules":[{"id":"mysite","family":"mysite","pattern":"mysite\\.example/paper/([0-9]+)","output":"{1}@MySite"}]})J";
  auto resolver = Resolver::create({}, {{"my-rules.json", rules}});
  REQUIRE(resolver);
  std::vector<FamilyInfo> families = resolver->families();
  REQUIRE(families.size() == test::builtin().families().size() + 1);
  const FamilyInfo& mine = families.back();
  CHECK(mine.name == "mysite");
  CHECK(mine.display_name == "My Site");
  CHECK(mine.source == "my-rules.json");
  CHECK(mine.page_patterns == std::vector<std::string>{"*://mysite.example/paper/*", "https://*.mysite.example/p/*"});
  CHECK(mine.pdf_patterns == std::vector<std::string>{"*://mysite.example/pdf/*"});
  CHECK(supported_site_names(families).back() == "My Site");
}

TEST_CASE("a user file that redefines a family keeps what it does not give") {
  auto resolver = Resolver::create({}, {{"my-rules.json", R"J({"families":[{"name":"pmlr","page":"venue",
    "page_patterns":["*://mlr.example/*"]}]})J"}});
  REQUIRE(resolver);
  std::vector<FamilyInfo> families = resolver->families();
  const FamilyInfo* pmlr = find_family(families, "pmlr");
  REQUIRE(pmlr);
  CHECK(pmlr->display_name == "PMLR");
  CHECK(pmlr->page_patterns == std::vector<std::string>{"*://mlr.example/*"});
  CHECK(pmlr->source == "my-rules.json");
}

TEST_CASE("a family without a display name is shown by its name") {
  auto resolver = Resolver::create({}, {{"my-rules.json", family_file(R"J("page_patterns":[])J")}});
  REQUIRE(resolver);
  CHECK(resolver->families().back().display_name == "mysite");
  CHECK(resolver->families().back().page_patterns.empty());
}

TEST_CASE("bad match patterns and display names are refused with their place") {
  struct Case {
    std::string members;
    const char* message_part;
    const char* offending;
  };
  for (const Case& c : std::initializer_list<Case>{
           {R"("page_patterns":"*://a.example/*")", "must be an array", "families[0].page_patterns"},
           {R"("page_patterns":[42])", "must be a string", "families[0].page_patterns[0]"},
           {R"("page_patterns":["a.example/*"])", "no \"://\"", "families[0].page_patterns[0]"},
           {R"("page_patterns":["ftp://a.example/*"])", "scheme must be", "families[0].page_patterns[0]"},
           {R"("page_patterns":["file:///home/*"])", "scheme must be", "families[0].page_patterns[0]"},
           {R"("page_patterns":["<all_urls>"])", "no \"://\"", "families[0].page_patterns[0]"},
           {R"("pdf_patterns":["https://a.example"])", "no path", "families[0].pdf_patterns[0]"},
           {R"("page_patterns":["https://a.example:8080/*"])", "port", "families[0].page_patterns[0]"},
           {R"("page_patterns":["https://A.example/*"])", "lower-case", "families[0].page_patterns[0]"},
           {R"("page_patterns":["https://a*.example/*"])", "the host must be", "families[0].page_patterns[0]"},
           {R"("page_patterns":["https://a..example/*"])", "the host must be", "families[0].page_patterns[0]"},
           {R"("page_patterns":["https:///*"])", "the host must be", "families[0].page_patterns[0]"},
           {R"("page_patterns":["https://a.example/a b"])", "printable ASCII", "families[0].page_patterns[0]"},
           {R"("content_script_patterns":["https://a.example/*"])", "only read from the built-in table",
            "families[0].content_script_patterns"},
           {R"("display":"")", "\"display\" must be a name", "families[0].display"},
           {R"("display":"a\nb")", "\"display\" must be a name", "families[0].display"},
           {R"("display":42)", "\"display\" must be a non-empty string", "families[0].display"},
       }) {
    CAPTURE(c.members);
    ConfigError e = load_error(family_file(c.members));
    CHECK(e.source == "my-rules.json");
    CHECK(e.message.find(c.message_part) != std::string::npos);
    CHECK(e.offending == c.offending);
  }
  std::string many = R"("page_patterns":[)";
  for (int i = 0; i < 65; ++i) many += std::string(i ? "," : "") + "\"*://a.example/*\"";
  ConfigError e = load_error(family_file(many + "]"));
  CHECK(e.message.find("at most 64") != std::string::npos);
  e = load_error(family_file(R"("page_patterns":["*://a.example/)" + std::string(300, 'x') + "\"]"));
  CHECK(e.message.find("longer than 256") != std::string::npos);
}

TEST_CASE("families() is exactly the built-in table's families, so a family added there needs no other edit") {
  namespace json = boost::json;
  const json::value parsed = json::parse(builtin_rules_json());
  const json::array& table = parsed.as_object().at("families").as_array();
  std::vector<FamilyInfo> families = test::builtin().families();
  REQUIRE(families.size() == table.size());
  auto strings = [](const json::object& family, std::string_view key) {
    std::vector<std::string> out;
    if (const json::value* list = family.if_contains(key))
      for (const auto& item : list->as_array()) out.emplace_back(item.as_string());
    return out;
  };
  for (std::size_t i = 0; i < table.size(); ++i) {
    const json::object& expected = table[i].as_object();
    const FamilyInfo& actual = families[i];
    CAPTURE(actual.name);
    CHECK(actual.name == std::string_view(expected.at("name").as_string()));
    const json::value* display = expected.if_contains("display");
    CHECK(actual.display_name == std::string_view(display ? display->as_string() : expected.at("name").as_string()));
    CHECK(actual.arxiv_page == (expected.at("page").as_string() == "arxiv"));
    CHECK(actual.page_patterns == strings(expected, "page_patterns"));
    CHECK(actual.pdf_patterns == strings(expected, "pdf_patterns"));
    CHECK(actual.content_script_patterns == strings(expected, "content_script_patterns"));
  }
}
