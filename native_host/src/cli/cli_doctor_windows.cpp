// `coolpapers doctor` on Windows: for Chrome, Edge, Chromium, Brave and
// Vivaldi, the registry value that names the host manifest (HKCU first, then
// HKLM, as Chromium looks), the manifest itself (JSON, name, type, "path"
// resolved against the manifest's folder, the extension's origin), and a
// ping of the host started exactly as Chrome starts it on Windows:
//   %COMSPEC% /d /s /c ""<host.exe>" chrome-extension://<id>/ --parent-window=0"
// The Linux doctor (src/doctor/) reads manifest directories and forks; this
// is its Windows counterpart with the same verdict: exit 0 when some browser
// is ready and no registration is broken.
#include <windows.h>

#include <boost/json.hpp>
#include <chrono>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>
#include <thread>

#include "cli.hpp"
#include "coolpapers/errors.hpp"
#include "extension_ids.hpp"
#include "windows_text.hpp"

namespace coolpapers::app {
namespace {

namespace fs = std::filesystem;
namespace json = boost::json;

constexpr std::string_view kHostName = "cool.papers.redirector";
constexpr std::uintmax_t kMaxManifestBytes = 1024 * 1024;
constexpr std::size_t kMaxReplyBytes = 64 * 1024;
constexpr DWORD kPingTimeoutMs = 5000;

struct Browser {
  const char* display;
  const wchar_t* key;  // below HKCU or HKLM
};

const Browser kBrowsers[] = {
    {"Google Chrome", L"Software\\Google\\Chrome\\NativeMessagingHosts\\cool.papers.redirector"},
    {"Microsoft Edge", L"Software\\Microsoft\\Edge\\NativeMessagingHosts\\cool.papers.redirector"},
    {"Chromium", L"Software\\Chromium\\NativeMessagingHosts\\cool.papers.redirector"},
    {"Brave", L"Software\\BraveSoftware\\Brave-Browser\\NativeMessagingHosts\\cool.papers.redirector"},
    {"Vivaldi", L"Software\\Vivaldi\\NativeMessagingHosts\\cool.papers.redirector"},
};

using windows_text::narrow;
using windows_text::widen;

// The default value of root\key (the manifest's path), in the 64-bit view.
std::optional<std::wstring> registry_default(HKEY root, const wchar_t* key) {
  DWORD bytes = 0;
  const DWORD flags = RRF_RT_REG_SZ | RRF_SUBKEY_WOW6464KEY;
  if (::RegGetValueW(root, key, nullptr, flags, nullptr, nullptr, &bytes) != ERROR_SUCCESS) return std::nullopt;
  std::wstring value(bytes / sizeof(wchar_t) + 1, L'\0');
  if (::RegGetValueW(root, key, nullptr, flags, nullptr, value.data(), &bytes) != ERROR_SUCCESS) return std::nullopt;
  value.resize(::wcslen(value.c_str()));
  return value;
}

struct PingResult {
  bool ok = false;
  std::string detail;  // "version 0.1.0, 16 rules" or why not
};

PingResult parse_reply(const std::string& out) {
  if (out.size() < 4) return {false, out.empty() ? "no reply" : "a reply shorter than a frame header"};
  std::uint32_t length = 0;
  std::memcpy(&length, out.data(), 4);
  if (out.size() - 4 < length) return {false, "a frame cut short"};
  json::error_code ec;
  json::value reply = json::parse(std::string_view(out).substr(4, length), ec);
  const json::object* o = !ec ? reply.if_object() : nullptr;
  if (!o) return {false, "a reply that is not a JSON object"};
  const json::value* ok = o->if_contains("ok");
  const json::value* version = o->if_contains("version");
  const json::value* rules = o->if_contains("rules");
  if (!ok || !ok->is_bool() || !ok->as_bool() || !version || !version->is_string() || !rules || !rules->is_int64())
    return {false, "not a coolpapers ping reply: " + out.substr(4, std::min<std::size_t>(length, 200))};
  return {true, "version " + std::string(version->as_string()) + ", " + std::to_string(rules->as_int64()) + " rules"};
}

// Starts the host as Chrome does (through cmd.exe, hidden, in the host's
// folder), sends one ping frame, closes its input and reads its reply.
PingResult ping(const fs::path& host, const std::string& origin) {
  SECURITY_ATTRIBUTES inherit{sizeof(SECURITY_ATTRIBUTES), nullptr, TRUE};
  HANDLE in_read = nullptr, in_write = nullptr, out_read = nullptr, out_write = nullptr;
  if (!::CreatePipe(&in_read, &in_write, &inherit, 0)) return {false, "could not create a pipe"};
  if (!::CreatePipe(&out_read, &out_write, &inherit, 0)) {
    ::CloseHandle(in_read), ::CloseHandle(in_write);
    return {false, "could not create a pipe"};
  }
  ::SetHandleInformation(in_write, HANDLE_FLAG_INHERIT, 0);
  ::SetHandleInformation(out_read, HANDLE_FLAG_INHERIT, 0);

  wchar_t comspec[MAX_PATH] = L"cmd.exe";
  ::GetEnvironmentVariableW(L"COMSPEC", comspec, MAX_PATH);
  std::wstring command = L"\"" + std::wstring(comspec) + L"\" /d /s /c \"\"" + host.wstring() + L"\" " +
                         widen(origin) + L" --parent-window=0\"";
  STARTUPINFOW startup{};
  startup.cb = sizeof startup;
  startup.dwFlags = STARTF_USESTDHANDLES;
  startup.hStdInput = in_read;
  startup.hStdOutput = out_write;
  startup.hStdError = ::GetStdHandle(STD_ERROR_HANDLE);
  PROCESS_INFORMATION process{};
  std::wstring folder = host.parent_path().wstring();
  BOOL started = ::CreateProcessW(nullptr, command.data(), nullptr, nullptr, TRUE, CREATE_NO_WINDOW, nullptr,
                                  folder.c_str(), &startup, &process);
  ::CloseHandle(in_read);
  ::CloseHandle(out_write);
  if (!started) {
    ::CloseHandle(in_write), ::CloseHandle(out_read);
    return {false, "could not be started (error " + std::to_string(::GetLastError()) + ")"};
  }
  const std::string request = R"({"type":"ping"})";
  std::string frame(4, '\0');
  const auto length = static_cast<std::uint32_t>(request.size());
  std::memcpy(frame.data(), &length, 4);
  frame += request;
  DWORD written = 0;
  ::WriteFile(in_write, frame.data(), static_cast<DWORD>(frame.size()), &written, nullptr);
  ::CloseHandle(in_write);

  // Read on a thread so a host that never answers is killed at the timeout.
  std::string out;
  std::thread reader([&] {
    char buffer[4096];
    DWORD n = 0;
    while (::ReadFile(out_read, buffer, sizeof buffer, &n, nullptr) && n > 0)
      if (out.size() < kMaxReplyBytes) out.append(buffer, n);
  });
  bool finished = ::WaitForSingleObject(process.hProcess, kPingTimeoutMs) == WAIT_OBJECT_0;
  if (!finished) ::TerminateProcess(process.hProcess, 1);
  DWORD exit_code = 1;
  ::WaitForSingleObject(process.hProcess, INFINITE);
  ::GetExitCodeProcess(process.hProcess, &exit_code);
  reader.join();
  ::CloseHandle(out_read);
  ::CloseHandle(process.hThread);
  ::CloseHandle(process.hProcess);
  if (!finished) return {false, "did not finish within 5 seconds and was stopped"};
  PingResult result = parse_reply(out);
  if (result.ok && exit_code != 0) return {false, "answered, then exited with status " + std::to_string(exit_code)};
  return result;
}

struct Check {
  std::string registry;  // where the registration was found
  std::string manifest;
  std::vector<std::string> problems;
  std::string ping;  // the ping's detail when it worked
};

Check check(const std::string& registry, const std::wstring& manifest_path, const std::string& origin) {
  Check c{registry, narrow(manifest_path), {}, {}};
  fs::path manifest(manifest_path);
  std::error_code ec;
  std::uintmax_t size = fs::file_size(manifest, ec);
  std::ifstream in(manifest, std::ios::binary);
  if (ec || !in) {
    c.problems.push_back("the manifest " + c.manifest + " cannot be read; reinstall Coolpapers");
    return c;
  }
  if (size > kMaxManifestBytes) {
    c.problems.push_back("the manifest is too large to be a host manifest");
    return c;
  }
  std::ostringstream text;
  text << in.rdbuf();
  json::error_code json_error;
  json::value parsed = json::parse(text.str(), json_error);
  const json::object* o = !json_error ? parsed.if_object() : nullptr;
  if (!o) {
    c.problems.push_back("the manifest is not a JSON object; reinstall Coolpapers");
    return c;
  }
  const json::value* name = o->if_contains("name");
  if (!name || !name->is_string() || name->as_string() != kHostName)
    c.problems.push_back("\"name\" must be \"" + std::string(kHostName) + "\"");
  const json::value* type = o->if_contains("type");
  if (!type || !type->is_string() || type->as_string() != "stdio") c.problems.push_back("\"type\" must be \"stdio\"");
  bool origin_found = false;
  if (const json::value* origins = o->if_contains("allowed_origins"); origins && origins->is_array())
    for (const auto& entry : origins->as_array()) origin_found = origin_found || entry == json::string(origin);
  if (!origin_found) c.problems.push_back("\"allowed_origins\" does not hold " + origin + "; the extension is refused");
  const json::value* path = o->if_contains("path");
  if (!path || !path->is_string() || path->as_string().empty()) {
    c.problems.push_back("no \"path\": the browser cannot start the host");
    return c;
  }
  // On Windows "path" may be relative to the manifest's folder.
  fs::path host = manifest.parent_path() / fs::path(widen(std::string(path->as_string())));
  if (!fs::is_regular_file(host, ec)) {
    c.problems.push_back("\"path\" " + narrow(host.wstring()) + " does not exist");
    return c;
  }
  if (!c.problems.empty()) return c;
  PingResult result = ping(host, origin);
  if (result.ok)
    c.ping = result.detail;
  else
    c.problems.push_back("started as the browser starts it, the host " + result.detail);
  return c;
}

}  // namespace

int cmd_doctor(const std::vector<std::string>& args) {
  for (const auto& arg : args) {
    if (arg == "--help" || arg == "-h") {
      std::cout << "Usage: coolpapers doctor\n\n"
                   "Checks that Google Chrome, Microsoft Edge, Chromium, Brave and Vivaldi can start\n"
                   "coolpapers as their native messaging host cool.papers.redirector: the registry\n"
                   "value naming the host manifest (HKCU, else HKLM), the manifest, and a ping of\n"
                   "the host started as the browser starts it.\n\n"
                   "Exit status: 0 when at least one browser is ready and nothing registered is\n"
                   "broken, 1 otherwise.\n";
      return 0;
    }
    return usage_error("doctor: unknown argument \"" + arg + "\"");
  }
  const std::string origin = "chrome-extension://" + std::string(builtin_extension_id()) + "/";
  int ready = 0, broken = 0;
  for (const Browser& browser : kBrowsers) {
    std::optional<Check> found;
    for (auto [root, root_name] : {std::pair{HKEY_CURRENT_USER, "HKCU"}, std::pair{HKEY_LOCAL_MACHINE, "HKLM"}}) {
      if (auto manifest = registry_default(root, browser.key)) {
        found = check(std::string(root_name) + "\\" + narrow(browser.key), *manifest, origin);
        break;  // the browser reads the first registration it finds
      }
    }
    if (!found) {
      std::cout << browser.display << ": not registered\n";
      continue;
    }
    if (found->problems.empty()) {
      ++ready;
      std::cout << browser.display << ": ready (" << found->registry << " -> " << found->manifest
                << "; ping: " << found->ping << ")\n";
    } else {
      ++broken;
      std::cout << browser.display << ": BROKEN (" << found->registry << " -> " << found->manifest << ")\n";
      for (const auto& problem : found->problems) std::cout << "  - " << problem << "\n";
    }
  }
  if (ready == 0 && broken == 0)
    std::cout << "No browser has the host registered: install coolpapers-<version>-peruser.msi.\n";
  else if (broken > 0)
    std::cout << "Fix the registrations marked BROKEN (reinstalling the MSI rewrites them).\n";
  else
    std::cout << "Load the extension (Load unpacked, the extension folder beside coolpapers.exe) if not done yet.\n";
  return ready > 0 && broken == 0 ? 0 : 1;
}

}  // namespace coolpapers::app
