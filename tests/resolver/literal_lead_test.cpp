// Rules whose every match holds a literal a bounded distance from its start
// are searched from where the literal scan says a match can start; they
// must find exactly what an unanchored search finds.
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>
#include <random>
#include <vector>

#include "literal_lead.hpp"
#include "resolution_examples.hpp"
#include "test_support.hpp"

using namespace coolpapers;
using coolpapers::detail::LiteralLead;
using coolpapers::detail::literal_leads;
namespace json = boost::json;

namespace {

struct TestRule {
  const char* pattern;   // as JSON string content
  const char* literals;  // the JSON array's items
};

// Patterns with leads (the first six; the sixth has one per alternative;
// the last two, 0 to 2 bytes before the literal) and without (the three
// before those: they run unanchored as before).
const TestRule kRules[] = {
    {R"((?i:foo\\.org)/p/([0-9]+))", R"("foo.org")"},
    {R"(10\\.5555/x([0-9]+))", R"("10.5555/")"},
    {R"((?i:ab\\.c)d?/([a-z]+))", R"("ab.c")"},
    {R"((?i:ojs\\.bar\\.org)/v/([0-9]+))", R"("bar.org")"},
    {R"((?i:qq\\.net)/(?:[^\\s#?&]*&)*?id=([A-Za-z0-9]+))", R"("qq.net")"},
    {R"((?i:kk\\.org|ll\\.net/x)/([0-9]+))", R"("kk.org","ll.net")"},
    {R"(zz+y/([0-9]+))", R"("zy")"},
    // UTF-8 mode (a non-ASCII character): "(?i:k)" also matches the Kelvin
    // sign, which the literal scan does not see as a "k".
    {"(?i:kq\\\\.org)/\xC3\xA9([0-9]+)", R"("kq.org")"},
    {R"(mm\\.org/([0-9]+)|nn\\.org/([0-9]+))", R"("m.org")"},
    {R"((?:^|[^0-9.]|(?:^|[^0-9])\\.)([0-9]{4}\\.[0-9]{4,5})(?:v[0-9]+)?(?:[^0-9]|$))", R"("####.####")"},
    {R"((?:^|[^a-z]|x-)(?i:ab\\.de)/([0-9]+))", R"("ab.de")"},
};

// What the lead reader does not follow (\Q\E, an empty quoted text; JSON string content below),
// put before a pattern: the same matches, no leads, so it is searched
// unanchored.
constexpr const char* kNoLeads = R"(\\Q\\E)";

// A resolver with one family "t" holding kRules; with `wrapped`, every
// pattern begins with kNoLeads.
Resolver make(bool wrapped) {
  std::string rules = R"({"families":[{"name":"t","page":"venue"}],"rules":[)";
  int n = 0;
  for (const TestRule& rule : kRules) {
    std::string pattern = wrapped ? std::string(kNoLeads) + rule.pattern : rule.pattern;
    if (n > 0) rules += ",";
    rules += R"({"id":"t)" + std::to_string(n++) + R"(","family":"t","literals":[)" + rule.literals +
             R"(],"pattern":")" + pattern + R"(","output":"{1}@T"})";
  }
  rules += "]}";
  auto resolver = Resolver::create({}, {{"lead-test.json", rules}});
  REQUIRE_MESSAGE(resolver, (resolver ? "" : resolver.error().to_string()));
  // A rule's first few texts go to its few-texts matcher (rule.hpp): give
  // every rule those, so what follows is searched at the leads.
  for (int i = 0; i < 20; ++i)
    resolver->resolve("foo.org 10.5555/ ab.c bar.org qq.net zy m.org kk.org ll.net 2312.0000 ab.de kq.org",
                      Field::selection_text);
  return *resolver;
}

std::string answer(const Resolver& resolver, const std::string& text) {
  Resolution r = resolver.resolve(text, Field::selection_text);
  return r.ok() ? r.url : "(" + r.message + ")";
}

}  // namespace

TEST_CASE("a rule that starts with its literal finds the ids an unanchored search finds") {
  const Resolver anchored = make(false);
  const Resolver unanchored = make(true);
  // Literal occurrences where no match starts (the anchored try fails and
  // the search goes on), case variants, ids next to each other.
  for (const char* text : {"foo.org/p/12", "FOO.org/p/3 and foo.org/q/4 then Foo.Org/p/5", "foo.org/q/1 foo.org/p/2",
                           "10.5555/y1 10.5555/x2", "10.5555/X3", "ab.cd/xyz ab.c/q AB.C/r", "ojs.bar.org/v/9",
                           "bar.org/v/1 OJS.BAR.ORG/v/2", "qq.net/a&b&id=Z9", "qq.net/?x id=1 qq.net/c&id=2",
                           "zzzy/7 zy/8", "nn.org/5 mm.org/6", "ll.net/x/1 kk.org/2", "LL.NET/y/3 KK.org/4 ll.net/x/5",
                           "2312.00001", ".2312.00002", "..2312.00003", "1.2312.00004 a.2312.00005", "x-ab.de/1",
                           "1ab.de/2 zab.de/3 ab.de/4", "12312.00001 2312.000012 v2312.00006v2",
                           // More occurrences where no match starts than
                           // the rounds of tries (rule.hpp's kLeadRounds)
                           // before the one that matches.
                           "12312.00001 12312.00002 12312.00003 12312.00004 12312.00005 12312.00006 2312.00007",
                           "foo.org/q/1 foo.org/q/2 foo.org/q/3 foo.org/q/4 foo.org/q/5 foo.org/p/6",
                           "10.5555/y 10.5555/y 10.5555/y 10.5555/y 10.5555/y 10.5555/x7"}) {
    CAPTURE(text);
    CHECK(answer(anchored, text) == answer(unanchored, text));
  }
  CHECK(answer(anchored, "FOO.org/p/3 and foo.org/q/4 then Foo.Org/p/5") == "https://papers.cool/venue/3@T,5@T");
  CHECK(answer(anchored, "foo.org/q/1 foo.org/p/2") == "https://papers.cool/venue/2@T");
  CHECK(answer(anchored, "foo.org/q/1 foo.org/q/2 foo.org/q/3 foo.org/q/4 foo.org/q/5 foo.org/p/6") ==
        "https://papers.cool/venue/6@T");
  CHECK(answer(anchored, "10.5555/y 10.5555/y 10.5555/y 10.5555/y 10.5555/y 10.5555/x7") ==
        "https://papers.cool/venue/7@T");
  CHECK(answer(anchored, "bar.org/v/1 OJS.BAR.ORG/v/2") == "https://papers.cool/venue/2@T");
  CHECK(answer(anchored, "LL.NET/y/3 KK.org/4 ll.net/x/5") == "https://papers.cool/venue/4@T,5@T");
  CHECK(answer(anchored, "\xE2\x84\xAAq.org/\xC3\xA9" "1 kq.org/\xC3\xA9" "2") ==
        answer(unanchored, "\xE2\x84\xAAq.org/\xC3\xA9" "1 kq.org/\xC3\xA9" "2"));
  CHECK(answer(anchored, "\xE2\x84\xAAq.org/\xC3\xA9" "1 kq.org/\xC3\xA9" "2") == "https://papers.cool/venue/1@T,2@T");

  // Random texts from pieces of all of the above.
  const std::vector<std::string> pieces = {"foo.org", "FOO.ORG", "/p/", "/q/", "12", "7", "10.5555/", "x", "X", "y",
                                           "ab.c", "d", "/", "abc", "ojs.", "bar.org", "/v/", "qq.net/", "&", "id=",
                                           "?", "#", " ", "zz", "zy", "mm.org/", "nn.org/", "-", ".", "kk.org", "LL.net/x", "ll.net",
                                           "2312", "0001", "00012", "v2", "x-", "ab.de/", "AB.DE/", "1", ".."};
  std::mt19937 random(13);
  for (int i = 0; i < 3000; ++i) {
    std::string text;
    int count = 1 + static_cast<int>(random() % 12);
    for (int k = 0; k < count; ++k) text += pieces[random() % pieces.size()];
    CAPTURE(text);
    REQUIRE(answer(anchored, text) == answer(unanchored, text));
  }
}

namespace {

std::vector<std::string> lits(std::initializer_list<const char*> items) { return {items.begin(), items.end()}; }

std::string describe(const detail::Leads& leads) {
  std::string out;
  for (const LiteralLead& lead : leads.literals)
    out += std::to_string(lead.literal) + "@" + std::to_string(lead.min_offset) + "-" + std::to_string(lead.max_offset) + " ";
  return out;
}

// The bytes each shape allows before its literal, as "offset:" and per
// place the allowed bytes among `sample` ("^" first when at the text start).
std::string shapes(const detail::Leads& leads, std::string_view sample) {
  std::string out;
  for (const detail::LeadShape& shape : leads.shapes) {
    out += std::to_string(shape.offset) + ":" + (shape.at_text_start ? "^" : "");
    for (const auto& allowed : shape.before) {
      out += "[";
      for (char c : sample)
        if (allowed[static_cast<unsigned char>(c)]) out += c;
      out += "]";
    }
    out += " ";
  }
  return out;
}

}  // namespace

TEST_CASE("the lead reader places literals on every way through a pattern's first bytes") {
  // Fixed text, case-insensitive groups, alternatives with one literal each.
  CHECK(describe(literal_leads(R"((?i:openreview\.net)/(?:forum|pdf)/?\?id=([A-Za-z0-9_-]+))", lits({"openreview.net"}))) == "0@0-0 ");
  CHECK(describe(literal_leads(R"((?i:ojs\.aaai\.org)/index)", lits({"aaai.org"}))) == "0@4-4 ");
  CHECK(describe(literal_leads(R"((?i:proceedings\.mlr\.press|jmlr\.org/proceedings/papers)/v([0-9]+))",
                               lits({"mlr.press", "jmlr.org/proceedings"}))) == "0@12-12 1@0-0 ");
  // A boundary of 0 to 2 bytes, then classes that are the literal's shape.
  CHECK(describe(literal_leads(R"((?:^|[^0-9.]|(?:^|[^0-9])\.)((?:1[5-9]|[2-9][0-9])(?:0[1-9]|1[0-2])\.[0-9]{5}|(?:07(?:0[4-9]|1[0-2])|0[89](?:0[1-9]|1[0-2])|1[0-4](?:0[1-9]|1[0-2]))\.[0-9]{4})(?:v[0-9]+)?(?:[^0-9]|$))",
                               lits({"####.####"}))) == "0@0-2 ");
  // (The ways "^." and "[^0-9.]" both put the literal 1 byte in: their
  // shapes are one, which allows what either allows.)
  CHECK(shapes(literal_leads(R"((?:^|[^0-9.]|(?:^|[^0-9])\.)([0-9]{4}\.[0-9]{4}))", lits({"####.####"})), "a1./") ==
        "0:^ 1:[a./] 2:[a./][.] ");
  CHECK(shapes(literal_leads(R"((?:^|[^0-9.]\.?|\.\.)([0-9]{4}\.[0-9]{4}))", lits({"####.####"})), "a1./") ==
        "0:^ 1:[a/] 2:[a./][.] ");
  CHECK(shapes(literal_leads(R"(^\.([0-9]{4}\.[0-9]{4}))", lits({"####.####"})), "a1./") == "1:^[.] ");
  CHECK(shapes(literal_leads(R"((?:^|)x([0-9]{4}))", lits({"####"})), "x") == "1:[x] ");  // not every way begins at ^
  CHECK(shapes(literal_leads(R"((?i:ojs\.aaai\.org)/index)", lits({"aaai.org"})), "oOjJsS.a") == "4:[oO][jJ][sS][.] ");
  CHECK(describe(literal_leads(R"(\d{4}\.\d{4}\b)", lits({"####.####"}))) == "0@0-0 ");
  CHECK(describe(literal_leads(R"((?P<host>(?i:ab\.de))/(\d+))", lits({"ab.de"}))) == "0@0-0 ");
  CHECK(describe(literal_leads(R"(x{2,3}abc)", lits({"abc"}))) == "0@2-3 ");  // a count that varies a little
  CHECK(describe(literal_leads(R"(x{2}abc)", lits({"abc"}))) == "0@2-2 ");
  CHECK(describe(literal_leads(R"(a?bcd)", lits({"bcd"}))) == "0@0-1 ");     // "abcd" or "bcd": both followed
  CHECK(describe(literal_leads(R"(a{0,4}bcd)", lits({"bcd"}))).empty());     // too many counts to follow
  CHECK(describe(literal_leads(R"(a*bcd)", lits({"bcd"}))).empty());
  CHECK(describe(literal_leads(R"((?:a|)bcd)", lits({"bcd"}))) == "0@0-1 ");   // but alternatives are followed
  // Classes wider than the literal's: no leads.
  CHECK(describe(literal_leads(R"([0-9a]{4}\.[0-9]{4})", lits({"####.####"}))).empty());
  CHECK(describe(literal_leads(R"(.bc)", lits({"abc"}))).empty());
  CHECK(describe(literal_leads(R"((?i:a)bc)", lits({"abc"}))) == "0@0-0 ");  // the scan ignores case too
  CHECK(describe(literal_leads(R"([aA]bc)", lits({"abc"}))) == "0@0-0 ");
  // Not followed: Unicode classes, quoting, flags, back references, too far in.
  CHECK(literal_leads(R"(\pLabc)", lits({"abc"})).empty());
  CHECK(literal_leads(R"(\Q\Eabc)", lits({"abc"})).empty());
  CHECK(literal_leads(R"((?i)abc)", lits({"abc"})).empty());
  CHECK(literal_leads(R"([[:alpha:]]abc)", lits({"abc"})).empty());
  CHECK(literal_leads(std::string(20, 'x') + "abc", lits({"abc"})).empty());
  CHECK(!literal_leads(std::string(16, 'x') + "abc", lits({"abc"})).empty());
  CHECK(literal_leads(R"(abc)", {}).empty());
  // Malformed text gives no leads, never a crash.
  for (const char* bad : {"(", ")", "[abc", "a{", "a{2", "\\", "(?P<x", "|", "a||b", "*a", "[z-a]"}) {
    CAPTURE(bad);
    CHECK_NOTHROW(literal_leads(bad, lits({"abc"})));
  }
}

TEST_CASE("the built-in rules find with their leads what they find without") {
  // The built-in table, and the same rules redefined without leads (same
  // ids, so they replace the built-in ones in place).
  json::object table = json::parse(builtin_rules_json()).as_object();
  json::array rules;
  for (const json::value& rule : table.at("rules").as_array()) {
    json::object copy = rule.as_object();
    copy["pattern"] = R"(\Q\E)" + std::string(copy.at("pattern").as_string());  // kNoLeads, unescaped
    copy.erase("examples");
    rules.push_back(copy);
  }
  json::object user;
  user["rules"] = rules;
  const auto with_leads = Resolver::create({});
  const auto without = Resolver::create({}, {{"no-leads.json", json::serialize(user)}});
  REQUIRE(with_leads);
  REQUIRE_MESSAGE(without, (without ? "" : without.error().to_string()));
  // Past every rule's few texts (rule.hpp), so the examples below are
  // searched at the leads.
  for (int round = 0; round < 16; ++round) REQUIRE(with_leads->run_examples().failures.empty());
  auto same = [&](const Request& request) {
    Resolution a = with_leads->resolve(request), b = without->resolve(request);
    CHECK(a.url == b.url);
    CHECK(a.message == b.message);
    CHECK(a.ids == b.ids);
  };
  for (const auto& example : test::resolution_examples()) {
    CAPTURE(example.where());
    Request request;
    for (const auto& [member, text] : example.request) request.set(*field_from_name(member), text);
    same(request);
  }
  // Random texts of id pieces, boundaries and hosts.
  const std::vector<std::string> pieces = {
      "2312", "0704", "1412", ".", "..", "00001", "1234", "v2", "/", "arXiv:", "arxiv.org/abs/", "1", "a", " ",
      "-", "10.1111/j.1365-2966.", "openreview.net/forum?id=", "AbC_9", "&", "ijcai.org/proceedings/2023/",
      "0292", "aclanthology.org/", "2023.acl-long.1", "P19-1001", "10.18653/v1/", "proceedings.mlr.press/v202/",
      "smith23a", ".html", "hep-th/", "9901001", "corr/abs-", "2312-00001", "ojs.aaai.org/index.php/AAAI/article/view/",
      "10.1609/aaai.v38i1.", "arxiv.org/list/", "cs.LG", "thecvf.com/content/CVPR2023/html/", "_CVPR_2023_paper.html"};
  std::mt19937 random(29);
  for (int i = 0; i < 4000; ++i) {
    std::string text;
    int count = 1 + static_cast<int>(random() % 10);
    for (int k = 0; k < count; ++k) text += pieces[random() % pieces.size()];
    CAPTURE(text);
    Request request;
    request.set(i % 2 ? Field::selection_text : Field::page_url, text);
    same(request);
  }
}
