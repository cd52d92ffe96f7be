// The built `coolpapers doctor` on Windows (run under Wine) against
// registrations this test writes into the registry of its Wine prefix, the
// way the MSIs write them: the default value of HKCU or HKLM
// Software\<browser>\NativeMessagingHosts\cool.papers.redirector names the
// manifest. %LOCALAPPDATA% and %APPDATA% point into a temporary folder, so
// the browsers' profiles are the ones the test plants.
#include <doctest/doctest.h>

#include <windows.h>

#include <boost/json.hpp>
#include <filesystem>
#include <fstream>
#include <string>

#include "process.hpp"

namespace fs = std::filesystem;
using coolpapers::test::ProcessResult;
using coolpapers::test::run_process;
using coolpapers::test::with_unix_line_ends;

namespace {

const std::wstring kChromeKey = L"Software\\Google\\Chrome\\NativeMessagingHosts\\cool.papers.redirector";
const std::string kChromeKeyText = "Software\\Google\\Chrome\\NativeMessagingHosts\\cool.papers.redirector";
const std::wstring kBrowserKeys[] = {
    kChromeKey,
    L"Software\\Microsoft\\Edge\\NativeMessagingHosts\\cool.papers.redirector",
    L"Software\\Chromium\\NativeMessagingHosts\\cool.papers.redirector",
    L"Software\\BraveSoftware\\Brave-Browser\\NativeMessagingHosts\\cool.papers.redirector",
    L"Software\\Vivaldi\\NativeMessagingHosts\\cool.papers.redirector",
    L"Software\\Mozilla\\NativeMessagingHosts\\cool.papers.redirector",
};

std::string extension_id() {
  std::ifstream in(EXTENSION_ID_FILE);
  std::string id;
  in >> id;
  return id;
}

std::string manifest_text(const std::string& path) {
  return R"({"name":"cool.papers.redirector","description":"test","path":")" + path +
         R"(","type":"stdio","allowed_origins":["chrome-extension://)" + extension_id() + R"(/"]})";
}

// JSON's escape of a Windows path's backslashes.
std::string json_escaped(std::string text) {
  for (std::size_t at = 0; (at = text.find('\\', at)) != std::string::npos; at += 2) text.insert(at, 1, '\\');
  return text;
}

// A temporary folder with a copy of coolpapers.exe, the user's profile
// folders and no registration of the host in HKCU or HKLM; everything the
// test wrote is removed afterwards.
class Sandbox {
 public:
  Sandbox() : dir_(fs::temp_directory_path() / ("coolpapers-doctor-windows-" + std::to_string(::GetCurrentProcessId()))) {
    fs::remove_all(dir_);
    fs::create_directories(dir_ / "host");
    fs::create_directories(dir_ / "local");
    fs::create_directories(dir_ / "roaming");
    fs::copy_file(COOLPAPERS_BIN, host_exe());
    unregister_all();
  }
  ~Sandbox() {
    unregister_all();
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }
  Sandbox(const Sandbox&) = delete;
  Sandbox& operator=(const Sandbox&) = delete;

  std::string host_exe() const { return (dir_ / "host" / "coolpapers.exe").string(); }
  std::string path(const std::string& name) const { return (dir_ / "host" / name).string(); }

  // Google Chrome has been used here (its user-data-dir exists).
  void plant_chrome_profile() const { fs::create_directories(dir_ / "local" / "Google" / "Chrome" / "User Data"); }

  std::string write_manifest(const std::string& name, const std::string& text) const {
    std::ofstream(path(name), std::ios::binary | std::ios::trunc) << text;
    return path(name);
  }

  static void register_chrome(HKEY root, const std::string& manifest) {
    const std::wstring value(manifest.begin(), manifest.end());  // ASCII paths only
    REQUIRE(::RegSetKeyValueW(root, kChromeKey.c_str(), nullptr, REG_SZ, value.c_str(),
                              static_cast<DWORD>((value.size() + 1) * sizeof(wchar_t))) == ERROR_SUCCESS);
  }

  // The copy's doctor: the registered host is then this binary.
  ProcessResult doctor(const std::vector<std::string>& args = {}) const {
    std::vector<std::string> argv = {host_exe(), "doctor"};
    argv.insert(argv.end(), args.begin(), args.end());
    return with_unix_line_ends(
        run_process(argv, {}, {"LOCALAPPDATA=" + (dir_ / "local").string(), "APPDATA=" + (dir_ / "roaming").string()}));
  }

 private:
  static void unregister_all() {
    for (HKEY root : {HKEY_CURRENT_USER, HKEY_LOCAL_MACHINE})
      for (const std::wstring& key : kBrowserKeys) ::RegDeleteTreeW(root, key.c_str());
  }

  fs::path dir_;
};

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (std::size_t at = 0; (at = text.find(what, at)) != std::string::npos; at += what.size()) ++n;
  return n;
}

}  // namespace

TEST_CASE("with nothing registered doctor names every browser's registry keys, says to install the MSI and exits 1") {
  Sandbox sandbox;
  ProcessResult r = sandbox.doctor();
  CAPTURE(r.out);
  CHECK(r.exit_code == 1);
  CHECK(count(r.out, "not registered\n") == 12);  // six browsers, HKLM and HKCU each
  CHECK(r.out.find("  user   HKCU\\" + kChromeKeyText + "\n         not registered\n") != std::string::npos);
  CHECK(r.out.find("No browser found here: install Google Chrome") != std::string::npos);
  CHECK(r.out.find("msiexec /i coolpapers-<version>-peruser.msi") != std::string::npos);
  CHECK(r.out.find("doctor: NOT OK\n") != std::string::npos);

  sandbox.plant_chrome_profile();
  r = sandbox.doctor();
  CHECK(r.exit_code == 1);
  CHECK(r.out.find("the browser is in use here but the host is not registered for it: msiexec /i") != std::string::npos);
  CHECK(r.out.find("Not ready in any browser: register the host with: msiexec /i") != std::string::npos);
}

