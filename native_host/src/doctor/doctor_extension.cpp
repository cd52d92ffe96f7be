// Is the packed extension offered to each browser and installed in its
// profiles? Problem codes, each with its fault:
//   offer_read_error      the external-extension file exists but cannot be read
//   offer_bad_json        not a JSON object with string "external_crx" and "external_version"
//   offer_crx_relative    "external_crx" is not absolute
//   crx_missing           the .crx it names does not exist or cannot be read
//   crx_invalid           the .crx is not a CRX3 with an id and a readable manifest.json
//   version_mismatch      "external_version" is not the .crx's version (Chromium refuses it)
//   id_mismatch           the .crx is another extension than the host allows
//   not_offered           (warning) the browser is in use, but nothing offers it the extension
//   not_installed_yet     (warning) offered, not installed in a profile: restart the browser
//   not_updated_yet       (warning) installed at another version than offered: restart
//   disabled              (warning) installed but disabled in a profile
//   removed_by_user       (warning) the user removed it in a profile; Chromium will not reinstall it
#include "doctor_extension.hpp"

#include <algorithm>
#include <boost/json.hpp>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "doctor_platform.hpp"
#include "tsv_table.hpp"

namespace coolpapers::app {
// Generated from packaging/external-extensions.tsv (packaging/doctor_data.cmake).
std::string_view doctor_external_extensions_tsv();
}  // namespace coolpapers::app

