// The command line through the built binary: output, exit codes, stdin
// alignment, --json, rule files and help.
#include <doctest/doctest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>

#include "process.hpp"
#include "resolution_examples.hpp"

using coolpapers::test::ProcessResult;
using coolpapers::test::resolution_examples;
using coolpapers::test::run_process;
using coolpapers::test::with_unix_line_ends;
namespace json = boost::json;

namespace {

// A private config dir so the user's own rules.json never changes results:
// its parent folder is $XDG_CONFIG_HOME on POSIX, %APPDATA% on Windows.
const std::string kIsolated = "XDG_CONFIG_HOME=/nonexistent-coolpapers-test";
const std::string kIsolatedWindows = "APPDATA=/nonexistent-coolpapers-test";

ProcessResult run_cli(std::vector<std::string> args, const std::string& input = {},
                         std::vector<std::string> env = {kIsolated, kIsolatedWindows}) {
  args.insert(args.begin(), COOLPAPERS_BIN);
  return with_unix_line_ends(run_process(args, input, env));
}

std::string temp_file(const std::string& name, const std::string& contents) {
  auto path = std::filesystem::temp_directory_path() / ("coolpapers-cli-test-" + name);
  std::ofstream(path) << contents;
  return path.string();
}

}  // namespace

TEST_CASE("every one-text example of the contract holds through resolve --json --field") {
  for (const auto& example : resolution_examples()) {
    if (!example.single_text()) continue;  // the command line reads one text at a time
    CAPTURE(example.where());
    std::vector<std::string> args = {"resolve", "--json", "--field", example.first_member()};
    if (!example.page_meta.empty()) {
      json::object meta;
      for (const auto& [name, value] : example.page_meta) meta[name] = value;
      args.insert(args.end(), {"--meta", temp_file("example-meta.json", json::serialize(meta))});
    }
    args.insert(args.end(), {"--", example.first_text()});
    auto r = run_cli(args);
    json::error_code ec;
    json::value reply = json::parse(r.out, ec);
    REQUIRE_MESSAGE(!ec, "not one JSON object: " << r.out << r.err);
    const json::object& o = reply.as_object();
    if (!example.url) {
      CHECK(r.exit_code == 1);
      CHECK(o.at("ok") == false);
      CHECK(o.at("error").as_object().at("code") == "no_match");
      if (!example.message.empty()) CHECK(r.err.find(example.message) != std::string::npos);
      continue;
    }
    CHECK(r.exit_code == 0);
    REQUIRE_MESSAGE(o.at("ok") == true, r.out);
    CHECK(o.at("url") == json::string(*example.url));
    CHECK((o.if_contains("truncated") != nullptr) == example.truncated);
    CHECK((r.err.find("only the first 50") != std::string::npos) == example.truncated);
    // The text decides, or the page's meta tags given with it.
    if (example.page_meta.empty() || o.at("field") != "pageMeta") CHECK(o.at("field") == json::string(example.first_member()));
    if (!example.family.empty()) CHECK(o.at("family") == json::string(example.family));
    if (example.ids) {
      json::array ids;
      for (const auto& id : *example.ids) ids.emplace_back(id);
      CHECK(o.at("ids") == ids);
    }
  }
}

TEST_CASE("resolve prints one URL per argument and exits 0 when all resolved") {
  auto r = run_cli({"resolve", "https://arxiv.org/abs/2312.00001v2", "see arXiv:2401.12345 and 2402.00012v3",
                       "https://openreview.net/forum?id=NGB6YNnO5o&noteId=abc"});
  CHECK(r.exit_code == 0);
  CHECK(r.out ==
        "https://papers.cool/arxiv/2312.00001\n"
        "https://papers.cool/arxiv/2401.12345,2402.00012\n"
        "https://papers.cool/venue/NGB6YNnO5o@OpenReview\n");
  CHECK(r.err.empty());
}

TEST_CASE("resolve exits 1 and names the argument that did not resolve") {
  auto r = run_cli({"resolve", "https://doi.org/10.1145/3580305.3599000", "arXiv:2401.12345"});
  CHECK(r.exit_code == 1);
  CHECK(r.out == "\nhttps://papers.cool/arxiv/2401.12345\n");
  CHECK(r.err.find("https://doi.org/10.1145/3580305.3599000") != std::string::npos);
  CHECK(r.err.find("No paper id found in the URL") != std::string::npos);
}

