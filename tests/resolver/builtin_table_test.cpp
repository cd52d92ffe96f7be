// The built-in table is compiled into the library as C++ data generated from
// resolver/rules.json (cmake/embed_rule_table.cmake): what the resolver
// loaded must be exactly what the file says, read here with a JSON parser.
#include <cctype>
#include <cstdint>
#include <string>
#include <vector>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>

#include "test_support.hpp"

using namespace coolpapers;
namespace json = boost::json;

namespace {

const json::object& table() {
  static const json::value parsed = json::parse(builtin_rules_json());
  return parsed.as_object();
}

std::vector<std::string> strings(const json::object& object, std::string_view key) {
  std::vector<std::string> out;
  if (const json::value* list = object.if_contains(key))
    for (const auto& item : list->as_array()) out.emplace_back(item.as_string());
  return out;
}

}  // namespace

TEST_CASE("rules() lists the rules of rules.json in order, with their pattern, output, literals and examples") {
  const json::array& expected = table().at("rules").as_array();
  std::vector<RuleInfo> rules = test::builtin().rules();
  REQUIRE(rules.size() == expected.size());
  std::size_t examples = 0;
  for (std::size_t i = 0; i < rules.size(); ++i) {
    const json::object& rule = expected[i].as_object();
    CAPTURE(rules[i].id);
    CHECK(rules[i].id == std::string_view(rule.at("id").as_string()));
    CHECK(rules[i].family == std::string_view(rule.at("family").as_string()));
    CHECK(rules[i].pattern == std::string_view(rule.at("pattern").as_string()));
    CHECK(rules[i].output == std::string_view(rule.at("output").as_string()));
    CHECK(rules[i].literals == strings(rule, "literals"));
    CHECK(rules[i].source == "built-in");
    const std::size_t count = rule.contains("examples") ? rule.at("examples").as_array().size() : 0;
    CHECK(rules[i].examples == count);
    examples += count;
  }
  // Each example ran, and passed (their answers are checked in
  // rule_examples_test.cpp).
  ExampleReport report = test::builtin().run_examples();
  CHECK(report.passed + report.failures.size() == examples);
}

TEST_CASE("a URL on each host of rules.json's sites_without_rule gets that site's message") {
  for (const auto& item : table().at("sites_without_rule").as_array()) {
    const json::object& site = item.as_object();
    std::vector<std::string> paths = strings(site, "paths");
    for (const std::string& host : strings(site, "hosts")) {
      std::string url = "https://" + host + (paths.empty() ? "/some/page" : paths.front() + "some-page");
      CAPTURE(url);
      Resolution r = test::builtin().resolve(url, Field::page_url);
      CHECK(r.error == ErrorCode::no_match);
      CHECK(r.site_without_rule == std::string_view(site.at("name").as_string()));
    }
  }
}

TEST_CASE("a user rule's examples are kept after its file's text is gone") {
  std::vector<RuleSource> sources{{"mine.json", R"J({"families":[{"name":"mine","page":"venue"}],"rules":[
    {"id":"mine","family":"mine","literals":["mine.org"],"pattern":"mine\\.org/p/([0-9]+)","output":"{1}@Mine",
     "examples":[{"input":"https://mine.org/p/7","field":"page","url":"https://papers.cool/venue/7@Mine"},
                 {"input":"https://mine.org/p/x","field":"page","url":null}]}]})J"}};
  auto resolver = Resolver::create({}, sources);
  REQUIRE(resolver);
  sources.clear();  // the file's text, and with it the parsed tree, is gone
  ExampleReport report = resolver->run_examples();
  CHECK(report.failures.empty());
  CHECK(report.passed == test::builtin().run_examples().passed + 2);
}