namespace coolpapers::app::doctor {
namespace {

namespace fs = std::filesystem;

// External-extension files are a few lines; our .crx is tens of kilobytes;
// Preferences of a busy profile can reach megabytes.
constexpr std::uintmax_t kMaxOfferBytes = 64 * 1024;
constexpr std::uintmax_t kMaxCrxBytes = 64 * 1024 * 1024;
constexpr std::uintmax_t kMaxPreferencesBytes = 64 * 1024 * 1024;

void add(std::vector<Problem>& problems, std::string code, std::string message, Severity severity = Severity::error) {
  problems.push_back({std::move(code), severity, std::move(message)});
}

// The file's bytes, or nullopt when it cannot be read or is over `limit`.
std::optional<std::string> read_bounded(const std::string& path, std::uintmax_t limit, std::string& error) {
  std::error_code ec;
  std::uintmax_t size = fs::file_size(path, ec);
  if (ec) {
    error = ec.message();
    return std::nullopt;
  }
  if (size > limit) {
    error = std::to_string(size) + " bytes, more than the " + std::to_string(limit) + " expected";
    return std::nullopt;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    error = "cannot open it";
    return std::nullopt;
  }
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// --- reading a CRX3 (layout: packaging/pack_extension.sh) ---

class Reader {
 public:
  explicit Reader(std::string_view bytes) : bytes_(bytes) {}
  bool done() const { return at_ == bytes_.size(); }
  bool le32(std::uint32_t& out) { return little_endian(4, out); }
  bool le16(std::uint32_t& out) { return little_endian(2, out); }
  bool take(std::size_t n, std::string_view& out) {
    if (n > bytes_.size() - at_) return false;
    out = bytes_.substr(at_, n);
    at_ += n;
    return true;
  }
  bool varint(std::uint64_t& out) {
    out = 0;
    for (int shift = 0; shift < 64 && at_ < bytes_.size(); shift += 7) {
      auto byte = static_cast<unsigned char>(bytes_[at_++]);
      out |= std::uint64_t{byte & 0x7fu} << shift;
      if (byte < 0x80) return true;
    }
    return false;
  }

 private:
  bool little_endian(int n, std::uint32_t& out) {
    std::string_view b;
    if (!take(static_cast<std::size_t>(n), b)) return false;
    out = 0;
    for (int i = n - 1; i >= 0; --i) out = (out << 8) | static_cast<unsigned char>(b[static_cast<std::size_t>(i)]);
    return true;
  }

  std::string_view bytes_;
  std::size_t at_ = 0;
};

// The first length-delimited field `number` of a protobuf message; empty
// optional when absent or malformed.
std::optional<std::string_view> protobuf_field(std::string_view message, std::uint64_t number) {
  Reader in(message);
  while (!in.done()) {
    std::uint64_t tag = 0;
    if (!in.varint(tag)) return std::nullopt;
    std::uint64_t length = 0;
    switch (tag & 7) {
      case 0:  // varint
        if (!in.varint(length)) return std::nullopt;
        continue;
      case 2: {  // length-delimited
        std::string_view value;
        if (!in.varint(length) || !in.take(static_cast<std::size_t>(length), value)) return std::nullopt;
        if (tag >> 3 == number) return value;
        continue;
      }
      default:  // CrxFileHeader uses no other wire types
        return std::nullopt;
    }
  }
  return std::nullopt;
}

// The bytes of the stored (uncompressed) entry `name` of a zip archive,
// walking its local file headers.
std::optional<std::string_view> stored_zip_entry(std::string_view zip, std::string_view name, std::string& error) {
  Reader in(zip);
  while (true) {
    std::uint32_t signature = 0, flags = 0, method = 0, compressed = 0, name_length = 0, extra_length = 0;
    if (!in.le32(signature) || signature != 0x04034b50) break;  // past the last entry
    std::string_view entry_name, data, unused;
    if (!in.take(2, unused) || !in.le16(flags) || !in.le16(method) || !in.take(8, unused) || !in.le32(compressed) ||
        !in.take(4, unused) || !in.le16(name_length) || !in.le16(extra_length) || !in.take(name_length, entry_name) ||
        !in.take(extra_length, unused)) {
      error = "its zip archive is cut short";
      return std::nullopt;
    }
    if (flags & 0x08) {
      error = "its zip archive has entries without sizes (written as a stream), which doctor cannot walk";
      return std::nullopt;
    }
    if (!in.take(compressed, data)) {
      error = "its zip archive is cut short";
      return std::nullopt;
    }
    if (entry_name == name) {
      if (method != 0) {
        error = std::string(name) + " is compressed in its zip archive (packaging/pack_extension.sh stores it)";
        return std::nullopt;
      }
      return data;
    }
  }
  error = "its zip archive has no " + std::string(name);
  return std::nullopt;
}

std::string id_from_bytes(std::string_view crx_id) {
  std::string id;
  for (char byte : crx_id) {
    auto b = static_cast<unsigned char>(byte);
    id += static_cast<char>('a' + (b >> 4));
    id += static_cast<char>('a' + (b & 15));
  }
  return id;
}

const boost::json::object* object_at(const boost::json::value& v, std::initializer_list<std::string_view> path) {
  const boost::json::value* at = &v;
  for (std::string_view key : path) {
    if (!at->is_object()) return nullptr;
    at = at->as_object().if_contains(key);
    if (!at) return nullptr;
  }
  return at->is_object() ? &at->as_object() : nullptr;
}

// The browser's extensions page: chrome://extensions for Chromium too.
std::string extensions_page(const Browser& browser) {
  return (browser.name == "chromium" ? std::string("chrome") : browser.name) + "://extensions";
}

std::string reinstall_fix(Scope scope) {
  return scope == Scope::system ? "reinstall the package (sudo apt-get install --reinstall coolpapers) or rerun "
                                  "sudo packaging/install.sh --system"
                                : "rerun packaging/install.sh --user from one build";
}

}  // namespace

std::optional<std::vector<ExternalDirs>> parse_external_table(std::string_view text, std::string& error) {
  std::vector<ExternalDirs> rows;
  auto read_row = [&rows](const std::vector<std::string>& fields) -> std::string {
    if (fields[0].empty() || fields[1].empty() || fields[1].front() != '/')
      return "expected a browser name and an absolute directory";
    if (fields[2] != "yes" && fields[2] != "no") return "per_user is \"" + fields[2] + "\", expected yes or no";
    rows.push_back({fields[0], fields[1], fields[2] == "yes"});
    return {};
  };
  if (!read_tsv_table(text, 3, read_row, error)) return std::nullopt;
  return rows;
}

const std::vector<ExternalDirs>& builtin_external_dirs() {
  static const std::vector<ExternalDirs> table = [] {
    std::string error;
    auto parsed = parse_external_table(doctor_external_extensions_tsv(), error);
    if (!parsed) {
      std::fprintf(stderr, "coolpapers: built-in external-extensions table: %s\n", error.c_str());
      return std::vector<ExternalDirs>{};
    }
    return *parsed;
  }();
  return table;
}

std::optional<CrxInfo> read_crx(std::string_view bytes, std::string& error) {
  Reader in(bytes);
  std::string_view magic, header;
  std::uint32_t version = 0, header_length = 0;
  if (!in.take(4, magic) || magic != "Cr24" || !in.le32(version)) {
    error = "it is not a .crx (no \"Cr24\" at its start)";
    return std::nullopt;
  }
  if (version != 3) {
    error = "it is a version " + std::to_string(version) + " .crx; browsers install only version 3";
    return std::nullopt;
  }
  if (!in.le32(header_length) || !in.take(header_length, header)) {
    error = "its header is cut short";
    return std::nullopt;
  }
  auto signed_data = protobuf_field(header, 10000);
  auto crx_id = signed_data ? protobuf_field(*signed_data, 1) : std::nullopt;
  if (!crx_id || crx_id->size() != 16) {
    error = "its header names no extension id (signed_header_data.crx_id)";
    return std::nullopt;
  }
  std::string_view zip = bytes.substr(12 + header_length);
  auto manifest = stored_zip_entry(zip, "manifest.json", error);
  if (!manifest) return std::nullopt;
  boost::system::error_code ec;
  boost::json::value parsed = boost::json::parse(*manifest, ec);
  const auto* v = !ec && parsed.is_object() ? parsed.as_object().if_contains("version") : nullptr;
  if (!v || !v->is_string()) {
    error = "its manifest.json has no \"version\"";
    return std::nullopt;
  }
  return CrxInfo{id_from_bytes(*crx_id), std::string(v->as_string())};
}

bool Offer::works() const {
  if (!present) return false;
  for (const Problem& p : problems)
    if (p.severity == Severity::error) return false;
  return true;
}

void check_offer_text(const std::string& text, Offer& o) {
  boost::system::error_code ec;
  boost::json::value parsed = boost::json::parse(text, ec);
  const auto* crx = !ec && parsed.is_object() ? parsed.as_object().if_contains("external_crx") : nullptr;
  const auto* version = !ec && parsed.is_object() ? parsed.as_object().if_contains("external_version") : nullptr;
  if (!crx || !crx->is_string() || !version || !version->is_string()) {
    add(o.problems, "offer_bad_json",
        "not a JSON object with string \"external_crx\" and \"external_version\"; the browser ignores it: " +
            reinstall_fix(o.scope));
    return;
  }
  o.crx_path = std::string(crx->as_string());
  o.announced_version = std::string(version->as_string());
  if (o.crx_path.empty() || o.crx_path.front() != '/')
    add(o.problems, "offer_crx_relative",
        "\"external_crx\" " + o.crx_path + " is not absolute: " + reinstall_fix(o.scope));
}

void check_offer_crx(std::string_view crx_bytes, const Environment& env, Offer& o) {
  std::string error;
  o.crx = read_crx(crx_bytes, error);
  if (!o.crx) {
    add(o.problems, "crx_invalid", o.crx_path + ": " + error + "; the browser refuses it: " + reinstall_fix(o.scope));
    return;
  }
  if (o.crx->version != o.announced_version)
    add(o.problems, "version_mismatch",
        "announces version " + o.announced_version + ", but " + o.crx_path + " holds version " + o.crx->version +
            "; the browser refuses to install it: " + reinstall_fix(o.scope));
  if (o.crx->id != env.extension_id)
    add(o.problems, "id_mismatch",
        o.crx_path + " is the extension " + o.crx->id + ", but the host allows only " +
            extension_origin(env.extension_id) + ", so it could not reach the host: " + reinstall_fix(o.scope));
}

Offer check_offer(Scope scope, const std::string& file, const Environment& env) {
  Offer o;
  o.scope = scope;
  o.file = file;
  std::error_code ec;
  if (!fs::exists(file, ec)) return o;
  o.present = true;
  std::string error;
  auto text = read_bounded(file, kMaxOfferBytes, error);
  if (!text) {
    add(o.problems, "offer_read_error", "cannot read it: " + error);
    return o;
  }
  check_offer_text(*text, o);
  if (o.crx_path.empty() || o.crx_path.front() != '/') return o;
  auto crx = read_bounded(o.crx_path, kMaxCrxBytes, error);
  if (!crx) {
    add(o.problems, "crx_missing",
        "\"external_crx\" " + o.crx_path + " cannot be read (" + error + "): " + reinstall_fix(scope));
    return o;
  }
  check_offer_crx(*crx, env, o);
  return o;
}

ProfileInstall install_state(std::string_view preferences, std::string_view secure_preferences, std::string_view id) {
  ProfileInstall p;
  for (std::string_view text : {preferences, secure_preferences}) {
    boost::system::error_code ec;
    boost::json::value parsed = boost::json::parse(text, ec);
    if (ec) continue;
    if (const auto* extensions = object_at(parsed, {"extensions"})) {
      if (const auto* removed = extensions->if_contains("external_uninstalls"); removed && removed->is_array())
        for (const auto& entry : removed->as_array())
          if (entry.is_string() && entry.as_string() == id) p.state = InstallState::removed_by_user;
    }
    const auto* entry = object_at(parsed, {"extensions", "settings", id});
    if (!entry || !(entry->contains("manifest") || entry->contains("path"))) continue;
    p.state = InstallState::enabled;
    if (const auto* manifest = entry->if_contains("manifest"); manifest && manifest->is_object())
      if (const auto* v = manifest->as_object().if_contains("version"); v && v->is_string())
        p.version = std::string(v->as_string());
    // Newer Chromium: a list of reasons; older: a bit mask, or "state": 0.
    if (const auto* reasons = entry->if_contains("disable_reasons")) {
      if (reasons->is_array()) {
        for (const auto& r : reasons->as_array())
          if (r.is_int64()) p.disable_reasons.push_back(static_cast<int>(r.as_int64()));
      } else if (reasons->is_int64() && reasons->as_int64() != 0) {
        for (int bit = 0; bit < 31; ++bit)
          if (reasons->as_int64() & (std::int64_t{1} << bit)) p.disable_reasons.push_back(1 << bit);
      }
    }
    const auto* state = entry->if_contains("state");
    if (!p.disable_reasons.empty() || (state && state->is_int64() && state->as_int64() == 0))
      p.state = InstallState::disabled;
    return p;
  }
  return p;
}

std::vector<ProfileInstall> profile_installs(const std::string& user_data_dir, std::string_view id) {
  std::vector<ProfileInstall> installs;
  std::error_code ec;
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(user_data_dir, ec)) {
    std::string name = entry.path().filename().string();
    if ((name == "Default" || name.starts_with("Profile ")) && fs::exists(entry.path() / "Preferences", ec))
      names.push_back(name);
  }
  std::sort(names.begin(), names.end());
  for (const std::string& name : names) {
    std::string error;
    std::string dir = user_data_dir + "/" + name;
    std::string preferences = read_bounded(dir + "/Preferences", kMaxPreferencesBytes, error).value_or("");
    std::string secure = fs::exists(dir + "/Secure Preferences", ec)
                             ? read_bounded(dir + "/Secure Preferences", kMaxPreferencesBytes, error).value_or("")
                             : std::string();
    ProfileInstall p = install_state(preferences, secure, id);
    p.profile = name;
    installs.push_back(std::move(p));
  }
  return installs;
}

const Offer* ExtensionReport::effective() const {
  for (const std::optional<Offer>* o : {&system, &user})
    if (*o && (*o)->works()) return &**o;
  return nullptr;
}

int ExtensionReport::error_count() const {
  int errors = 0;
  for (const std::optional<Offer>* o : {&system, &user})
    if (*o)
      for (const Problem& p : (*o)->problems) errors += p.severity == Severity::error;
  for (const Problem& p : problems) errors += p.severity == Severity::error;
  return errors;
}

ExtensionReport check_extension(const Browser& browser, const std::string& profile_dir, bool profile_found,
                                const Environment& env) {
  ExtensionReport r;
  const std::string file = env.extension_id + ".json";
  for (const ExternalDirs& dirs : platform_external_dirs()) {
    if (dirs.name != browser.name) continue;
    r.offered_here = true;
    r.system = check_offer(Scope::system, env.system_root + dirs.system_dir + "/" + file, env);
    if (dirs.per_user) r.user = check_offer(Scope::user, profile_dir + "/External Extensions/" + file, env);
  }
  if (!profile_found) return r;
  r.profiles = profile_installs(profile_dir, env.extension_id);

  const Offer* offer = r.effective();
  bool any_present = (r.system && r.system->present) || (r.user && r.user->present);
  if (!r.offered_here) {
    add(r.problems, "not_offered",
        "coolpapers does not know where " + browser.display +
            " reads external extensions; load the extension unpacked: " + extensions_page(browser) +
            " > Developer mode > Load unpacked",
        Severity::warning);
  } else if (!any_present) {
    add(r.problems, "not_offered",
        "no external-extension file offers the extension to " + browser.display + " (looked for " +
            r.system->file + (r.user ? " and " + r.user->file : std::string()) +
            "): install the coolpapers package, or run packaging/install.sh " +
            (r.user ? "--user" : "--system (as root)") + ", then restart " + browser.display,
        Severity::warning);
  }
  for (const ProfileInstall& p : r.profiles) {
    std::string where = "in profile " + p.profile + " (" + profile_dir + "/" + p.profile + ")";
    switch (p.state) {
      case InstallState::not_installed:
        if (offer)
          add(r.problems, "not_installed_yet",
              "offered but not installed " + where + " yet: restart " + browser.display, Severity::warning);
        break;
      case InstallState::enabled:
        if (offer && offer->crx && !p.version.empty() && p.version != offer->crx->version)
          add(r.problems, "not_updated_yet",
              "version " + p.version + " is installed " + where + ", " + offer->crx->version +
                  " is offered: restart " + browser.display,
              Severity::warning);
        break;
      case InstallState::disabled:
        add(r.problems, "disabled",
            std::string("installed but disabled ") + where +
                (std::find(p.disable_reasons.begin(), p.disable_reasons.end(), 1) != p.disable_reasons.end()
                     ? " by the user"
                     : "") +
                ": turn it on in " + extensions_page(browser),
            Severity::warning);
        break;
      case InstallState::removed_by_user:
        add(r.problems, "removed_by_user",
            "removed by the user " + where + "; " + browser.display +
                " will not install it there again: load it unpacked (" + extensions_page(browser) +
                " > Developer mode > Load unpacked)",
            Severity::warning);
        break;
    }
  }
  return r;
}

}  // namespace coolpapers::app::doctor
