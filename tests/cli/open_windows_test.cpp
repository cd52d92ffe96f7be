// `open` on Windows (run under Wine): without $BROWSER the URL goes to
// ShellExecuteW, which starts the handler registered for its scheme. The
// test registers its own https handler (a cmd.exe line that writes the URL
// it gets into a file) in the Wine prefix's registry, and puts the prefix's
// own back afterwards. Built on Windows only (tests/cli/CMakeLists.txt).
#include <doctest/doctest.h>

#include <windows.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>

#include "process.hpp"

using coolpapers::test::ProcessResult;
using coolpapers::test::run_process;
using coolpapers::test::with_unix_line_ends;

namespace {

// HKEY_CLASSES_ROOT's own key: Wine does not merge the per-user
// HKCU\Software\Classes into it as Windows does.
const wchar_t* kHandlerKey = L"https\\shell\\open\\command";

ProcessResult run_cli(std::vector<std::string> args, std::vector<std::string> env) {
  args.insert(args.begin(), COOLPAPERS_BIN);
  env.push_back("APPDATA=/nonexistent-coolpapers-test");  // the user's own rules.json never counts
  return with_unix_line_ends(run_process(args, {}, env));
}

void set_handler(const std::wstring& command) {
  REQUIRE(::RegSetKeyValueW(HKEY_CLASSES_ROOT, kHandlerKey, nullptr, REG_SZ, command.c_str(),
                            static_cast<DWORD>((command.size() + 1) * sizeof(wchar_t))) == ERROR_SUCCESS);
}

// The handler of https URLs writes each URL it is given into `log`, for as
// long as this object lives; then the prefix's own handler is back.
class HttpsHandler {
 public:
  explicit HttpsHandler(const std::filesystem::path& log) {
    wchar_t value[1024];
    DWORD bytes = sizeof value;
    REQUIRE(::RegGetValueW(HKEY_CLASSES_ROOT, kHandlerKey, nullptr, RRF_RT_REG_SZ, nullptr, value, &bytes) ==
            ERROR_SUCCESS);
    original_ = value;
    set_handler(L"cmd.exe /d /c echo %1> \"" + log.wstring() + L"\"");
  }
  ~HttpsHandler() { set_handler(original_); }
  HttpsHandler(const HttpsHandler&) = delete;
  HttpsHandler& operator=(const HttpsHandler&) = delete;

 private:
  std::wstring original_;
};

}  // namespace

TEST_CASE("open --dry-run without BROWSER names the ShellExecuteW call") {
  ProcessResult r = run_cli({"open", "--dry-run", "arXiv:2401.00001"}, {"BROWSER="});
  CHECK(r.exit_code == 0);
  CHECK(r.out == "'ShellExecuteW' 'open' 'https://papers.cool/arxiv/2401.00001'\n");
}

TEST_CASE("open without BROWSER hands the page to the shell's https handler through ShellExecuteW") {
  const auto log = std::filesystem::temp_directory_path() / "coolpapers-open-windows-test.log";
  std::filesystem::remove(log);
  HttpsHandler handler(log);
  ProcessResult r = run_cli({"open", "see arXiv:2401.00001"}, {"BROWSER="});
  CAPTURE(r.err);
  CHECK(r.exit_code == 0);
  std::string got;
  for (int i = 0; i < 250 && got.empty(); ++i) {  // the handler is not waited for
    std::ifstream in(log);
    std::getline(in, got);
    if (got.empty()) std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  while (!got.empty() && (got.back() == '\r' || got.back() == ' ')) got.pop_back();
  CHECK(got == "https://papers.cool/arxiv/2401.00001");
  std::filesystem::remove(log);
}
