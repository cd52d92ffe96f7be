// The text of `coolpapers --help`. Its list of sites comes from the rule
// table's families (resolver/rules.json and the user's rule file), so a new
// site needs no edit here.
#include <string_view>

#include "cli.hpp"
#include "coolpapers/sites.hpp"

namespace coolpapers::app {
namespace {

constexpr std::string_view kHead = R"HELP(coolpapers - open any paper on Cool Papers (https://papers.cool)

Usage:
  coolpapers resolve [options] [TEXT...]   print the Cool Papers URL of each TEXT
  coolpapers open [options] TEXT...        resolve and open in the browser
  coolpapers rules list [--json]           show the rule table
  coolpapers rules test [FILE]             run every rule's examples
  coolpapers native-host                   serve native messaging on stdin/stdout
  coolpapers doctor [--json]               check the host's registration in each browser
  coolpapers --version | --help

)HELP";

constexpr std::string_view kTail = R"HELP(
Chrome starts `coolpapers chrome-extension://ID/` and Firefox starts
`coolpapers MANIFEST.json ADD-ON-ID` as the native messaging host
`cool.papers.redirector`; see native_host/PROTOCOL.md.

Exit codes: 0 ok, 1 no paper found, 2 usage or configuration error,
3 I/O error, 4 internal error.
)HELP";

// The width of the paragraph the site list is wrapped into.
constexpr std::size_t kWidth = 76;

std::vector<FamilyInfo> known_families() {
  // A broken user file is reported on stderr by load_resolver(); the help
  // then names the built-in sites.
  if (auto resolver = load_resolver({})) return resolver->families();
  if (auto builtin = Resolver::create({})) return builtin->families();
  return {};
}

}  // namespace

std::string main_help() {
  std::string sites = join_site_names(supported_site_names(known_families()));
  std::string paragraph = "TEXT is an arXiv id, a paper URL (" + sites +
                          ") or citation text. `coolpapers COMMAND --help` shows a command's options.";
  std::string text(kHead);
  text += wrap_words(paragraph, kWidth);
  text += kTail;
  return text;
}

}  // namespace coolpapers::app
