// `--field` reads the same names in every command, in both spellings.
#include <doctest/doctest.h>

#include "process.hpp"

using coolpapers::test::ProcessResult;
using coolpapers::test::run_process;

namespace {

ProcessResult run_cli(std::vector<std::string> args) {
  args.insert(args.begin(), COOLPAPERS_BIN);
  // A private config dir so the user's own rules.json never changes results;
  // an empty BROWSER so `open --dry-run` prints xdg-open.
  return run_process(args, {}, {"XDG_CONFIG_HOME=/nonexistent-coolpapers-test", "BROWSER="});
}

}  // namespace

TEST_CASE("resolve and open accept every field name as --field F and --field=F") {
  // As a link, an arXiv listing URL is the listing; as the page too.
  for (const char* name : {"link", "linkUrl", "page", "pageUrl"}) {
    CAPTURE(name);
    for (std::string command : {"resolve", "open"}) {
      CAPTURE(command);
      std::vector<std::string> prefix = {command};
      if (command == "open") prefix.push_back("--dry-run");
      for (const auto& spelling : std::vector<std::vector<std::string>>{{"--field", name},
                                                                        {std::string("--field=") + name}}) {
        std::vector<std::string> args = prefix;
        args.insert(args.end(), spelling.begin(), spelling.end());
        args.push_back("https://arxiv.org/list/cs.AI/new");
        ProcessResult r = run_cli(args);
        CHECK(r.exit_code == 0);
        CHECK(r.out.find("https://papers.cool/arxiv/cs.AI") != std::string::npos);
        CHECK(r.err.empty());
      }
    }
  }
}

TEST_CASE("a wrong or missing --field value is a usage error that lists the accepted names") {
  for (std::string command : {"resolve", "open"}) {
    CAPTURE(command);
    ProcessResult wrong = run_cli({command, "--field=title", "arXiv:2312.00001"});
    CHECK(wrong.exit_code == 2);
    CHECK(wrong.err.find("--field must be auto, selection, link, page or frame (got \"title\")") !=
          std::string::npos);
    ProcessResult missing = run_cli({command, "--field"});
    CHECK(missing.exit_code == 2);
    CHECK(missing.err.find("--field needs a value") != std::string::npos);
  }
}
