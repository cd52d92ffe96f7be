// The built `coolpapers doctor` against registrations planted in a
// temporary tree: COOLPAPERS_DOCTOR_ROOT for the system directories, HOME
// and XDG_CONFIG_HOME for the user ones. Exit codes, --json and the plain
// text's exact problem lines.
#include <doctest/doctest.h>

#include <pwd.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <boost/json.hpp>
#include <filesystem>
#include <fstream>
#include <string>

#include "coolpapers/resolver.hpp"
#include "doctor_browsers.hpp"
#include "process.hpp"

namespace fs = std::filesystem;
using coolpapers::test::ProcessResult;
using coolpapers::test::run_process;

namespace {

const std::string kManifestFile = "cool.papers.redirector.json";

// A fresh system root and HOME, set in this process's environment (which
// run_process passes on), removed afterwards.
class Sandbox {
 public:
  Sandbox() {
    std::string pattern = (fs::temp_directory_path() / "coolpapers-doctor-XXXXXX").string();
    REQUIRE(::mkdtemp(pattern.data()) != nullptr);
    dir_ = pattern;
    fs::create_directories(root());
    fs::create_directories(home());
    ::setenv("COOLPAPERS_DOCTOR_ROOT", root().c_str(), 1);
    ::setenv("HOME", home().c_str(), 1);
    ::unsetenv("XDG_CONFIG_HOME");
  }
  ~Sandbox() {
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }
  std::string root() const { return dir_ + "/root"; }
  std::string home() const { return dir_ + "/home"; }
  std::string dir() const { return dir_; }

  std::string system_manifest(const std::string& system_dir) const { return root() + system_dir + "/" + kManifestFile; }
  std::string user_manifest(const std::string& user_dir) const {
    return home() + "/.config/" + user_dir + "/NativeMessagingHosts/" + kManifestFile;
  }
  // Where `browser` reads a user's manifest: Firefox's are below HOME.
  std::string user_manifest(const coolpapers::app::doctor::Browser& browser) const {
    if (browser.format == coolpapers::app::doctor::HostFormat::firefox)
      return home() + "/" + browser.user_dir + "/native-messaging-hosts/" + kManifestFile;
    return user_manifest(browser.user_dir);
  }
  std::string firefox_user_manifest() const { return home() + "/.mozilla/native-messaging-hosts/" + kManifestFile; }

  static void write(const std::string& path, const std::string& text, fs::perms mode = fs::perms(0644)) {
    fs::create_directories(fs::path(path).parent_path());
    std::ofstream(path, std::ios::binary | std::ios::trunc) << text;
    fs::permissions(path, mode);
  }

 private:
  std::string dir_;
};

std::string good_manifest(const std::string& path) {
  return R"({"name":"cool.papers.redirector","description":"test","path":")" + path +
         R"(","type":"stdio","allowed_origins":["chrome-extension://)" +
         std::string(coolpapers::app::doctor::builtin_extension_id()) + R"(/"]})";
}

std::string good_firefox_manifest(const std::string& path) {
  return R"({"name":"cool.papers.redirector","description":"test","path":")" + path +
         R"(","type":"stdio","allowed_extensions":[")" + std::string(coolpapers::app::doctor::builtin_gecko_id()) +
         R"("]})";
}

// The manifest install.sh writes for `browser`: Firefox's has its own format.
std::string good_manifest_for(const coolpapers::app::doctor::Browser& browser, const std::string& path) {
  return browser.format == coolpapers::app::doctor::HostFormat::firefox ? good_firefox_manifest(path)
                                                                         : good_manifest(path);
}

ProcessResult doctor(bool json = true) {
  std::vector<std::string> argv = {COOLPAPERS_BIN, "doctor"};
  if (json) argv.push_back("--json");
  return run_process(argv);
}

boost::json::object parse_report(const ProcessResult& r) {
  boost::system::error_code ec;
  auto v = boost::json::parse(r.out, ec);
  REQUIRE_MESSAGE(!ec, (r.out + r.err));
  REQUIRE(v.is_object());
  return v.as_object();
}

