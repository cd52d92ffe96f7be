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

// How a browser's host manifest names who may use the host, and where its
// per-user manifests live (packaging/browsers.tsv, column "format").
enum class HostFormat {
  chromium,  // "allowed_origins"; CONFIG_HOME/user_dir/NativeMessagingHosts/
  firefox,   // "allowed_extensions"; HOME/user_dir/native-messaging-hosts/
};

struct Browser {
  std::string name;        // what install.sh --browser takes: "chromium"
  std::string display;     // "Chromium"
  std::string system_dir;  // "/etc/chromium/native-messaging-hosts"
  std::string user_dir;    // "chromium" below the config home; Firefox: ".mozilla" below HOME
  HostFormat format = HostFormat::chromium;
};

// Parses the format of packaging/browsers.tsv: lines starting with '#' and
// empty lines are skipped; every other line has exactly five tab-separated,
// non-empty columns, system_dir is absolute and format is chromium or firefox. Returns nullopt iff a line
// is malformed, with `error` naming the line ("line 23: ...").
std::optional<std::vector<Browser>> parse_browser_table(std::string_view text, std::string& error);

// The compiled-in table. REQUIRES: packaging/browsers.tsv parsed at build
// time (a test checks it); a malformed table yields an empty list.
const std::vector<Browser>& builtin_browsers();

// The compiled-in extension id (32 letters a-p), whitespace trimmed.
std::string_view builtin_extension_id();

// The compiled-in Firefox add-on id (extension/GECKO_ID), whitespace
// trimmed: the one entry of a Firefox host manifest's allowed_extensions.
std::string_view builtin_gecko_id();

// "chrome-extension://ID/": the one origin a host manifest must allow.
std::string extension_origin(std::string_view extension_id);

}  // namespace coolpapers::app::doctor
