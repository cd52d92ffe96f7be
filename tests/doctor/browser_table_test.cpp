// The browser table doctor carries is packaging/browsers.tsv (the one
// install.sh and the .deb read), and a malformed table is caught.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include "doctor_browsers.hpp"

using namespace coolpapers::app::doctor;

namespace {
std::string read_text(const char* path) {
  std::ifstream in(path, std::ios::binary);
  REQUIRE(in);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}
}  // namespace

TEST_CASE("the compiled-in browser table is packaging/browsers.tsv, row for row") {
  std::string error;
  auto from_file = parse_browser_table(read_text(BROWSERS_TSV), error);
  REQUIRE_MESSAGE(from_file, error);
  const auto& builtin = builtin_browsers();
  REQUIRE(builtin.size() == from_file->size());
  for (std::size_t i = 0; i < builtin.size(); ++i) {
    CAPTURE(i);
    CHECK(builtin[i].name == (*from_file)[i].name);
    CHECK(builtin[i].display == (*from_file)[i].display);
    CHECK(builtin[i].system_dir == (*from_file)[i].system_dir);
    CHECK(builtin[i].user_dir == (*from_file)[i].user_dir);
    CHECK(builtin[i].format == (*from_file)[i].format);
  }
}

TEST_CASE("the table holds the five Chromium-family browsers and Firefox with their Linux directories") {
  struct Row {
    const char* name;
    const char* system_dir;
    const char* user_dir;
    HostFormat format;
  };
  const Row expected[] = {
      {"chromium", "/etc/chromium/native-messaging-hosts", "chromium", HostFormat::chromium},
      {"chrome", "/etc/opt/chrome/native-messaging-hosts", "google-chrome", HostFormat::chromium},
      {"edge", "/etc/opt/edge/native-messaging-hosts", "microsoft-edge", HostFormat::chromium},
      {"brave", "/etc/opt/chrome/native-messaging-hosts", "BraveSoftware/Brave-Browser", HostFormat::chromium},
      {"vivaldi", "/etc/opt/vivaldi/native-messaging-hosts", "vivaldi", HostFormat::chromium},
      {"firefox", "/usr/lib/mozilla/native-messaging-hosts", ".mozilla", HostFormat::firefox},
  };
  const auto& table = builtin_browsers();
  REQUIRE(table.size() == std::size(expected));
  for (std::size_t i = 0; i < table.size(); ++i) {
    CAPTURE(expected[i].name);
    CHECK(table[i].name == expected[i].name);
    CHECK(table[i].system_dir == expected[i].system_dir);
    CHECK(table[i].user_dir == expected[i].user_dir);
    CHECK(table[i].format == expected[i].format);
  }
}

TEST_CASE("a malformed table row is reported with its line number") {
  struct Case {
    const char* text;
    const char* error;
  };
  const Case cases[] = {
      {"# comment\nchromium\tChromium\t/etc/chromium\tchromium\n", "line 2: expected 5 tab-separated columns, found 4"},
      {"a\tA\t/etc/a\tA\tchromium\textra\n", "line 1: expected 5 tab-separated columns, found 6"},
      {"\na\tA\t\ta\tchromium\n", "line 2: empty column"},
      {"a\tA\tetc/a\ta\tchromium\n", "line 1: system directory \"etc/a\" is not absolute"},
      {"a\tA\t/etc/a\ta\tsafari\n", "line 1: format \"safari\" is neither chromium nor firefox"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.text);
    std::string error;
    CHECK_FALSE(parse_browser_table(c.text, error));
    CHECK(error == c.error);
  }
}

TEST_CASE("comments, blank lines and CRLF line ends are not rows") {
  std::string error;
  auto table = parse_browser_table("# x\n\r\n\nchromium\tChromium\t/etc/chromium\tchromium\tchromium\r\n", error);
  REQUIRE_MESSAGE(table, error);
  REQUIRE(table->size() == 1);
  CHECK((*table)[0].user_dir == "chromium");
  CHECK((*table)[0].format == HostFormat::chromium);
}

TEST_CASE("the compiled-in Firefox add-on id is extension/GECKO_ID") {
  std::string text = read_text(GECKO_ID_FILE);
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
  CHECK(builtin_gecko_id() == text);
  CHECK(text.find('@') != std::string::npos);
}

TEST_CASE("the compiled-in extension id is extension/EXTENSION_ID") {
  std::string text = read_text(EXTENSION_ID_FILE);
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
  CHECK(builtin_extension_id() == text);
  CHECK(builtin_extension_id().size() == 32);
  CHECK(extension_origin(builtin_extension_id()) == "chrome-extension://" + text + "/");
}