const boost::json::object& browser(const boost::json::object& report, std::string_view name) {
  for (const auto& b : report.at("browsers").as_array())
    if (b.as_object().at("name").as_string() == name) return b.as_object();
  FAIL("no browser " << name << " in the report");
  throw;
}

}  // namespace

TEST_CASE("with nothing registered doctor lists every browser as unregistered and exits 1") {
  Sandbox box;
  auto r = doctor();
  CHECK(r.exit_code == 1);
  auto report = parse_report(r);
  CHECK(report.at("ok").as_bool() == false);
  CHECK(report.at("errors").as_int64() == 0);
  const auto& browsers = report.at("browsers").as_array();
  const auto& table = coolpapers::app::doctor::builtin_browsers();
  REQUIRE(browsers.size() == table.size());
  for (std::size_t i = 0; i < table.size(); ++i) {
    const auto& b = browsers[i].as_object();
    CAPTURE(table[i].name);
    CHECK(b.at("name").as_string() == table[i].name);
    CHECK(b.at("ready").as_bool() == false);
    CHECK(b.at("system").at("registered").as_bool() == false);
    CHECK(b.at("user").at("registered").as_bool() == false);
    CHECK(b.at("system").at("manifest").as_string() == box.system_manifest(table[i].system_dir));
    CHECK(b.at("user").at("manifest").as_string() == box.user_manifest(table[i]));
  }
  auto text = doctor(false);
  CHECK(text.exit_code == 1);
  CHECK(text.out.find("No browser found here: install Chromium") != std::string::npos);
}

TEST_CASE("a user registration of this binary makes that browser ready: ping answered, exit 0") {
  Sandbox box;
  Sandbox::write(box.user_manifest("chromium"), good_manifest(COOLPAPERS_BIN));
  auto r = doctor();
  CHECK(r.exit_code == 0);
  auto report = parse_report(r);
  CHECK(report.at("ok").as_bool());
  const auto& chromium = browser(report, "chromium");
  CHECK(chromium.at("ready").as_bool());
  CHECK(chromium.at("effective").as_string() == "user");
  const auto& user = chromium.at("user").as_object();
  CHECK(user.at("ok").as_bool());
  CHECK(user.at("problems").as_array().empty());
  CHECK(user.at("ping").at("ok").as_bool());
  CHECK(user.at("ping").at("version").as_string() == coolpapers::version());
  CHECK(user.at("ping").at("rules").as_int64() > 0);
  CHECK(browser(report, "chrome").at("ready").as_bool() == false);

  auto text = doctor(false);
  CHECK(text.exit_code == 0);
  CHECK(text.out.find("Ready in: Chromium.") != std::string::npos);
  CHECK(text.out.find("doctor: OK") != std::string::npos);
}

TEST_CASE("a system registration in Chrome's directory serves Google Chrome and Brave once they are installed") {
  Sandbox box;
  Sandbox::write(box.system_manifest("/etc/opt/chrome/native-messaging-hosts"), good_manifest(COOLPAPERS_BIN));
  auto before = parse_report(doctor());
  CHECK(browser(before, "chrome").at("installed").as_bool() == false);
  CHECK(browser(before, "chrome").at("ready").as_bool() == false);
  CHECK(browser(before, "brave").at("ready").as_bool() == false);
  // Chrome installed but never started (its program on PATH), Brave started once.
  ::setenv("PATH", "/usr/bin:/bin", 1);
  Sandbox::write(box.root() + "/usr/bin/google-chrome-stable", "#!/bin/sh\n", fs::perms(0755));
  fs::create_directories(box.home() + "/.config/BraveSoftware/Brave-Browser");
  auto r = doctor();
  CHECK(r.exit_code == 0);
  auto report = parse_report(r);
  CHECK(browser(report, "chrome").at("ready").as_bool());
  CHECK(browser(report, "chrome").at("effective").as_string() == "system");
  CHECK(browser(report, "brave").at("ready").as_bool());
  CHECK(browser(report, "chromium").at("ready").as_bool() == false);
}

