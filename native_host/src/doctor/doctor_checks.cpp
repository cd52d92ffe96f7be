// The checks behind `coolpapers doctor`. Problem codes, each with its fault:
//   manifest_not_found   (Windows) the registry names a manifest that does not exist
//   read_error           the manifest exists but cannot be read
//   bad_json             not valid JSON
//   not_object           JSON, but not an object
//   wrong_name           "name" is not cool.papers.redirector
//   wrong_type           "type" is not "stdio"
//   path_missing         no "path" string
//   path_relative        "path" is not absolute (Chromium on Linux refuses it)
//   path_not_found       "path" does not exist
//   path_not_file        "path" is not a regular file
//   path_not_executable  "path" has no execute permission
//   not_this_binary      "path" is another program than this coolpapers (warning)
//   origins_missing      no "allowed_origins" list
//   origin_invalid       an entry Chromium rejects (it then ignores the manifest)
//   origin_missing       the extension's origin is not listed
//   has_origins          (Firefox) "allowed_origins" present: Firefox rejects the manifest
//   extensions_missing   (Firefox) no "allowed_extensions" list
//   addon_missing        (Firefox) the add-on id is not listed
//   ping_failed          started as a browser would, the host gave no good ping reply
#include "doctor_checks.hpp"
#include "doctor_fixes.hpp"
#include "doctor_platform.hpp"

#include <boost/json.hpp>
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

