// Rules whose pattern begins with fixed text holding a literal are run
// anchored where the literal scan says a match can start; they must find
// exactly what an unanchored search finds.
#include <random>
#include <vector>

#include "test_support.hpp"

using namespace coolpapers;

namespace {

struct TestRule {
  const char* pattern;   // as JSON string content
  const char* literals;  // the JSON array's items
};

// Patterns with leads (the first six; the sixth has one per alternative)
// and without (the last three: they run unanchored as before).
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
};

// A resolver with one family "t" holding kRules; with `wrapped`, every
// pattern is put in a non-capturing group, which has the same matches but
// no lead, so it is searched unanchored.
Resolver make(bool wrapped) {
  std::string rules = R"({"families":[{"name":"t","page":"venue"}],"rules":[)";
  int n = 0;
  for (const TestRule& rule : kRules) {
    std::string pattern = wrapped ? std::string("(?:") + rule.pattern + ")" : rule.pattern;
    if (n > 0) rules += ",";
    rules += R"({"id":"t)" + std::to_string(n++) + R"(","family":"t","literals":[)" + rule.literals +
             R"(],"pattern":")" + pattern + R"(","output":"{1}@T"})";
  }
  rules += "]}";
  auto resolver = Resolver::create({}, {{"lead-test.json", rules}});
  REQUIRE_MESSAGE(resolver, (resolver ? "" : resolver.error().to_string()));
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
                           "zzzy/7 zy/8", "nn.org/5 mm.org/6", "ll.net/x/1 kk.org/2", "LL.NET/y/3 KK.org/4 ll.net/x/5"}) {
    CAPTURE(text);
    CHECK(answer(anchored, text) == answer(unanchored, text));
  }
  CHECK(answer(anchored, "FOO.org/p/3 and foo.org/q/4 then Foo.Org/p/5") == "https://papers.cool/venue/3@T,5@T");
  CHECK(answer(anchored, "foo.org/q/1 foo.org/p/2") == "https://papers.cool/venue/2@T");
  CHECK(answer(anchored, "bar.org/v/1 OJS.BAR.ORG/v/2") == "https://papers.cool/venue/2@T");
  CHECK(answer(anchored, "LL.NET/y/3 KK.org/4 ll.net/x/5") == "https://papers.cool/venue/4@T,5@T");
  CHECK(answer(anchored, "\xE2\x84\xAAq.org/\xC3\xA9" "1 kq.org/\xC3\xA9" "2") ==
        answer(unanchored, "\xE2\x84\xAAq.org/\xC3\xA9" "1 kq.org/\xC3\xA9" "2"));
  CHECK(answer(anchored, "\xE2\x84\xAAq.org/\xC3\xA9" "1 kq.org/\xC3\xA9" "2") == "https://papers.cool/venue/1@T,2@T");

  // Random texts from pieces of all of the above.
  const std::vector<std::string> pieces = {"foo.org", "FOO.ORG", "/p/", "/q/", "12", "7", "10.5555/", "x", "X", "y",
                                           "ab.c", "d", "/", "abc", "ojs.", "bar.org", "/v/", "qq.net/", "&", "id=",
                                           "?", "#", " ", "zz", "zy", "mm.org/", "nn.org/", "-", ".", "kk.org", "LL.net/x", "ll.net"};
  std::mt19937 random(13);
  for (int i = 0; i < 3000; ++i) {
    std::string text;
    int count = 1 + static_cast<int>(random() % 12);
    for (int k = 0; k < count; ++k) text += pieces[random() % pieces.size()];
    CAPTURE(text);
    REQUIRE(answer(anchored, text) == answer(unanchored, text));
  }
}
