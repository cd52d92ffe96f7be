// doctor's extension checks: for a browser, is the packed extension offered
// (external-extension file, the .crx's version and id) and installed and
// enabled in its profiles? Each case plants files in a temporary tree and
// runs check_extension() on the real coolpapers.crx of this build.
#include <doctest/doctest.h>

#include <stdlib.h>

#include <algorithm>
#include <boost/json.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "doctor_browsers.hpp"
#include "doctor_extension.hpp"

namespace fs = std::filesystem;
using namespace coolpapers::app::doctor;

namespace {

std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  REQUIRE_MESSAGE(in, "cannot read " << path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

void write(const std::string& path, const std::string& text) {
  fs::create_directories(fs::path(path).parent_path());
  std::ofstream(path, std::ios::binary | std::ios::trunc) << text;
}

std::string extension_version() {
  auto manifest = boost::json::parse(read_text(EXTENSION_DIR "/manifest.json"));
  return std::string(manifest.at("version").as_string());
}

const Browser& browser(const std::string& name) {
  const auto& all = builtin_browsers();
  auto it = std::find_if(all.begin(), all.end(), [&](const Browser& b) { return b.name == name; });
  REQUIRE(it != all.end());
  return *it;
}

std::vector<std::string> codes(const std::vector<Problem>& problems) {
  std::vector<std::string> out;
  for (const Problem& p : problems) out.push_back(p.code);
  return out;
}

// A temporary system root and config home with a Chromium profile
// "Default" (an empty Preferences: Chromium has run, nothing installed).
class Tree {
 public:
  Tree() {
    std::string pattern = (fs::temp_directory_path() / "coolpapers-doctor-ext-XXXXXX").string();
    REQUIRE(::mkdtemp(pattern.data()) != nullptr);
    dir_ = pattern;
    env.system_root = dir_ + "/root";
    env.config_home = dir_ + "/config";
    env.extension_id = std::string(builtin_extension_id());
    preferences("{}");
  }
  ~Tree() {
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }
  std::string profile_dir() const { return env.config_home + "/chromium"; }
  void preferences(const std::string& text, const std::string& file = "Preferences") const {
    write(profile_dir() + "/Default/" + file, text);
  }
  // The system offer, as the package writes it, naming this build's .crx.
  void offer(const std::string& version, const std::string& crx = COOLPAPERS_CRX) const {
    write(env.system_root + "/usr/lib/chromium/extensions/" + env.extension_id + ".json",
          R"({"external_crx": ")" + crx + R"(", "external_version": ")" + version + "\"}");
  }
  ExtensionReport check() const { return check_extension(browser("chromium"), profile_dir(), true, env); }
  std::string dir() const { return dir_; }

  Environment env;

 private:
  std::string dir_;
};

std::string installed(const std::string& id, const std::string& version, const std::string& extra = "") {
  return R"({"extensions":{"settings":{")" + id + R"(":{"location":2,"path":")" + id + "/" + version +
         R"(_0","manifest":{"name":"Cool Papers Redirector","version":")" + version + "\"}" + extra + "}}}}";
}

}  // namespace

TEST_CASE("this build's .crx: CRX3 of the extension id, at the extension's version") {
  std::string error;
  auto crx = read_crx(read_text(COOLPAPERS_CRX), error);
  REQUIRE_MESSAGE(crx, error);
  CHECK(crx->id == builtin_extension_id());
  CHECK(crx->version == extension_version());
}

TEST_CASE("not a .crx, a CRX2, a cut header: each refused with what is wrong") {
  std::string error;
  CHECK_FALSE(read_crx("PK\x03\x04 a zip", error));
  CHECK(error.find("not a .crx") != std::string::npos);
  CHECK_FALSE(read_crx(std::string("Cr24\x02\0\0\0", 8), error));
  CHECK(error.find("version 2") != std::string::npos);
  std::string crx = read_text(COOLPAPERS_CRX);
  CHECK_FALSE(read_crx(crx.substr(0, 100), error));
  CHECK(error.find("cut short") != std::string::npos);
}