TEST_CASE("--field decides how a text is read") {
  CHECK(run_cli({"resolve", "--field", "link", "https://arxiv.org/list/cs.AI/new"}).out ==
        "https://papers.cool/arxiv/cs.AI\n");
  // As a selection, a listing URL is searched, not a listing.
  CHECK(run_cli({"resolve", "--field=selection", "https://arxiv.org/list/cs.AI/new"}).out ==
        "https://papers.cool/arxiv/search?highlight=1&query=https%20arxiv.org%20list%20cs.AI%20new\n");
  // auto: a URL is a page, so a page with no id has no answer.
  CHECK(run_cli({"resolve", "https://github.com/a/b"}).exit_code == 1);
  CHECK(run_cli({"resolve", "deep learning"}).out ==
        "https://papers.cool/arxiv/search?highlight=1&query=deep%20learning\n");
}

TEST_CASE("stdin mode writes exactly one line per input line, aligned") {
  std::string input =
      "https://arxiv.org/abs/2312.00001\n"
      "https://doi.org/10.1145/3580305.3599000\n"
      "\n"
      "https://proceedings.mlr.press/v202/kim23a.html\r\n"
      "arXiv:1706.03762";  // no final newline
  auto r = run_cli({"resolve"}, input);
  CHECK(r.exit_code == 0);
  CHECK(r.out ==
        "https://papers.cool/arxiv/2312.00001\n"
        "\n"
        "\n"
        "https://papers.cool/venue/kim23a@v202@PMLR\n"
        "https://papers.cool/arxiv/1706.03762\n");
}

TEST_CASE("stdin mode streams a large batch in order") {
  std::string input, expected;
  for (int i = 0; i < 20000; ++i) {
    std::string id = "2401." + std::to_string(10000 + i % 90000);
    input += (i % 3 == 0 ? "https://github.com/x\n" : "https://arxiv.org/abs/" + id + "v1\n");
    expected += (i % 3 == 0 ? "\n" : "https://papers.cool/arxiv/" + id + "\n");
  }
  auto r = run_cli({"resolve"}, input);
  CHECK(r.exit_code == 0);
  CHECK(r.out == expected);
}

TEST_CASE("stdin lines longer than a read of input are answered whole") {
  // Lines in one read are resolved in place, longer ones gathered across
  // reads (64 KiB each): both give the same answers.
  std::string input, expected;
  for (int i = 0; i < 6; ++i) {
    std::string id = "2401.0000" + std::to_string(i);
    input += std::string(i % 2 == 0 ? 100000 : 10, ' ') + "arXiv:" + id + (i % 3 == 0 ? "\r\n" : "\n");
    expected += "https://papers.cool/arxiv/" + id + "\n";
  }
  auto r = run_cli({"resolve"}, input);
  CHECK(r.exit_code == 0);
  CHECK(r.out == expected);
}

TEST_CASE("an over-long stdin line is answered with an error line, not dropped") {
  std::string input = "arXiv:2401.00001\n" + std::string(2 * 1024 * 1024, 'x') + "\narXiv:2401.00002\n";
  auto r = run_cli({"resolve", "--json"}, input);
  CHECK(r.exit_code == 0);
  CHECK(r.out ==
        R"J({"ok":true,"url":"https://papers.cool/arxiv/2401.00001","family":"arxiv","ids":["2401.00001"],"field":"selectionText"})J"
        "\n"
        R"J({"ok":false,"error":{"code":"too_large","message":"Input line is longer than 1 MiB"}})J"
        "\n"
        R"J({"ok":true,"url":"https://papers.cool/arxiv/2401.00002","family":"arxiv","ids":["2401.00002"],"field":"selectionText"})J"
        "\n");
  CHECK(r.err.find("line 2") != std::string::npos);
}

TEST_CASE("--json writes one object per line with the deciding field") {
  auto r = run_cli({"resolve", "--json"}, "https://aclanthology.org/2023.acl-long.1.pdf\nhttps://github.com/x\n");
  CHECK(r.exit_code == 0);
  CHECK(r.out ==
        R"J({"ok":true,"url":"https://papers.cool/venue/2023.acl-long.1@ACL","family":"acl","ids":["2023.acl-long.1@ACL"],"field":"pageUrl"})J"
        "\n"
        R"J({"ok":false,"error":{"code":"no_match","message":"No paper id found in the URL"}})J"
        "\n");
}