TEST_CASE("user directories follow XDG_CONFIG_HOME when it is set") {
  Sandbox box;
  std::string xdg = box.dir() + "/xdg";
  Sandbox::write(xdg + "/vivaldi/NativeMessagingHosts/" + kManifestFile, good_manifest(COOLPAPERS_BIN));
  ::setenv("XDG_CONFIG_HOME", xdg.c_str(), 1);
  auto r = doctor();
  ::unsetenv("XDG_CONFIG_HOME");
  CHECK(r.exit_code == 0);
  auto report = parse_report(r);
  const auto& vivaldi = browser(report, "vivaldi");
  CHECK(vivaldi.at("ready").as_bool());
  CHECK(vivaldi.at("user").at("manifest").as_string() == xdg + "/vivaldi/NativeMessagingHosts/" + kManifestFile);
  CHECK(vivaldi.at("profile_found").as_bool());
}

TEST_CASE("a broken registration is reported with the exact problem, and fails doctor even beside a good one") {
  struct Case {
    std::string name;
    std::string code;
    std::string message;  // must appear in the plain text as "error [code]: message"
  };
  Sandbox box;
  fs::create_directories(box.home() + "/.config/chromium");
  fs::create_directories(box.home() + "/.config/microsoft-edge");
  // Programs a registration may point at.
  std::string not_executable = box.dir() + "/not-executable";
  Sandbox::write(not_executable, "#!/bin/sh\nexit 0\n", fs::perms(0644));
  std::string exits = box.dir() + "/host-exits.sh";
  Sandbox::write(exits, "#!/bin/sh\necho 'stub: giving up' >&2\nexit 3\n", fs::perms(0755));
  std::string garbage = box.dir() + "/host-garbage.sh";
  Sandbox::write(garbage, "#!/bin/sh\necho 'debug output, not a frame'\n", fs::perms(0755));
  std::string other_id = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";

  struct Planted {
    Case c;
    std::string manifest;
  };
  const std::vector<Planted> cases = {
      {{"wrong path", "path_not_found", "\"path\" /nonexistent/coolpapers does not exist"},
       good_manifest("/nonexistent/coolpapers")},
      {{"wrong origin", "origin_missing",
        "does not hold chrome-extension://" + std::string(coolpapers::app::doctor::builtin_extension_id()) + "/"},
       R"({"name":"cool.papers.redirector","path":")" + std::string(COOLPAPERS_BIN) +
           R"(","type":"stdio","allowed_origins":["chrome-extension://)" + other_id + R"(/"]})"},
      {{"bad JSON", "bad_json", "not valid JSON"}, "{\"name\": \"cool.papers.redirector\", \"path\": "},
      {{"not executable", "path_not_executable", "\"path\" " + not_executable + " is not executable (mode 0644)"},
       good_manifest(not_executable)},
      {{"host exits without answering", "ping_failed",
        "started as a browser would, the host exited with status 3 with no reply; its stderr: stub: giving up"},
       good_manifest(exits)},
      {{"host writes text instead of a frame", "ping_failed", "the host exited with status 0 with a frame declaring"},
       good_manifest(garbage)},
  };
  // A working registration elsewhere: the broken one must still fail doctor.
  Sandbox::write(box.system_manifest("/etc/chromium/native-messaging-hosts"), good_manifest(COOLPAPERS_BIN));

  for (const Planted& p : cases) {
    CAPTURE(p.c.name);
    Sandbox::write(box.user_manifest("microsoft-edge"), p.manifest);
    auto r = doctor();
    CHECK(r.exit_code == 1);
    auto report = parse_report(r);
    CHECK(report.at("ok").as_bool() == false);
    CHECK(report.at("errors").as_int64() >= 1);
    CHECK(browser(report, "chromium").at("ready").as_bool());
    const auto& edge = browser(report, "edge");
    CHECK(edge.at("ready").as_bool() == false);
    // The first error is the fault planted (a stub host also draws the
    // not_this_binary warning).
    const boost::json::object* first_error = nullptr;
    for (const auto& problem : edge.at("user").at("problems").as_array())
      if (!first_error && problem.at("severity").as_string() == "error") first_error = &problem.as_object();
    REQUIRE(first_error != nullptr);
    CHECK(first_error->at("code").as_string() == p.c.code);

    auto text = doctor(false);
    CHECK(text.exit_code == 1);
    std::string line = "error [" + p.c.code + "]: ";
    auto at = text.out.find(line);
    REQUIRE_MESSAGE(at != std::string::npos, text.out);
    std::string rest = text.out.substr(at + line.size(), text.out.find('\n', at) - at - line.size());
    CHECK_MESSAGE(rest.find(p.c.message) != std::string::npos, rest);
    CHECK(text.out.find("doctor: NOT OK") != std::string::npos);
  }
}