TEST_CASE("not offered: the browser is in use, no external-extension file anywhere") {
  Tree tree;
  ExtensionReport r = tree.check();
  CHECK(r.offered_here);
  REQUIRE(r.system);
  REQUIRE(r.user);
  CHECK_FALSE(r.system->present);
  CHECK_FALSE(r.user->present);
  CHECK(r.effective() == nullptr);
  CHECK(codes(r.problems) == std::vector<std::string>{"not_offered"});
  CHECK(r.problems[0].severity == Severity::warning);
  CHECK(r.problems[0].message.find("packaging/install.sh --user") != std::string::npos);
  CHECK(r.error_count() == 0);
}

TEST_CASE("offered but not installed yet: restart the browser") {
  Tree tree;
  tree.offer(extension_version());
  ExtensionReport r = tree.check();
  REQUIRE(r.effective() == &*r.system);
  CHECK(r.system->problems.empty());
  REQUIRE(r.profiles.size() == 1);
  CHECK(r.profiles[0].profile == "Default");
  CHECK(r.profiles[0].state == InstallState::not_installed);
  CHECK(codes(r.problems) == std::vector<std::string>{"not_installed_yet"});
  CHECK(r.problems[0].message.find("restart Chromium") != std::string::npos);
}

TEST_CASE("offered per user: install.sh --user's file is found") {
  Tree tree;
  write(tree.profile_dir() + "/External Extensions/" + tree.env.extension_id + ".json",
        R"({"external_crx": ")" COOLPAPERS_CRX R"(", "external_version": ")" + extension_version() + "\"}");
  ExtensionReport r = tree.check();
  REQUIRE(r.effective() == &*r.user);
  CHECK(codes(r.problems) == std::vector<std::string>{"not_installed_yet"});
}

TEST_CASE("installed and enabled: no problem") {
  Tree tree;
  tree.offer(extension_version());
  tree.preferences(installed(tree.env.extension_id, extension_version(), R"(,"disable_reasons":[])"));
  ExtensionReport r = tree.check();
  REQUIRE(r.profiles.size() == 1);
  CHECK(r.profiles[0].state == InstallState::enabled);
  CHECK(r.profiles[0].version == extension_version());
  CHECK(r.problems.empty());
  CHECK(r.error_count() == 0);
}

TEST_CASE("installed, recorded in Secure Preferences (older Chromium)") {
  Tree tree;
  tree.offer(extension_version());
  tree.preferences(installed(tree.env.extension_id, extension_version()), "Secure Preferences");
  ExtensionReport r = tree.check();
  REQUIRE(r.profiles.size() == 1);
  CHECK(r.profiles[0].state == InstallState::enabled);
}

TEST_CASE("disabled by the user: turn it on in chrome://extensions") {
  Tree tree;
  tree.offer(extension_version());
  tree.preferences(installed(tree.env.extension_id, extension_version(), R"(,"disable_reasons":[1])"));
  ExtensionReport r = tree.check();
  REQUIRE(r.profiles.size() == 1);
  CHECK(r.profiles[0].state == InstallState::disabled);
  CHECK(r.profiles[0].disable_reasons == std::vector<int>{1});
  CHECK(codes(r.problems) == std::vector<std::string>{"disabled"});
  CHECK(r.problems[0].message.find("by the user") != std::string::npos);
  CHECK(r.problems[0].message.find("chrome://extensions") != std::string::npos);
}

TEST_CASE("disabled, older formats: a bit mask, or state 0") {
  CHECK(install_state(installed("x", "1.0", R"(,"disable_reasons":1)"), "", "x").state == InstallState::disabled);
  CHECK(install_state(installed("x", "1.0", R"(,"state":0)"), "", "x").state == InstallState::disabled);
  CHECK(install_state(installed("x", "1.0", R"(,"state":1)"), "", "x").state == InstallState::enabled);
}