TEST_CASE("an HKCU registration whose manifest names the exe relative to its folder is ready, pinged as Chrome starts it") {
  Sandbox sandbox;
  sandbox.plant_chrome_profile();
  Sandbox::register_chrome(HKEY_CURRENT_USER, sandbox.write_manifest("host.json", manifest_text("coolpapers.exe")));
  ProcessResult r = sandbox.doctor();
  CAPTURE(r.out);
  CAPTURE(r.err);
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("  user   HKCU\\" + kChromeKeyText + "\n         manifest " + sandbox.path("host.json") +
                   "\n         ok: " + sandbox.host_exe() + " answered ping (version ") != std::string::npos);
  CHECK(r.out.find("Ready in: Google Chrome.\n") != std::string::npos);
  CHECK(r.out.find("[not_this_binary]") == std::string::npos);
  CHECK(r.out.find("doctor: OK\n") != std::string::npos);
}

TEST_CASE("doctor --json on Windows is one JSON object naming the registry key, the manifest and the ping") {
  Sandbox sandbox;
  sandbox.plant_chrome_profile();
  Sandbox::register_chrome(HKEY_CURRENT_USER, sandbox.write_manifest("host.json", manifest_text("coolpapers.exe")));
  ProcessResult r = sandbox.doctor({"--json"});
  CAPTURE(r.out);
  CHECK(r.exit_code == 0);
  boost::json::error_code ec;
  boost::json::value report = boost::json::parse(r.out, ec);
  REQUIRE(!ec);
  CHECK(report.at("ok") == true);
  const boost::json::value* chrome = nullptr;
  for (const auto& browser : report.at("browsers").as_array())
    if (browser.at("name") == "chrome") chrome = &browser;
  REQUIRE(chrome != nullptr);
  CHECK(chrome->at("ready") == true);
  CHECK(chrome->at("effective") == "user");
  const auto& user = chrome->at("user");
  CHECK(user.at("location") == ("HKCU\\" + kChromeKeyText).c_str());
  CHECK(user.at("manifest") == sandbox.path("host.json").c_str());
  CHECK(user.at("path") == sandbox.host_exe().c_str());
  CHECK(user.at("ping").at("ok") == true);
  CHECK(chrome->at("system").at("registered") == false);
}

TEST_CASE("a registration that cannot work is reported with its problem and fails doctor") {
  struct Row {
    const char* what;
    std::string manifest_text;  // empty: the registry names a manifest that is not there
    std::string problem;
  };
  const Row rows[] = {
      {"the manifest is not JSON", "{\"name\": ", "error [bad_json]: not valid JSON"},
      {"its path does not exist", manifest_text("missing.exe"), "error [path_not_found]: \"path\" "},
      {"it does not allow the extension",
       R"({"name":"cool.papers.redirector","path":"coolpapers.exe","type":"stdio","allowed_origins":[]})",
       "error [origin_missing]"},
      {"the manifest is missing", "", "error [manifest_not_found]: HKCU\\" + kChromeKeyText + " names the manifest "},
  };
  for (const Row& row : rows) {
    CAPTURE(row.what);
    Sandbox sandbox;
    sandbox.plant_chrome_profile();
    std::string manifest = row.manifest_text.empty() ? sandbox.path("absent.json")
                                                     : sandbox.write_manifest("host.json", row.manifest_text);
    Sandbox::register_chrome(HKEY_CURRENT_USER, manifest);
    ProcessResult r = sandbox.doctor();
    CAPTURE(r.out);
    CHECK(r.exit_code == 1);
    CHECK(r.out.find(row.problem) != std::string::npos);
    CHECK(r.out.find("fix: reinstall with msiexec /i coolpapers-") != std::string::npos);
    CHECK(r.out.find("doctor: NOT OK\n") != std::string::npos);
    ProcessResult j = sandbox.doctor({"--json"});
    CHECK(j.out.find("\"manifest\":\"" + json_escaped(manifest) + "\"") != std::string::npos);
  }
}

TEST_CASE("HKCU comes before HKLM, as the browsers look") {
  Sandbox sandbox;
  sandbox.plant_chrome_profile();
  Sandbox::register_chrome(HKEY_LOCAL_MACHINE, sandbox.write_manifest("good.json", manifest_text("coolpapers.exe")));
  ProcessResult r = sandbox.doctor();
  CAPTURE(r.out);
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("  system HKLM\\" + kChromeKeyText + "\n         manifest " + sandbox.path("good.json")) !=
        std::string::npos);

  Sandbox::register_chrome(HKEY_CURRENT_USER, sandbox.write_manifest("broken.json", "[]"));
  r = sandbox.doctor({"--json"});
  CHECK(r.exit_code == 1);
  boost::json::value report = boost::json::parse(r.out);
  CHECK(report.at("browsers").at(0).at("effective") == "user");
  CHECK(report.at("browsers").at(0).at("ready") == false);
}
