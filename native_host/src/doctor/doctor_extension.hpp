// The extension half of `coolpapers doctor`: per browser, is the packed
// extension offered (an external-extension file <id>.json naming a .crx of
// the right version and id), and is it installed and enabled in the user's
// profiles (their Preferences)?
//
//   ExtensionReport r = check_extension(browser, profile_dir, env);
//   r.problems  // each with the fix: what to run or where to click
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "doctor_browsers.hpp"
#include "doctor_environment.hpp"

namespace coolpapers::app::doctor {

// One row of packaging/external-extensions.tsv.
struct ExternalDirs {
  std::string name;        // a browser's name in browsers.tsv: "chromium"
  std::string system_dir;  // "/usr/lib/chromium/extensions"
  bool per_user = false;   // also reads <user-data-dir>/External Extensions
};

// Parses packaging/external-extensions.tsv: '#' lines and empty lines are
// skipped; others have 3 tab-separated columns, an absolute system_dir and
// per_user "yes" or "no". nullopt with `error` naming the line otherwise.
std::optional<std::vector<ExternalDirs>> parse_external_table(std::string_view text, std::string& error);

// The compiled-in table (empty if it does not parse; a test checks it does).
const std::vector<ExternalDirs>& builtin_external_dirs();

// What a .crx file holds: the id its signed header names and the version of
// its manifest.json (the packer stores that entry uncompressed so it can be
// read here without an inflater).
struct CrxInfo {
  std::string id;       // 32 letters a-p
  std::string version;  // "0.1.0"
};

// Reads CRX3 `bytes`. nullopt with `error` saying what is wrong when they are
// not a CRX3, name no id, or hold no readable manifest.json.
std::optional<CrxInfo> read_crx(std::string_view bytes, std::string& error);

// One external-extension file.
struct Offer {
  Scope scope = Scope::system;
  std::string file;               // .../<id>.json
  bool present = false;           // the file exists
  std::string crx_path;           // its "external_crx"
  std::string announced_version;  // its "external_version"
  std::optional<CrxInfo> crx;     // what the .crx holds, when it could be read
  std::vector<Problem> problems;  // errors: the browser would not install it

  bool works() const;  // present, and no error
};

// Checks the file's text (JSON with an absolute "external_crx" and an
// "external_version"), then the .crx: readable, a CRX3, its version the
// announced one, its id `env.extension_id` (the host's allowed origin).
Offer check_offer(Scope scope, const std::string& file, const Environment& env);
void check_offer_text(const std::string& text, Offer& into);
void check_offer_crx(std::string_view crx_bytes, const Environment& env, Offer& into);

enum class InstallState { not_installed, enabled, disabled, removed_by_user };

// The extension in one browser profile.
struct ProfileInstall {
  std::string profile;  // the profile's directory name: "Default", "Profile 1"
  InstallState state = InstallState::not_installed;
  std::string version;                   // installed version, when installed
  std::vector<int> disable_reasons;      // Chromium's codes; 1 = by the user
};

// The extension's state from one profile's Preferences and Secure
// Preferences texts (Chromium keeps extensions.settings.<id> in one of
// them; an entry with a manifest or path is installed; "disable_reasons"
// non-empty, or an old-style "state": 0, is disabled;
// extensions.external_uninstalls holding the id means the user removed it).
// Unparseable texts count as not installed.
ProfileInstall install_state(std::string_view preferences, std::string_view secure_preferences, std::string_view id);

// install_state() of every profile ("Default", "Profile N") under the
// browser's user-data-dir that has a Preferences file.
std::vector<ProfileInstall> profile_installs(const std::string& user_data_dir, std::string_view id);

struct ExtensionReport {
  bool offered_here = false;  // the browser has a row in external-extensions.tsv
  std::optional<Offer> system;
  std::optional<Offer> user;  // only for browsers reading a per-user directory
  std::vector<ProfileInstall> profiles;
  std::vector<Problem> problems;  // not offered, not installed yet, disabled, removed

  const Offer* effective() const;  // the offer that works: system first, else user
  int error_count() const;         // errors of the offers and of `problems`
};

ExtensionReport check_extension(const Browser& browser, const std::string& profile_dir, bool profile_found,
                                const Environment& env);

}  // namespace coolpapers::app::doctor