TEST_CASE("removed by the user: Chromium will not install it again") {
  Tree tree;
  tree.offer(extension_version());
  tree.preferences(R"({"extensions":{"external_uninstalls":[")" + tree.env.extension_id + "\"]}}");
  ExtensionReport r = tree.check();
  CHECK(r.profiles[0].state == InstallState::removed_by_user);
  CHECK(codes(r.problems) == std::vector<std::string>{"removed_by_user"});
  CHECK(r.problems[0].message.find("Load unpacked") != std::string::npos);
}

TEST_CASE("an empty entry left after removal is not an installed extension") {
  CHECK(install_state(R"({"extensions":{"settings":{"x":{}}}})", "", "x").state == InstallState::not_installed);
}

TEST_CASE("version mismatch: the file announces another version than the .crx holds") {
  Tree tree;
  tree.offer("9.9.9");
  ExtensionReport r = tree.check();
  CHECK(codes(r.system->problems) == std::vector<std::string>{"version_mismatch"});
  CHECK(r.system->problems[0].message.find("announces version 9.9.9") != std::string::npos);
  CHECK(r.system->problems[0].message.find("sudo apt-get install --reinstall coolpapers") != std::string::npos);
  CHECK(r.effective() == nullptr);
  CHECK(r.error_count() == 1);
}

TEST_CASE("id mismatch: the .crx is another extension than the host allows") {
  Tree tree;
  tree.env.extension_id = std::string(32, 'a');
  tree.offer(extension_version());
  ExtensionReport r = tree.check();
  CHECK(codes(r.system->problems) == std::vector<std::string>{"id_mismatch"});
  CHECK(r.system->problems[0].message.find("chrome-extension://" + std::string(32, 'a') + "/") != std::string::npos);
  CHECK(r.error_count() == 1);
}

TEST_CASE("a missing .crx and a file that is not the format: errors naming the fix") {
  Tree tree;
  tree.offer(extension_version(), tree.dir() + "/gone.crx");
  CHECK(codes(tree.check().system->problems) == std::vector<std::string>{"crx_missing"});
  write(tree.env.system_root + "/usr/lib/chromium/extensions/" + tree.env.extension_id + ".json", "[1, 2]");
  CHECK(codes(tree.check().system->problems) == std::vector<std::string>{"offer_bad_json"});
}

TEST_CASE("browsers without a known directory are told to load it unpacked") {
  Tree tree;
  fs::create_directories(tree.env.config_home + "/vivaldi/Default");
  ExtensionReport r = check_extension(browser("vivaldi"), tree.env.config_home + "/vivaldi", true, tree.env);
  CHECK_FALSE(r.offered_here);
  CHECK(codes(r.problems) == std::vector<std::string>{"not_offered"});
  CHECK(r.problems[0].message.find("vivaldi://extensions") != std::string::npos);
}

TEST_CASE("the compiled-in table is packaging/external-extensions.tsv; bad rows are caught") {
  std::string error;
  auto from_file = parse_external_table(read_text(EXTERNAL_EXTENSIONS_TSV), error);
  REQUIRE_MESSAGE(from_file, error);
  REQUIRE(builtin_external_dirs().size() == from_file->size());
  for (std::size_t i = 0; i < from_file->size(); ++i) {
    CHECK(builtin_external_dirs()[i].name == (*from_file)[i].name);
    CHECK(builtin_external_dirs()[i].system_dir == (*from_file)[i].system_dir);
    CHECK(builtin_external_dirs()[i].per_user == (*from_file)[i].per_user);
  }
  CHECK_FALSE(parse_external_table("chromium\t/usr/lib/chromium/extensions\n", error));
  CHECK(error.find("line 1") != std::string::npos);
  CHECK_FALSE(parse_external_table("chromium\trelative\tyes\n", error));
  CHECK_FALSE(parse_external_table("chromium\t/x\tmaybe\n", error));
}