TEST_CASE("a working host that is another program is a warning, not a failure") {
  Sandbox box;
  std::string wrapper = box.dir() + "/wrapper.sh";
  Sandbox::write(wrapper, std::string("#!/bin/sh\nexec '") + COOLPAPERS_BIN + "' \"$@\"\n", fs::perms(0755));
  Sandbox::write(box.user_manifest("chromium"), good_manifest(wrapper));
  auto r = doctor();
  CHECK(r.exit_code == 0);
  auto report = parse_report(r);
  const auto& problems = browser(report, "chromium").at("user").at("problems").as_array();
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].at("code").as_string() == "not_this_binary");
  CHECK(problems[0].at("severity").as_string() == "warning");
}

TEST_CASE("the host is started as a browser starts it: in its own directory, the origin its one argument") {
  Sandbox box;
  std::string host_dir = box.dir() + "/hostdir";
  std::string log = box.dir() + "/started.log";
  std::string recorder = host_dir + "/recorder.sh";
  Sandbox::write(recorder,
                 "#!/bin/sh\necho \"$PWD|$#|$1\" > '" + log + "'\nexec '" + std::string(COOLPAPERS_BIN) + "' \"$@\"\n",
                 fs::perms(0755));
  Sandbox::write(box.user_manifest("chromium"), good_manifest(recorder));
  auto r = doctor();
  CHECK(r.exit_code == 0);
  std::ifstream in(log);
  std::string line;
  std::getline(in, line);
  CHECK(line == host_dir + "|1|chrome-extension://" + std::string(coolpapers::app::doctor::builtin_extension_id()) + "/");
}

TEST_CASE("Firefox: a user registration in ~/.mozilla is ready, and the host is pinged the way Firefox starts it") {
  Sandbox box;
  std::string host_dir = box.dir() + "/hostdir";
  std::string log = box.dir() + "/started.log";
  std::string recorder = host_dir + "/recorder.sh";
  Sandbox::write(recorder,
                 "#!/bin/sh\necho \"$PWD|$#|$1|$2\" > '" + log + "'\nexec '" + std::string(COOLPAPERS_BIN) + "' \"$@\"\n",
                 fs::perms(0755));
  Sandbox::write(box.firefox_user_manifest(), good_firefox_manifest(recorder));
  auto r = doctor();
  auto report = parse_report(r);
  const auto& firefox = browser(report, "firefox");
  CHECK(firefox.at("format").as_string() == "firefox");
  CHECK(firefox.at("profile_dir").as_string() == box.home() + "/.mozilla");
  CHECK(firefox.at("ready").as_bool());
  CHECK(firefox.at("user").at("ping").at("ok").as_bool());
  std::ifstream in(log);
  std::string line;
  std::getline(in, line);
  CHECK(line == host_dir + "|2|" + box.firefox_user_manifest() + "|" +
                    std::string(coolpapers::app::doctor::builtin_gecko_id()));
  // The .crx checks are Chromium's: Firefox's extension is the sideloaded folder.
  const auto& extension = firefox.at("extension");
  CHECK_FALSE(extension.at("offered_here").as_bool());
  CHECK(extension.at("problems").as_array().empty());
  auto text = doctor(false);
  CHECK(text.out.find("Ready in: Firefox.") != std::string::npos);
  CHECK(text.out.find("Debian's Firefox ESR loads the one the package puts in") != std::string::npos);
  CHECK(text.out.find("Load unpacked") == std::string::npos);
}

