// The Windows side of ../platform.hpp.
#include <fcntl.h>
#include <io.h>
#include <windows.h>

#include <cstdio>
#include <cstdlib>

#include "../platform.hpp"

namespace coolpapers::platform {
namespace {

std::wstring widen(const std::string& utf8) {
  if (utf8.empty()) return {};
  int n = ::MultiByteToWideChar(CP_UTF8, 0, utf8.data(), static_cast<int>(utf8.size()), nullptr, 0);
  std::wstring wide(static_cast<std::size_t>(n), L'\0');
  ::MultiByteToWideChar(CP_UTF8, 0, utf8.data(), static_cast<int>(utf8.size()), wide.data(), n);
  return wide;
}

std::string narrow(const std::wstring& wide) {
  if (wide.empty()) return {};
  int n = ::WideCharToMultiByte(CP_UTF8, 0, wide.data(), static_cast<int>(wide.size()), nullptr, 0, nullptr, nullptr);
  std::string utf8(static_cast<std::size_t>(n), '\0');
  ::WideCharToMultiByte(CP_UTF8, 0, wide.data(), static_cast<int>(wide.size()), utf8.data(), n, nullptr, nullptr);
  return utf8;
}

// One argument quoted the way CommandLineToArgvW and the C runtime split a
// command line: quotes only when needed, backslashes doubled before quotes.
std::wstring quote_argument(const std::wstring& arg) {
  if (!arg.empty() && arg.find_first_of(L" \t\n\v\"") == std::wstring::npos) return arg;
  std::wstring out = L"\"";
  std::size_t backslashes = 0;
  for (wchar_t c : arg) {
    if (c == L'\\') {
      ++backslashes;
      continue;
    }
    out.append(c == L'"' ? backslashes * 2 + 1 : backslashes, L'\\');
    backslashes = 0;
    out += c;
  }
  out.append(backslashes * 2, L'\\');
  return out + L"\"";
}

std::string last_error_message() {
  wchar_t* text = nullptr;
  DWORD code = ::GetLastError();
  ::FormatMessageW(FORMAT_MESSAGE_ALLOCATE_BUFFER | FORMAT_MESSAGE_FROM_SYSTEM | FORMAT_MESSAGE_IGNORE_INSERTS,
                   nullptr, code, 0, reinterpret_cast<wchar_t*>(&text), 0, nullptr);
  std::string message = text ? narrow(text) : "error " + std::to_string(code);
  if (text) ::LocalFree(text);
  while (!message.empty() && (message.back() == '\n' || message.back() == '\r' || message.back() == '.'))
    message.pop_back();
  return message;
}

}  // namespace

void prepare_host_stdio() {
  ::_setmode(::_fileno(stdin), _O_BINARY);
  ::_setmode(::_fileno(stdout), _O_BINARY);
}

std::string user_config_dir() {
  const wchar_t* appdata = ::_wgetenv(L"APPDATA");
  std::string base = appdata && *appdata ? narrow(appdata) : ".";
  return base + "\\coolpapers";
}

std::string join_path(const std::string& dir, const std::string& name) { return dir + "\\" + name; }

std::vector<std::string> default_open_command(const std::string& url) {
  return {"rundll32.exe", "url.dll,FileProtocolHandler", url};
}

std::string start_browser(const std::vector<std::string>& argv) {
  std::wstring command_line;
  for (const auto& word : argv) command_line += (command_line.empty() ? L"" : L" ") + quote_argument(widen(word));
  STARTUPINFOW startup{};
  startup.cb = sizeof startup;
  PROCESS_INFORMATION process{};
  if (!::CreateProcessW(nullptr, command_line.data(), nullptr, nullptr, FALSE, 0, nullptr, nullptr, &startup,
                        &process))
    return last_error_message();
  std::string error;
  if (::WaitForSingleObject(process.hProcess, kBrowserStartupCheckMs) == WAIT_OBJECT_0) {
    DWORD exit_code = 0;
    ::GetExitCodeProcess(process.hProcess, &exit_code);
    if (exit_code != 0) error = "it exited with status " + std::to_string(exit_code);
  }
  ::CloseHandle(process.hThread);
  ::CloseHandle(process.hProcess);
  return error;
}

}  // namespace coolpapers::platform