namespace {

// The patterns of the rules rewritten so that RE2 runs them with its
// one-pass engine (cheaper than BitState, which an anchored search of any
// other pattern uses), as they were before: the reference the rewritten
// table must answer exactly like. Rules split in two had one
// pattern for both; their new halves are switched off in the reference.
struct OldRule {
  const char* id;
  const char* pattern;
};
constexpr OldRule kOldRules[] = {
    {"arxiv-old",
     R"((?:^|[^A-Za-z0-9_.-])(acc-phys|adap-org|alg-geom|ao-sci|astro-ph|atom-ph|bayes-an|chao-dyn|chem-ph|cmp-lg|comp-gas|cond-mat|cs|dg-ga|funct-an|gr-qc|hep-ex|hep-lat|hep-ph|hep-th|math-ph|math|mtrl-th|nlin|nucl-ex|nucl-th|patt-sol|physics|plasm-ph|q-alg|q-bio|quant-ph|solv-int|supr-con)(?:\.[A-Za-z]+(?:-[A-Za-z]+)?)?/((?:9[1-9]|0[0-7])(?:0[1-9]|1[0-2])[0-9]{3})(?:v[0-9]+)?(?:[^0-9]|$))"},
    {"arxiv-old-doi",
     R"((?i:arxiv)\.(acc-phys|adap-org|alg-geom|ao-sci|astro-ph|atom-ph|bayes-an|chao-dyn|chem-ph|cmp-lg|comp-gas|cond-mat|cs|dg-ga|funct-an|gr-qc|hep-ex|hep-lat|hep-ph|hep-th|math-ph|math|mtrl-th|nlin|nucl-ex|nucl-th|patt-sol|physics|plasm-ph|q-alg|q-bio|quant-ph|solv-int|supr-con)(?:\.[A-Za-z]+(?:-[A-Za-z]+)?)?/((?:9[1-9]|0[0-7])(?:0[1-9]|1[0-2])[0-9]{3})(?:v[0-9]+)?(?:[^0-9]|$))"},
    {"openreview", R"((?i:openreview\.net)/(?:forum|pdf|attachment|revisions)/?\?(?:[^\s#?&]*&(?:amp;)?)*?id=([A-Za-z0-9_-]+))"},
    {"acl-anthology",
     R"((?i:aclanthology\.org|aclweb\.org/anthology)/(?:[A-Z]/[A-Z][0-9]{2}/)?([0-9]{4}\.[a-z0-9]+-[a-z0-9]+\.[0-9]+|[A-Z][0-9]{2}-[0-9]{4})(?:v[0-9]+)?(?:[^A-Za-z0-9_.-]|\.[^0-9]|\.?$))"},
    {"acl-doi", R"(10\.18653/v1/([0-9]{4}\.[a-z0-9]+-[a-z0-9]+\.[0-9]+|[A-Z][0-9]{2}-[0-9]{4})(?:[^A-Za-z0-9_.-]|\.[^0-9]|\.?$))"},
    {"pmlr",
     R"((?i:proceedings\.mlr\.press|jmlr\.org/proceedings/papers)/v([0-9]+)/([A-Za-z0-9_-]+)(?:\.html?|\.pdf|/[A-Za-z0-9_-]+\.pdf|/?(?:[^A-Za-z0-9_./-]|$)))"},
    {"aaai-doi", R"(10\.1609/(?i:aaai)\.v(?:3[4-9]|[4-9][0-9]|[1-9][0-9]{2,})i[0-9]+\.([0-9]+)(?:[^0-9]|$))"},
    // The IJCAI number as it was read (leading zeros dropped, "0*([0-9]+)"),
    // except that it must hold a digit other than 0: a number of zeros only
    // is no paper now (docs/resolution.md), where it used to be paper 0.
    {"ijcai", R"((?i:ijcai\.org/proceedings)/((?:19|20)[0-9]{2})/0*([0-9]*[1-9][0-9]*)(?:\.pdf)?(?:[^0-9A-Za-z_]|$))"},
    {"ijcai-doi", R"(10\.24963/(?i:ijcai)\.((?:19|20)[0-9]{2})/0*([0-9]*[1-9][0-9]*)(?:[^0-9]|$))"},
};
constexpr const char* kSplitOff[] = {"openreview-later-id", "acl-anthology-old-path"};

// The built-in table with the old patterns put back (a user file replaces a
// rule of the same id in place, with the same family, literals and output).
const Resolver& reference() {
  static const Resolver resolver = [] {
    json::array rules;
    for (const json::value& item : table().at("rules").as_array()) {
      const json::object& rule = item.as_object();
      const std::string_view id = rule.at("id").as_string();
      json::object copy;
      for (const char* key : {"id", "family", "literals", "pattern", "output"})
        if (const json::value* v = rule.if_contains(key)) copy[key] = *v;
      bool keep = false;
      for (const OldRule& old : kOldRules)
        if (id == old.id) {
          copy["pattern"] = old.pattern;
          keep = true;
        }
      for (const char* split : kSplitOff)
        if (id == split) {
          copy["pattern"] = R"(\z(x))";  // never matches
          copy["output"] = "{1}";
          copy["literals"] = json::array{"never"};
          keep = true;
        }
      if (keep) rules.push_back(std::move(copy));
    }
    REQUIRE(rules.size() == std::size(kOldRules) + std::size(kSplitOff));
    json::object file;
    file["rules"] = std::move(rules);
    auto created = Resolver::create({}, {{"old-patterns.json", json::serialize(file)}});
    REQUIRE_MESSAGE(created, (created ? "" : created.error().to_string()));
    return *created;
  }();
  return resolver;
}

void check_same(const std::string& text, std::size_t& answers) {
  for (Field field : {Field::page_url, Field::link_url, Field::selection_text}) {
    const Resolution now = test::builtin().resolve(text, field);
    const Resolution old = reference().resolve(text, field);
    if (now.url == old.url && now.ids == old.ids && now.family == old.family && now.error == old.error &&
        now.message == old.message && now.truncated == old.truncated && now.kind == old.kind)
      answers += now.ok();
    else {
      CAPTURE(text);
      CAPTURE(field_name(field));
      CHECK(now.url == old.url);
      CHECK(now.ids == old.ids);
      CHECK(now.family == old.family);
      CHECK(now.message == old.message);
      CHECK(now.truncated == old.truncated);
    }
  }
}

}  // namespace

