// Page metadata (--meta, --html), the message for a site without a rule and
// the truncation note, through the built `coolpapers` binary (the contract's
// examples run in cli_test.cpp).
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "process.hpp"

using coolpapers::test::ProcessResult;
using coolpapers::test::run_process;
using coolpapers::test::with_unix_line_ends;

namespace {

// A private config folder ($XDG_CONFIG_HOME on POSIX, %APPDATA% on Windows)
// so the user's own rules.json never changes results; Windows's CRLF line
// ends are compared as LF.
const std::string kIsolated = "XDG_CONFIG_HOME=/nonexistent-coolpapers-test";
const std::string kIsolatedWindows = "APPDATA=/nonexistent-coolpapers-test";

ProcessResult run_cli(std::vector<std::string> args, const std::string& input = {}) {
  args.insert(args.begin(), COOLPAPERS_BIN);
  return with_unix_line_ends(run_process(args, input, {kIsolated, kIsolatedWindows}));
}

std::string temp_file(const std::string& name, const std::string& contents) {
  auto path = std::filesystem::temp_directory_path() / ("coolpapers-cli-meta-test-" + name);
  std::ofstream(path) << contents;
  return path.string();
}

}  // namespace

TEST_CASE("--html reads the page's meta tags from a file or standard input") {
  const std::string page = R"(<html><head><title>JMLR</title>
<meta name="citation_title" content="Exploring the Limits of Transfer Learning">
<meta name="citation_pdf_url" content="https://jmlr.org/papers/volume21/20-074/20-074.pdf">
</head><body>...</body></html>)";
  const std::string url = "https://jmlr.org/papers/v21/20-074.html";
  const std::string search =
      "https://papers.cool/arxiv/search?highlight=1&query=Exploring%20the%20Limits%20of%20Transfer%20Learning\n";
  CHECK(run_cli({"resolve", "--html", temp_file("page.html", page), url}).out == search);
  ProcessResult piped = run_cli({"resolve", "--html", "-", url}, page);
  CHECK(piped.exit_code == 0);
  CHECK(piped.out == search);
  // Without the page, the same URL gets the message naming the site.
  ProcessResult bare = run_cli({"resolve", url});
  CHECK(bare.exit_code == 1);
  CHECK(bare.err.find("JMLR pages hold no id Cool Papers uses") != std::string::npos);
  CHECK(bare.err.find("paste the paper's arXiv id") != std::string::npos);
  // An arXiv id in the tags wins over the title.
  ProcessResult arxiv = run_cli(
      {"resolve", "--html", "-", url}, "<meta name='citation_arxiv_id' content='1910.10683'>" + page);
  CHECK(arxiv.out == "https://papers.cool/arxiv/1910.10683\n");
}

TEST_CASE("bad --meta and --html use: a clear message and exit 2") {
  ProcessResult r = run_cli({"resolve", "--meta", temp_file("bad.json", "[1,2]"), "https://jmlr.org/x"});
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("expected a JSON object") != std::string::npos);
  r = run_cli({"resolve", "--meta", temp_file("num.json", R"({"citation_title": 3})"), "https://jmlr.org/x"});
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("\"citation_title\" must be a string") != std::string::npos);
  r = run_cli({"resolve", "--html", "/nonexistent/page.html", "https://jmlr.org/x"});
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("cannot read --html file") != std::string::npos);
  r = run_cli({"resolve", "--html"});
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("--html needs a file name") != std::string::npos);
  r = run_cli({"resolve", "--html", "-"}, "<html></html>");
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("give the page's URL as TEXT") != std::string::npos);
}

TEST_CASE("more than 50 ids: 50 in the answer, a note on stderr, truncated in JSON") {
  std::string text;
  for (int i = 1; i <= 60; ++i) text += "2401." + std::to_string(10000 + i) + " ";
  ProcessResult r = run_cli({"resolve", "--json", text});
  CHECK(r.exit_code == 0);
  CHECK(r.out.find(",\"truncated\":true}") != std::string::npos);
  CHECK(r.err.find("more than 50 ids; only the first 50") != std::string::npos);
  r = run_cli({"resolve"}, "2401.00001\n" + text + "\n");
  CHECK(r.err.find("line 2 holds more than 50 ids") != std::string::npos);
}

TEST_CASE("paper pages of sites without a rule resolve from their meta tags (fixture pages)") {
  struct Case {
    const char* fixture;
    const char* page_url;
    const char* expected;  // the search query, or "=" and the whole URL
  };
  const std::string search = "https://papers.cool/arxiv/search?highlight=1&query=";
  for (const Case& c : std::initializer_list<Case>{
           {"meta_neurips_2023_abstract.html",
            "https://proceedings.neurips.cc/paper_files/paper/2023/hash/a85b405ed65c6477a4fe8302b5e06ce7-Abstract-Conference.html",
            "Direct%20Preference%20Optimization%20Your%20Language%20Model%20is%20Secretly%20a%20Reward%20Model"},
           {"meta_jmlr_v21_20-074.html", "https://jmlr.org/papers/v21/20-074.html",
            "Exploring%20the%20Limits%20of%20Transfer%20Learning%20with%20a%20Unified%20Text-to-Text%20Transformer"},
           {"meta_ecva_eccv2022.html", "https://www.ecva.net/papers/eccv_2022/papers_ECCV/html/1234_ECCV_2022_paper.php",
            "Simple%20Baselines%20for%20Image%20Restoration"},
           {"meta_semanticscholar_paper.html",
            "https://www.semanticscholar.org/paper/Attention-is-All-you-Need-Vaswani-Shazeer/204e3073870fae3d05bcbc2f6a8e263d9b72e776",
            "=https://papers.cool/arxiv/1706.03762"},
           {"meta_paperswithcode_paper.html", "https://paperswithcode.com/paper/lora-low-rank-adaptation-of-large-language",
            "=https://papers.cool/arxiv/2106.09685"},
           {"meta_acm_doi_10.1145_3580305.3599000.html", "https://dl.acm.org/doi/10.1145/3580305.3599000",
            "Graph%20Learning%20for%20Recommendation"},
           {"meta_ieeexplore_document_9157382.html", "https://ieeexplore.ieee.org/document/9157382",
            "Deep%20Residual%20Learning%20for%20Image%20Recognition"},
       }) {
    CAPTURE(c.fixture);
    const std::string path = std::string(COOLPAPERS_FIXTURES_DIR) + "/" + c.fixture;
    REQUIRE(std::filesystem::exists(path));
    ProcessResult r = run_cli({"resolve", "--html", path, c.page_url});
    CHECK(r.exit_code == 0);
    std::string expected = c.expected[0] == '=' ? std::string(c.expected + 1) : search + c.expected;
    CHECK(r.out == expected + "\n");
    // The same URL without the page: the message names what works.
    ProcessResult bare = run_cli({"resolve", c.page_url});
    CHECK(bare.exit_code == 1);
    CHECK(bare.err.find("the page's title is used") != std::string::npos);
  }
}