TEST_CASE("Firefox: Chrome's manifest format in Firefox's directory is an error naming the fix") {
  Sandbox box;
  Sandbox::write(box.system_manifest("/usr/lib/mozilla/native-messaging-hosts"), good_manifest(COOLPAPERS_BIN));
  auto r = doctor();
  CHECK(r.exit_code == 1);
  auto report = parse_report(r);
  const auto& problems = browser(report, "firefox").at("system").at("problems").as_array();
  std::vector<std::string> codes;
  for (const auto& p : problems) codes.emplace_back(p.at("code").as_string());
  CHECK(codes == std::vector<std::string>{"has_origins", "extensions_missing"});
}

TEST_CASE("doctor --help exits 0 and an unknown argument is a usage error") {
  auto help = run_process({COOLPAPERS_BIN, "doctor", "--help"});
  CHECK(help.exit_code == 0);
  CHECK(help.out.find("Usage: coolpapers doctor [--json]") != std::string::npos);
  auto bad = run_process({COOLPAPERS_BIN, "doctor", "--frobnicate"});
  CHECK(bad.exit_code == 2);
  CHECK(bad.err.find("doctor: unknown argument \"--frobnicate\"") != std::string::npos);
}

TEST_CASE("a browser whose profile exists but has no registration gets the install hint") {
  Sandbox box;
  fs::create_directories(box.home() + "/.config/BraveSoftware/Brave-Browser");
  auto r = doctor(false);
  CHECK(r.exit_code == 1);
  auto at = r.out.find("Brave (brave; profile " + box.home() + "/.config/BraveSoftware/Brave-Browser)\n");
  REQUIRE_MESSAGE(at != std::string::npos, r.out);
  const std::string text = "the browser is in use here but the host is not registered for it: " +
                           std::string(COOLPAPERS_SOURCE_DIR) + "/packaging/install.sh --user";
  auto hint = r.out.find(text, at);
  CHECK(hint != std::string::npos);
  CHECK(hint < r.out.find("Vivaldi"));
  CHECK(r.out.find(text) == hint);  // only Brave's profile exists: the first hint is Brave's ...
  CHECK(r.out.find(text, hint + 1) == std::string::npos);  // ... and the only one
}

TEST_CASE("without HOME the user directories are under the home directory /etc/passwd gives this user") {
  Sandbox box;
  const passwd* pw = ::getpwuid(::getuid());
  REQUIRE(pw != nullptr);
  std::string home = pw->pw_dir;
  ::unsetenv("HOME");
  auto r = doctor();
  ::setenv("HOME", box.home().c_str(), 1);
  auto report = parse_report(r);
  CHECK(browser(report, "chromium").at("profile_dir").as_string() == home + "/.config/chromium");
}

TEST_CASE("Ready lists only installed browsers whose registration works") {
  Sandbox box;
  for (const auto& b : coolpapers::app::doctor::builtin_browsers())
    Sandbox::write(box.system_manifest(b.system_dir), good_manifest_for(b, COOLPAPERS_BIN));
  fs::create_directories(box.home() + "/.config/chromium");
  auto r = doctor(false);
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("Ready in: Chromium.\n") != std::string::npos);
  CHECK(r.out.find("Google Chrome (chrome; profile " + box.home() + "/.config/google-chrome: not found)\n"
                   "  not installed here") != std::string::npos);
  auto report = parse_report(doctor());
  CHECK(browser(report, "chromium").at("installed").as_bool());
  for (std::string name : {"chrome", "edge", "brave", "vivaldi"}) {
    CAPTURE(name);
    CHECK(browser(report, name).at("installed").as_bool() == false);
    CHECK(browser(report, name).at("ready").as_bool() == false);
  }
}

