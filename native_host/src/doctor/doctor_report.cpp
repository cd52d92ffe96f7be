// Plain and JSON output of `coolpapers doctor`.
#include "doctor_report.hpp"

#include <boost/json.hpp>

#include "doctor_fixes.hpp"
#include "doctor_platform.hpp"

namespace coolpapers::app::doctor {
namespace {

std::string_view scope_name(Scope scope) { return scope == Scope::system ? "system" : "user"; }
std::string_view severity_name(Severity s) { return s == Severity::error ? "error" : "warning"; }

void print_registration(const Registration& r, const std::string& reinstall, std::ostream& out) {
  out << "  " << (r.scope == Scope::system ? "system " : "user   ") << r.location << "\n";
  if (!r.registered) {
    out << "         not registered\n";
    return;
  }
  // A registry key (Windows) names the manifest; a manifest file is its own place.
  if (r.location != r.manifest_path) out << "         manifest " << r.manifest_path << "\n";
  for (const Problem& p : r.problems)
    out << "         " << severity_name(p.severity) << " [" << p.code << "]: " << p.message << "\n"
        << "           fix: " << fix_for(p, r, reinstall) << "\n";
  if (r.works())
    out << "         ok: " << r.host_path << " answered ping (version " << r.ping->version << ", " << r.ping->rules
        << " rules)\n";
}

std::string_view state_name(InstallState s) {
  switch (s) {
    case InstallState::not_installed: return "not_installed";
    case InstallState::enabled: return "enabled";
    case InstallState::disabled: return "disabled";
    case InstallState::removed_by_user: return "removed_by_user";
  }
  return "unknown";
}

void print_problem(const Problem& p, std::ostream& out) {
  out << "         " << severity_name(p.severity) << " [" << p.code << "]: " << p.message << "\n";
}

void print_offer(const std::optional<Offer>& o, std::ostream& out) {
  if (!o) return;
  out << "  offer  " << o->file << "\n";
  if (!o->present) {
    out << "         not present\n";
    return;
  }
  for (const Problem& p : o->problems) print_problem(p, out);
  if (o->works())
    out << "         ok: " << o->crx_path << " (extension " << o->crx->id << ", version " << o->crx->version << ")\n";
}

void print_extension(const ExtensionReport& e, std::ostream& out) {
  print_offer(e.system, out);
  print_offer(e.user, out);
  for (const ProfileInstall& p : e.profiles) {
    out << "  profile " << p.profile << ": extension " << state_name(p.state);
    if (!p.version.empty()) out << " (version " << p.version << ")";
    out << "\n";
  }
  for (const Problem& p : e.problems) print_problem(p, out);
}

boost::json::value offer_json(const std::optional<Offer>& o) {
  if (!o) return nullptr;
  boost::json::object j;
  j["file"] = o->file;
  j["present"] = o->present;
  j["ok"] = o->works();
  j["crx"] = o->crx_path.empty() ? boost::json::value(nullptr) : boost::json::value(o->crx_path);
  j["announced_version"] = o->present ? boost::json::value(o->announced_version) : boost::json::value(nullptr);
  j["crx_version"] = o->crx ? boost::json::value(o->crx->version) : boost::json::value(nullptr);
  j["crx_id"] = o->crx ? boost::json::value(o->crx->id) : boost::json::value(nullptr);
  boost::json::array problems;
  for (const Problem& p : o->problems)
    problems.push_back(boost::json::object{{"code", p.code}, {"severity", severity_name(p.severity)}, {"message", p.message}});
  j["problems"] = std::move(problems);
  return j;
}

boost::json::value extension_json(const ExtensionReport& e) {
  boost::json::object j;
  j["offered_here"] = e.offered_here;
  const Offer* used = e.effective();
  j["offered"] = used ? boost::json::value(scope_name(used->scope)) : boost::json::value(nullptr);
  j["system"] = offer_json(e.system);
  j["user"] = offer_json(e.user);
  boost::json::array profiles;
  for (const ProfileInstall& p : e.profiles) {
    boost::json::array reasons;
    for (int r : p.disable_reasons) reasons.push_back(r);
    profiles.push_back(boost::json::object{{"profile", p.profile},
                                           {"state", state_name(p.state)},
                                           {"version", p.version.empty() ? boost::json::value(nullptr) : boost::json::value(p.version)},
                                           {"disable_reasons", std::move(reasons)}});
  }
  j["profiles"] = std::move(profiles);
  boost::json::array problems;
  for (const Problem& p : e.problems)
    problems.push_back(boost::json::object{{"code", p.code}, {"severity", severity_name(p.severity)}, {"message", p.message}});
  j["problems"] = std::move(problems);
  return j;
}

boost::json::value registration_json(const Registration& r, const std::string& reinstall) {
  boost::json::object o;
  o["manifest"] = r.manifest_path;
  if (r.location != r.manifest_path) o["location"] = r.location;
  o["registered"] = r.registered;
  o["ok"] = r.works();
  o["path"] = r.host_path.empty() ? boost::json::value(nullptr) : boost::json::value(r.host_path);
  if (r.ping) {
    boost::json::object ping;
    ping["ok"] = r.ping->ok;
    ping["version"] = r.ping->ok ? boost::json::value(r.ping->version) : boost::json::value(nullptr);
    ping["rules"] = r.ping->ok ? boost::json::value(r.ping->rules) : boost::json::value(nullptr);
    ping["error"] = r.ping->ok ? boost::json::value(nullptr) : boost::json::value(r.ping->error);
    o["ping"] = std::move(ping);
  } else {
    o["ping"] = nullptr;
  }
  boost::json::array problems;
  for (const Problem& p : r.problems)
    problems.push_back(boost::json::object{{"code", p.code},
                                           {"severity", severity_name(p.severity)},
                                           {"message", p.message},
                                           {"fix", fix_for(p, r, reinstall)}});
  o["problems"] = std::move(problems);
  return o;
}

}  // namespace

void print_text(const Report& report, const std::string& extension_dir, std::ostream& out) {
  out << "coolpapers doctor: native messaging host " << kHostName << "\n"
      << "  this binary:  " << report.self_path << "\n"
      << "  extension id: " << report.extension_id << " (Firefox: " << report.gecko_id << ")\n";
  for (const BrowserReport& b : report.browsers) {
    out << "\n" << b.browser.display << " (" << b.browser.name << "; profile " << b.profile_dir
        << (b.profile_found ? "" : ": not found") << ")\n";
    if (!b.installed) out << "  not installed here" << not_installed_reason(b.browser) << "\n";
    print_registration(b.system, report.reinstall, out);
    print_registration(b.user, report.reinstall, out);
    if (b.system.registered && b.user.registered)
      out << "  (the user registration takes precedence over the system one)\n";
    if (b.profile_found && !b.effective())
      out << "  the browser is in use here but the host is not registered for it: " << report.reinstall << "\n";
    if (b.browser.format != HostFormat::firefox)
      print_extension(b.extension, out);
    else if (b.installed)
      out << firefox_extension_note() << "\n";
  }

  std::string ready, not_ready;
  bool any_installed = false;
  for (const BrowserReport& b : report.browsers) {
    any_installed = any_installed || b.installed;
    std::string& list = b.ready() ? ready : not_ready;
    if (b.installed) list += (list.empty() ? "" : ", ") + b.browser.display;
  }
  int errors = report.error_count();
  out << "\n";
  if (!any_installed)
    out << "No browser found here: " << install_browser_advice() << ", then register the host with: " << report.reinstall
        << "\n";
  else if (ready.empty())
    out << "Not ready in any browser: register the host with: " << report.reinstall << "\n";
  else
    out << "Ready in: " << ready << ".\n";
  if (!ready.empty() && !not_ready.empty()) out << "Not ready in: " << not_ready << " (see above).\n";
  if (errors > 0) out << errors << (errors == 1 ? " problem" : " problems") << " found (see \"error\" above).\n";
  // Browsers that install the packed extension by themselves need no
  // unpacked copy; say where it is for the others. Firefox never gets the
  // .crx or chrome://extensions: its section says where its extension is.
  bool unpacked_needed = false;
  for (const BrowserReport& b : report.browsers)
    unpacked_needed = unpacked_needed ||
                      (b.browser.format != HostFormat::firefox && b.ready() && !b.extension.effective());
  if (unpacked_needed && !extension_dir.empty())
    out << "Where the extension is not offered, load it unpacked: chrome://extensions > Developer mode > Load unpacked > "
        << extension_dir << "\n";
  out << (report.ok() ? "doctor: OK\n" : "doctor: NOT OK\n");
}

void print_json(const Report& report, const std::string& extension_dir, std::ostream& out) {
  boost::json::object o;
  o["ok"] = report.ok();
  o["errors"] = report.error_count();
  o["binary"] = report.self_path;
  o["extension_id"] = report.extension_id;
  o["gecko_id"] = report.gecko_id;
  o["reinstall"] = report.reinstall;
  o["extension_dir"] = extension_dir.empty() ? boost::json::value(nullptr) : boost::json::value(extension_dir);
  boost::json::array browsers;
  for (const BrowserReport& b : report.browsers) {
    boost::json::object entry;
    entry["name"] = b.browser.name;
    entry["display"] = b.browser.display;
    entry["format"] = b.browser.format == HostFormat::firefox ? "firefox" : "chromium";
    entry["profile_dir"] = b.profile_dir;
    entry["profile_found"] = b.profile_found;
    entry["installed"] = b.installed;
    entry["ready"] = b.ready();
    const Registration* used = b.effective();
    entry["effective"] = used ? boost::json::value(scope_name(used->scope)) : boost::json::value(nullptr);
    entry["system"] = registration_json(b.system, report.reinstall);
    entry["user"] = registration_json(b.user, report.reinstall);
    entry["extension"] = extension_json(b.extension);
    browsers.push_back(std::move(entry));
  }
  o["browsers"] = std::move(browsers);
  out << boost::json::serialize(o) << "\n";
}

}  // namespace coolpapers::app::doctor