TEST_CASE("the rules rewritten for RE2's one-pass engine answer as their old patterns did") {
  std::vector<std::string> seeds;
  for (const json::value& rule : table().at("rules").as_array())
    if (const json::value* examples = rule.as_object().if_contains("examples"))
      for (const json::value& example : examples->as_array())
        seeds.emplace_back(example.as_object().at("input").as_string());
  // Each split and each end the rewrites touched.
  for (const char* page : {"forum", "pdf", "attachment", "revisions", "forum/", "group", "Forum"})
    for (const char* query : {"id=A1", "id=", "id=&id=B2", "noteId=x&id=C3", "noteId=x&amp;id=D4", "xid=1&id=E5",
                              "i&id=F6", "id&id=G7", "idx=1&id=H8", "id=.&id=I9", "&id=J1", "&amp;id=K2",
                              "a=1&b=2&amp;id=L3&id=M4", "a=1&amp;amp;id=N5", "a=1&ampid=O6", "id=P7&id=Q8",
                              "a=1 &id=R9", "a#&id=S1", "a=1&id=T2#x", "ID=U3", "a=1&ID=V4", "a=?&id=W5"})
      seeds.push_back(std::string("https://openreview.net/") + page + "?" + query);
  for (const char* host : {"https://aclanthology.org/", "https://www.aclweb.org/anthology/", "ACLWEB.ORG/Anthology/"})
    for (const char* path : {"P/P19/P19-1001", "W/W19/W19-5301v2", "P/P19/2023.acl-long.1", "p/p19/P19-1001",
                             "P/P1/P19-1001", "P/P19P19-1001", "P/P19/P/P19/P19-1001", "PP19-1001", "P19/P19-1001",
                             "P19-1001", "2023.acl-long.1", "2023.acl-long.1.2", "P19-10012", "P19-1001v", "P/P19/"})
      for (const char* end : {"", ".", ".pdf", ".1", "..", "/", "v2", "v2.", "-", "_", "x", " x"})
        seeds.push_back(std::string(host) + path + end);
  for (const char* prefix : {"10.18653/v1/", "doi:10.18653/v1/"})
    for (const char* id : {"P19-1001", "2023.acl-long.1", "2023.acl-long.1v2"})
      for (const char* end : {"", ".", ".pdf", ".1", "..", "/", "-", "x", " "}) seeds.push_back(std::string(prefix) + id + end);
  for (const char* host : {"https://proceedings.mlr.press/", "http://jmlr.org/proceedings/papers/"})
    for (const char* key : {"v37/ioffe15", "v202/kim23a", "v1/a-b_c", "v/x", "v37/"})
      for (const char* end : {"", ".html", ".htm", ".htmx", ".pdf", ".pd", "/", "/kim23a.pdf", "/kim23a-supp.pdf",
                              "/kim23a.pd", "//", "/.", ".", "?x", "#x", " ", "x.y", "/a/b"})
        seeds.push_back(std::string(host) + key + end);
  for (const char* volume : {"1", "3", "30", "33", "34", "39", "40", "99", "100", "300", "330", "339", "3301", "034", "400", ""})
    for (const char* end : {"i1.26000", "i1.26000x", "i1.260001", "i.1", "i01.33013159", "x1.2"})
      seeds.push_back(std::string("https://doi.org/10.1609/AAAI.v") + volume + end);
  for (const char* prefix : {"https://www.ijcai.org/proceedings/", "ijcai.org/Proceedings/", "doi:10.24963/ijcai.",
                             "https://doi.org/10.24963/IJCAI."})
    for (const char* year : {"2023/", "1999/", "2123/", "23/", "2023", "2023//"})
      for (const char* number : {"12", "0012", "0100", "0", "0000", "00a", "1", "", "007"})
        for (const char* end : {"", ".pdf", ".pdfx", ".", "/", "_", "a", " ", "-"})
          seeds.push_back(std::string(prefix) + year + number + end);
  for (const char* before : {"", " ", "x", "_", ".", "-", "/", "arXiv:", "arXiv.", "ARXIV.", "10.48550/arXiv."})
    for (const char* id : {"hep-th/9901001", "math.GT/0309136", "math-ph/0101001", "cond-mat.str-el/0512345",
                           "cs.ai/0102001", "math.GT-x/0309136", "math./0309136", "hep-th/0813001"})
      for (const char* end : {"", "v", "v1", "v12x", "1", "v1 2", ".", "/"}) seeds.push_back(std::string(before) + id + end);

  std::vector<std::string> inputs = seeds;
  for (const std::string& seed : seeds) {
    std::string upper = seed, lower = seed;
    for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    inputs.push_back(upper);
    inputs.push_back(lower);
    for (std::size_t n = 0; n < seed.size(); ++n) inputs.push_back(seed.substr(0, n));  // every end
    for (const char* end : {" ", "/", ".", "v2", "0", "&id=Z9", "&amp;id=Z8", "\"", "#"}) inputs.push_back(seed + end);
  }
  // Several in one text, in both orders (which rule finds which, and the
  // order of the answer).
  for (std::size_t i = 0; i + 7 < seeds.size(); i += 7) {
    inputs.push_back(seeds[i] + " " + seeds[i + 7]);
    inputs.push_back(seeds[i + 7] + "\n" + seeds[i]);
    inputs.push_back(seeds[i] + seeds[i + 3]);
  }
  // More ids than an answer holds, the split rules' ids interleaved.
  std::string many;
  for (int i = 0; i < 60; ++i)
    many += "https://openreview.net/forum?" + std::string(i % 3 ? "id=" : "x=1&id=") + "P" + std::to_string(i % 55) + " ";
  inputs.push_back(many);
  many.clear();
  for (int i = 0; i < 60; ++i)
    many += "aclweb.org/anthology/" + std::string(i % 2 ? "P/P19/" : "") + "P19-" + std::to_string(1000 + i % 52) + " ";
  inputs.push_back(many);
  // Random texts of the pieces these patterns are made of.
  const char* pieces[] = {"openreview.net/", "forum", "pdf", "?", "&", "amp;", "id=", "noteId=", "x", "A", "0", "1",
                          "aclanthology.org/", "aclweb.org/anthology/", "P", "/", "19", "-", "1001", ".", "v", "2",
                          "2023.acl-long.1", "proceedings.mlr.press/", "v37/", "ioffe15", ".html", "10.1609/aaai.v",
                          "34", "i", "10.18653/v1/", "arXiv.", "hep-th", "math", "-ph", "9901001", " ", "#", "_",
                          "ijcai.org/proceedings/", "2023/", "10.24963/ijcai.", "00", "12"};
  std::uint32_t state = 12345;
  auto next = [&state] { return state = state * 1103515245u + 12345u, (state >> 16) & 0x7fff; };
  for (int i = 0; i < 20000; ++i) {
    std::string text;
    for (unsigned n = 3 + next() % 12; n > 0; --n) text += pieces[next() % std::size(pieces)];
    inputs.push_back(text);
  }

  std::size_t answers = 0;
  for (const std::string& text : inputs) check_same(text, answers);
  MESSAGE(inputs.size(), " texts, ", answers, " answers with ids");
  CHECK(answers > 10000);  // the inputs do reach the rules
}