namespace coolpapers::app::doctor {
namespace {

namespace fs = std::filesystem;

// Manifests are a few hundred bytes; a huge file is not a manifest.
constexpr std::uintmax_t kMaxManifestBytes = 1024 * 1024;

void add(Registration& r, std::string code, std::string message, Severity severity = Severity::error) {
  r.problems.push_back({std::move(code), severity, std::move(message)});
}

std::string quoted(const boost::json::value& v) { return boost::json::serialize(v); }

bool is_valid_origin(std::string_view origin) {
  constexpr std::string_view scheme = "chrome-extension://";
  if (!origin.starts_with(scheme) || !origin.ends_with("/")) return false;
  std::string_view id = origin.substr(scheme.size(), origin.size() - scheme.size() - 1);
  if (id.size() != 32) return false;
  for (char c : id)
    if (c < 'a' || c > 'p') return false;
  return true;
}

void check_origins(const boost::json::object& manifest, const Environment& env, Registration& r) {
  const auto* origins = manifest.if_contains("allowed_origins");
  if (!origins || !origins->is_array()) {
    add(r, "origins_missing", "no \"allowed_origins\" list; the extension is refused access");
    return;
  }
  std::string expected = extension_origin(env.extension_id);
  bool found = false;
  for (const auto& entry : origins->as_array()) {
    if (!entry.is_string() || !is_valid_origin(entry.as_string())) {
      add(r, "origin_invalid",
          "allowed_origins entry " + quoted(entry) +
              " is not of the form chrome-extension://<32 letters a-p>/; Chromium rejects the whole manifest");
      continue;
    }
    if (entry.as_string() == expected) found = true;
  }
  if (!found)
    add(r, "origin_missing",
        "allowed_origins " + quoted(*origins) + " does not hold " + expected +
            " (the bundled extension); Chromium answers \"Access to the specified native messaging host is forbidden.\"");
}

// Firefox's form of the check: "allowed_extensions" must hold our add-on id,
// and "allowed_origins" must be absent (Firefox's schema rejects the file).
void check_allowed_extensions(const boost::json::object& manifest, const Environment& env, Registration& r) {
  if (manifest.contains("allowed_origins"))
    add(r, "has_origins",
        "\"allowed_origins\" is present: Firefox rejects the whole manifest; list the add-on in "
        "\"allowed_extensions\" only (packaging/cool.papers.redirector.firefox.json.in)");
  const auto* ids = manifest.if_contains("allowed_extensions");
  if (!ids || !ids->is_array()) {
    add(r, "extensions_missing", "no \"allowed_extensions\" list; Firefox refuses the add-on access");
    return;
  }
  for (const auto& entry : ids->as_array())
    if (entry.is_string() && entry.as_string() == env.gecko_id) return;
  add(r, "addon_missing",
      "allowed_extensions " + quoted(*ids) + " does not hold " + env.gecko_id +
          " (the bundled extension); Firefox answers \"No such native application " + std::string(kHostName) + "\"");
}

// "line L, column C" (both from 1) of byte `offset` of `text`.
std::string line_and_column(std::string_view text, std::size_t offset) {
  offset = std::min(offset, text.size());
  std::size_t line = 1, line_start = 0;
  for (std::size_t i = 0; i < offset; ++i)
    if (text[i] == '\n') ++line, line_start = i + 1;
  return "line " + std::to_string(line) + ", column " + std::to_string(offset - line_start + 1);
}

std::string mode_string(fs::perms p) {
  char text[8];
  std::snprintf(text, sizeof text, "%04o", static_cast<unsigned>(p) & 07777u);
  return text;
}

// Checks "path" on disk: exists, is a file, executable, this binary. Returns
// true iff it can be started.
bool check_host_file(const Environment& env, Registration& r) {
  std::error_code ec;
  fs::file_status status = fs::status(r.host_path, ec);
  if (ec || !fs::exists(status)) {
    add(r, "path_not_found", "\"path\" " + r.host_path + " does not exist");
    return false;
  }
  if (!fs::is_regular_file(status)) {
    add(r, "path_not_file", "\"path\" " + r.host_path + " is not a regular file");
    return false;
  }
  if (!may_execute(r.host_path)) {
    add(r, "path_not_executable",
        "\"path\" " + r.host_path + " is not executable (mode " + mode_string(status.permissions()) + ")");
    return false;
  }
  fs::path real = fs::canonical(r.host_path, ec);
  if (!ec && !env.self_path.empty() && real != fs::path(env.self_path))
    add(r, "not_this_binary",
        "\"path\" " + r.host_path + " is not this coolpapers (" + env.self_path + ")", Severity::warning);
  return true;
}

}  // namespace

bool Registration::broken() const {
  if (!registered) return false;
  for (const Problem& p : problems)
    if (p.severity == Severity::error) return true;
  return false;
}

const Registration* BrowserReport::effective() const {
  if (user.registered) return &user;
  if (system.registered) return &system;
  return nullptr;
}

bool BrowserReport::ready() const {
  const Registration* used = effective();
  return installed && used && used->works();
}

bool Report::ok() const {
  bool any_ready = false;
  for (const BrowserReport& b : browsers) any_ready = any_ready || b.ready();
  return any_ready && error_count() == 0;
}

int Report::error_count() const {
  int errors = 0;
  for (const BrowserReport& b : browsers)
    for (const Registration* r : {&b.system, &b.user})
      for (const Problem& p : r->problems) errors += p.severity == Severity::error;
  for (const BrowserReport& b : browsers) errors += b.extension.error_count();
  return errors;
}

void check_manifest_text(const std::string& text, const Environment& env, Registration& r) {
  boost::system::error_code ec;
  boost::json::stream_parser parser;
  std::size_t used = parser.write(text.data(), text.size(), ec);
  if (!ec) parser.finish(ec);
  if (ec) {
    add(r, "bad_json", "not valid JSON: " + ec.message() + " at " + line_and_column(text, used));
    return;
  }
  boost::json::value parsed = parser.release();
  if (!parsed.is_object()) {
    add(r, "not_object", "valid JSON, but not an object");
    return;
  }
  const auto& manifest = parsed.as_object();
  const auto* name = manifest.if_contains("name");
  if (!name || !name->is_string() || name->as_string() != kHostName)
    add(r, "wrong_name",
        "\"name\" is " + (name ? quoted(*name) : std::string("missing")) + "; it must be \"" + std::string(kHostName) +
            "\", the file name without .json");
  const auto* type = manifest.if_contains("type");
  if (!type || !type->is_string() || type->as_string() != "stdio")
    add(r, "wrong_type", "\"type\" is " + (type ? quoted(*type) : std::string("missing")) + "; it must be \"stdio\"");
  const auto* path = manifest.if_contains("path");
  if (!path || !path->is_string() || path->as_string().empty()) {
    add(r, "path_missing", "no \"path\" string: Chromium cannot start the host");
  } else {
    r.host_path = std::string(path->as_string());
    if (std::string problem = host_path_problem(r.host_path); !problem.empty())
      add(r, "path_relative", std::move(problem));
  }
  if (r.format == HostFormat::firefox)
    check_allowed_extensions(manifest, env, r);
  else
    check_origins(manifest, env, r);
}

Registration check_registration(Scope scope, const RegistrationPlace& place, const Environment& env,
                                HostFormat format) {
  Registration r;
  r.scope = scope;
  r.format = format;
  r.location = place.location;
  r.manifest_path = place.manifest_path.value_or(place.location);
  if (!place.manifest_path) return r;
  r.registered = true;
  std::error_code ec;
  if (!fs::exists(r.manifest_path, ec)) {
    add(r, "manifest_not_found", place.location + " names the manifest " + r.manifest_path + ", which does not exist");
    return r;
  }
  const std::string& manifest_path = r.manifest_path;

  std::uintmax_t size = fs::file_size(manifest_path, ec);
  std::ifstream in(manifest_path, std::ios::binary);
  if (ec || !in) {
    add(r, "read_error", "cannot read the manifest: " + (ec ? ec.message() : std::string("open failed")));
    return r;
  }
  if (size > kMaxManifestBytes) {
    add(r, "read_error", "the manifest is " + std::to_string(size) + " bytes, too large to be a host manifest");
    return r;
  }
  std::ostringstream text;
  text << in.rdbuf();
  check_manifest_text(text.str(), env, r);

  bool startable = !r.host_path.empty() && host_path_problem(r.host_path).empty();
  if (startable) {
    r.host_path = host_file(r.host_path, manifest_path);
    startable = check_host_file(env, r);
  }
  if (startable) {
    // Started with the arguments its browser passes.
    const std::vector<std::string> args = format == HostFormat::firefox
                                              ? std::vector<std::string>{manifest_path, env.gecko_id}
                                              : std::vector<std::string>{extension_origin(env.extension_id)};
    r.ping = ping_host(browser_start(r.host_path, args, format), env.ping_timeout_ms);
    if (!r.ping->ok) add(r, "ping_failed", "started as a browser would, the host " + r.ping->error);
  }
  return r;
}

Report run_checks(const std::vector<Browser>& browsers, const Environment& env) {
  Report report;
  report.self_path = env.self_path;
  report.extension_id = env.extension_id;
  report.gecko_id = env.gecko_id;
  report.reinstall = reinstall_command(env.self_path, env.home);
  for (const Browser& browser : browsers) {
    BrowserReport b;
    b.browser = browser;
    const bool firefox = browser.format == HostFormat::firefox;
    b.profile_dir = profile_dir(browser, env);
    std::error_code ec;
    b.profile_found = fs::is_directory(b.profile_dir, ec);
    b.installed = b.profile_found || browser_program_found(browser, env);
    b.system = check_registration(Scope::system, registration_place(browser, Scope::system, b.profile_dir, env), env,
                                  browser.format);
    b.user = check_registration(Scope::user, registration_place(browser, Scope::user, b.profile_dir, env), env,
                                browser.format);
    // The packed .crx and its external-extension offers are Chromium's way;
    // Firefox gets the extension from the sideloaded folder (print_text says so).
    if (!firefox) b.extension = check_extension(browser, b.profile_dir, b.profile_found, env);
    report.browsers.push_back(std::move(b));
  }
  return report;
}

}  // namespace coolpapers::app::doctor
