// The browsers `coolpapers doctor` knows and the extension it expects: the
// table of packaging/browsers.tsv and the id of extension/EXTENSION_ID, both
// compiled in, so doctor checks exactly what install.sh and the .deb write.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace coolpapers::app::doctor {

// The native messaging host's registered name; its manifest file is
// kHostName + ".json" in each directory.
inline constexpr std::string_view kHostName = "cool.papers.redirector";

struct Browser {
  std::string name;        // what install.sh --browser takes: "chromium"
  std::string display;     // "Chromium"
  std::string system_dir;  // "/etc/chromium/native-messaging-hosts"
  std::string user_dir;    // default user-data-dir below the config home: "chromium"
};

// Parses the format of packaging/browsers.tsv: lines starting with '#' and
// empty lines are skipped; every other line has exactly four tab-separated,
// non-empty columns, and system_dir is absolute. Returns nullopt iff a line
// is malformed, with `error` naming the line ("line 23: ...").
std::optional<std::vector<Browser>> parse_browser_table(std::string_view text, std::string& error);

// The compiled-in table. REQUIRES: packaging/browsers.tsv parsed at build
// time (a test checks it); a malformed table yields an empty list.
const std::vector<Browser>& builtin_browsers();

// The compiled-in extension id (32 letters a-p), whitespace trimmed.
std::string_view builtin_extension_id();

// "chrome-extension://ID/": the one origin a host manifest must allow.
std::string extension_origin(std::string_view extension_id);

}  // namespace coolpapers::app::doctor