TEST_CASE("--base changes the target and a bad base is a configuration error") {
  CHECK(run_cli({"resolve", "--base", "http://127.0.0.1:9/", "arXiv:2401.00001"}).out ==
        "http://127.0.0.1:9/arxiv/2401.00001\n");
  auto r = run_cli({"resolve", "--base", "javascript:alert(1)", "arXiv:2401.00001"});
  CHECK(r.exit_code == 2);
  CHECK(r.out.empty());
  CHECK(r.err.find("--base") != std::string::npos);
}

TEST_CASE("usage errors exit 2 with a message") {
  for (std::vector<std::string> args : {std::vector<std::string>{"resolve", "--frobnicate"},
                                        {"resolve", "--field", "title", "x"},
                                        {"resolve", "--base"},
                                        {"bogus"},
                                        {"open"},
                                        {"rules", "bogus"}}) {
    CAPTURE(args[0]);
    auto r = run_cli(args);
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("coolpapers: ") != std::string::npos);
  }
}

TEST_CASE("--help for every command and --version") {
  for (std::vector<std::string> args : {std::vector<std::string>{"--help"}, {"resolve", "--help"}, {"open", "--help"},
                                        {"rules", "--help"}}) {
    auto r = run_cli(args);
    CHECK(r.exit_code == 0);
    CHECK(r.out.find("Usage") != std::string::npos);
  }
  auto r = run_cli({"--version"});
  CHECK(r.exit_code == 0);
  CHECK(r.out.starts_with("coolpapers "));
}

TEST_CASE("a bad --rules file is reported precisely and exits 2") {
  std::string path = temp_file("bad.json", R"J({"rules":[{"id":"mine","family":"arxiv","pattern":"a(b","output":"{1}"}]})J");
  auto r = run_cli({"resolve", "--rules", path, "arXiv:2401.00001"});
  CHECK(r.exit_code == 2);
  CHECK(r.out.empty());
  CHECK(r.err == "coolpapers: " + path + ": rule \"mine\": missing ): a(b (at: a(b)\n");
  r = run_cli({"resolve", "--rules", "/nonexistent/rules.json", "x"});
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("/nonexistent/rules.json") != std::string::npos);
}

TEST_CASE("the user's rules.json (XDG_CONFIG_HOME, APPDATA on Windows) is loaded and can add a site") {
  auto dir = std::filesystem::temp_directory_path() / "coolpapers-cli-test-xdg";
  std::filesystem::create_directories(dir / "coolpapers");
  std::ofstream(dir / "coolpapers" / "rules.json")
      << R"J({"families":[{"name":"mine","page":"venue"}],"rules":[{"id":"mine","family":"mine","literals":["mine.org"],)J"
         R"J("pattern":"mine\\.org/p/([0-9]+)","output":"{1}@Mine"}]})J";
  auto r = run_cli({"resolve", "https://mine.org/p/7"}, {}, {"XDG_CONFIG_HOME=" + dir.string(), "APPDATA=" + dir.string()});
  CHECK(r.out == "https://papers.cool/venue/7@Mine\n");
  r = run_cli({"resolve", "https://mine.org/p/7"});
  CHECK(r.exit_code == 1);
}

TEST_CASE("rules test runs every example and reports N passed, N failed") {
  auto r = run_cli({"rules", "test"});
  CHECK(r.exit_code == 0);
  CHECK(r.out.find(" passed, 0 failed\n") != std::string::npos);

  std::string path = temp_file("failing.json", R"J({"rules":[{"id":"aaai","family":"aaai","pattern":"aaai/([0-9]+)",)J"
                                               R"J("output":"{1}@AAAI","examples":[{"input":"aaai/1","url":"https://papers.cool/venue/2@AAAI"}]}]})J");
  r = run_cli({"rules", "test", path});
  CHECK(r.exit_code == 1);
  CHECK(r.out.find("FAIL aaai: aaai/1") != std::string::npos);
  CHECK(r.out.find("expected: https://papers.cool/venue/2@AAAI") != std::string::npos);
  CHECK(r.out.find(" passed, 1 failed\n") != std::string::npos);
}

TEST_CASE("rules list shows each rule and --json prints the built-in table") {
  auto r = run_cli({"rules", "list"});
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("arxiv-new\n  family:   arxiv") != std::string::npos);
  CHECK(r.out.find("openreview\n  family:   openreview") != std::string::npos);
  r = run_cli({"rules", "list", "--json"});
  CHECK(r.out.find("\"schema\": 1") != std::string::npos);
}