TEST_CASE("a broken Chromium manifest: not ready anywhere, the JSON fault's line and column, and a fix") {
  Sandbox box;
  for (const auto& b : coolpapers::app::doctor::builtin_browsers())
    Sandbox::write(box.system_manifest(b.system_dir), good_manifest_for(b, COOLPAPERS_BIN));
  Sandbox::write(box.user_manifest("chromium"), "{\"name\": \"cool.papers.redirector\",\n \"path\": oops}");
  auto r = doctor(false);
  CHECK(r.exit_code == 1);
  CHECK(r.out.find("Ready in:") == std::string::npos);
  CHECK(r.out.find("Not ready in any browser: register the host with: " + std::string(COOLPAPERS_SOURCE_DIR) +
                   "/packaging/install.sh --user\n") != std::string::npos);
  CHECK(r.out.find("error [bad_json]: not valid JSON: syntax error at line 2, column 10\n"
                   "           fix: reinstall with " + std::string(COOLPAPERS_SOURCE_DIR) +
                   "/packaging/install.sh --user (it rewrites " + box.user_manifest("chromium") + ")\n") !=
        std::string::npos);
}

TEST_CASE("every problem in --json carries a one-line fix") {
  Sandbox box;
  fs::create_directories(box.home() + "/.config/chromium");
  Sandbox::write(box.system_manifest("/etc/chromium/native-messaging-hosts"),
                 R"({"name":"other","type":"pipe","path":"relative/coolpapers","allowed_origins":["x"]})");
  auto report = parse_report(doctor());
  const auto& problems = browser(report, "chromium").at("system").at("problems").as_array();
  CHECK(problems.size() >= 4);
  for (const auto& p : problems) {
    CAPTURE(p);
    const auto& fix = p.at("fix").as_string();
    CHECK(fix.find("reinstall with ") != std::string::npos);
    CHECK(std::string_view(fix).find('\n') == std::string_view::npos);
  }
  CHECK(report.at("reinstall").as_string() == std::string(COOLPAPERS_SOURCE_DIR) + "/packaging/install.sh --user");
}

TEST_CASE("the extension: a bad offer fails doctor; a good one installed and enabled is reported as such") {
  Sandbox box;
  Sandbox::write(box.user_manifest("chromium"), good_manifest(COOLPAPERS_BIN));
  std::string id(coolpapers::app::doctor::builtin_extension_id());
  std::string offer = box.root() + "/usr/lib/chromium/extensions/" + id + ".json";
  Sandbox::write(offer, R"({"external_crx": ")" COOLPAPERS_CRX R"(", "external_version": "9.9.9"})");
  Sandbox::write(box.home() + "/.config/chromium/Default/Preferences", "{}");
  auto bad = doctor(false);
  CHECK(bad.exit_code == 1);
  CHECK(bad.out.find("error [version_mismatch]: announces version 9.9.9") != std::string::npos);

  auto crx_version = parse_report(doctor()).at("browsers").as_array()[0].at("extension").at("system").at("crx_version");
  REQUIRE(crx_version.is_string());
  std::string version(crx_version.as_string());
  Sandbox::write(offer, R"({"external_crx": ")" COOLPAPERS_CRX R"(", "external_version": ")" + version + "\"}");
  Sandbox::write(box.home() + "/.config/chromium/Default/Preferences",
                 R"({"extensions":{"settings":{")" + id + R"(":{"path":"x","manifest":{"version":")" + version +
                     R"("},"disable_reasons":[]}}}})");
  auto r = doctor();
  CHECK(r.exit_code == 0);
  auto report = parse_report(r);
  const auto& extension = browser(report, "chromium").at("extension").as_object();
  CHECK(extension.at("offered").as_string() == "system");
  CHECK(extension.at("system").at("crx_id").as_string() == id);
  CHECK(extension.at("profiles").as_array()[0].at("state").as_string() == "enabled");
  CHECK(extension.at("problems").as_array().empty());
  CHECK(doctor(false).out.find("profile Default: extension enabled (version " + version + ")") != std::string::npos);
}
