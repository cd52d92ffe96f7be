// check_manifest_text(): every fault of a manifest's text gets its code and
// a message naming it; a good manifest gets none.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "doctor_browsers.hpp"
#include "doctor_checks.hpp"

using namespace coolpapers::app::doctor;

namespace {

const std::string kId{builtin_extension_id()};

const std::string kGeckoId = "coolpapers@papers.cool";

Environment test_env() {
  Environment env;
  env.extension_id = kId;
  env.gecko_id = kGeckoId;
  return env;
}

std::string firefox_manifest(const std::string& allowed) {
  return R"({"name":"cool.papers.redirector","description":"x","path":"/usr/bin/coolpapers","type":"stdio")" + allowed + "}";
}

std::string manifest(const std::string& path, const std::string& origins,
                     const std::string& name = "\"cool.papers.redirector\"", const std::string& type = "\"stdio\"") {
  return R"({"name":)" + name + R"(,"description":"x","path":)" + path + R"(,"type":)" + type +
         R"(,"allowed_origins":)" + origins + "}";
}

const std::string kOrigins = "[\"chrome-extension://" + kId + "/\"]";

std::vector<std::string> codes(const Registration& r) {
  std::vector<std::string> out;
  for (const auto& p : r.problems) out.push_back(p.code);
  return out;
}

}  // namespace

TEST_CASE("a manifest as the installer writes it has no problems") {
  Registration r;
  check_manifest_text(manifest("\"/usr/bin/coolpapers\"", kOrigins), test_env(), r);
  CHECK(r.problems.empty());
  CHECK(r.host_path == "/usr/bin/coolpapers");
}

TEST_CASE("each fault of a manifest's text is reported with its code and the offending value") {
  struct Case {
    std::string text;
    std::vector<std::string> codes;
    std::string message;  // part of the first problem's message
  };
  const std::vector<Case> cases = {
      {"{\"name\": \"cool.papers.redirector\",", {"bad_json"}, "not valid JSON"},
      {"[1, 2]", {"not_object"}, "not an object"},
      {manifest("\"/usr/bin/coolpapers\"", kOrigins, "\"com.example.other\""), {"wrong_name"},
       "\"name\" is \"com.example.other\"; it must be \"cool.papers.redirector\""},
      {manifest("\"/usr/bin/coolpapers\"", kOrigins, "\"cool.papers.redirector\"", "\"pipe\""), {"wrong_type"},
       "\"type\" is \"pipe\""},
      {manifest("42", kOrigins), {"path_missing"}, "no \"path\" string"},
      {manifest("\"bin/coolpapers\"", kOrigins), {"path_relative"}, "\"path\" bin/coolpapers is not absolute"},
      {R"({"name":"cool.papers.redirector","path":"/x","type":"stdio"})", {"origins_missing"},
       "no \"allowed_origins\" list"},
      {manifest("\"/usr/bin/coolpapers\"", "[\"chrome-extension://aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/\"]"),
       {"origin_missing"}, "does not hold chrome-extension://" + kId + "/"},
      {manifest("\"/usr/bin/coolpapers\"", "[\"chrome-extension://*/\"]"), {"origin_invalid", "origin_missing"},
       "entry \"chrome-extension://*/\" is not of the form"},
      {manifest("\"/usr/bin/coolpapers\"", "[\"chrome-extension://" + kId + "\"]"), {"origin_invalid", "origin_missing"},
       "entry \"chrome-extension://" + kId + "\" is not of the form"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.text);
    Registration r;
    check_manifest_text(c.text, test_env(), r);
    CHECK(codes(r) == c.codes);
    REQUIRE_FALSE(r.problems.empty());
    CHECK_MESSAGE(r.problems[0].message.find(c.message) != std::string::npos, r.problems[0].message);
    for (const auto& p : r.problems) CHECK(p.severity == Severity::error);
  }
}

TEST_CASE("a Firefox manifest must list our add-on in allowed_extensions and must not hold allowed_origins") {
  struct Case {
    std::string allowed;
    std::vector<std::string> codes;
    std::string message;  // part of the first problem's message ("" when none)
  };
  const std::vector<Case> cases = {
      {R"(,"allowed_extensions":["coolpapers@papers.cool"])", {}, ""},
      {R"(,"allowed_extensions":["other@example.org","coolpapers@papers.cool"])", {}, ""},
      {"", {"extensions_missing"}, "no \"allowed_extensions\" list"},
      {R"(,"allowed_extensions":["other@example.org"])", {"addon_missing"},
       "does not hold coolpapers@papers.cool (the bundled extension); Firefox answers \"No such native application"},
      {R"(,"allowed_origins":["chrome-extension://)" + kId + R"(/"],"allowed_extensions":["coolpapers@papers.cool"])",
       {"has_origins"}, "Firefox rejects the whole manifest"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.allowed);
    Registration r;
    r.format = HostFormat::firefox;
    check_manifest_text(firefox_manifest(c.allowed), test_env(), r);
    CHECK(codes(r) == c.codes);
    if (!c.message.empty()) {
      REQUIRE_FALSE(r.problems.empty());
      CHECK_MESSAGE(r.problems[0].message.find(c.message) != std::string::npos, r.problems[0].message);
    }
  }
}

TEST_CASE("another extension listed besides ours is fine") {
  Registration r;
  check_manifest_text(
      manifest("\"/usr/bin/coolpapers\"", "[\"chrome-extension://aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/\", \"chrome-extension://" +
                                              kId + "/\"]"),
      test_env(), r);
  CHECK(r.problems.empty());
}

TEST_CASE("an installed browser is ready through its user registration first, else the system one") {
  BrowserReport b;
  CHECK(b.effective() == nullptr);
  CHECK_FALSE(b.ready());
  b.system.registered = true;
  CHECK(b.effective() == &b.system);
  CHECK_FALSE(b.ready());  // registered, but the browser is not installed
  b.installed = true;
  CHECK(b.ready());
  b.user.registered = true;
  b.user.problems.push_back({"path_not_found", Severity::error, "x"});
  CHECK(b.effective() == &b.user);
  CHECK_FALSE(b.ready());
}

TEST_CASE("a report is ok only with a ready browser and no broken registration") {
  Report report;
  CHECK_FALSE(report.ok());
  BrowserReport good;
  good.installed = true;
  good.system.registered = true;
  report.browsers.push_back(good);
  CHECK(report.ok());
  BrowserReport warned = good;
  warned.system.problems.push_back({"not_this_binary", Severity::warning, "x"});
  report.browsers.push_back(warned);
  CHECK(report.ok());
  BrowserReport broken;
  broken.user.registered = true;
  broken.user.problems.push_back({"bad_json", Severity::error, "x"});
  report.browsers.push_back(broken);
  CHECK_FALSE(report.ok());
  CHECK(report.error_count() == 1);
}
