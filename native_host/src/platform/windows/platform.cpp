// The Windows side of ../platform.hpp.
#include <fcntl.h>
#include <io.h>
#include <windows.h>
#include <shellapi.h>

#include <cstdio>
#include <cstdlib>

#include "../platform.hpp"
#include "windows_text.hpp"

namespace coolpapers::platform {

using windows_text::narrow;
using windows_text::quote_argument;
using windows_text::widen;

void prepare_host_stdio() {
  ::_setmode(::_fileno(stdin), _O_BINARY);
  ::_setmode(::_fileno(stdout), _O_BINARY);
}

std::vector<std::string> command_line_arguments(int argc, char** argv) {
  int count = 0;
  wchar_t** wide = ::CommandLineToArgvW(::GetCommandLineW(), &count);
  if (wide == nullptr) return std::vector<std::string>(argv + 1, argv + argc);  // out of memory: best effort
  std::vector<std::string> arguments;
  for (int i = 1; i < count; ++i) arguments.push_back(narrow(wide[i]));
  ::LocalFree(wide);
  return arguments;
}

std::string user_config_dir() {
  const wchar_t* appdata = ::_wgetenv(L"APPDATA");
  std::string base = appdata && *appdata ? narrow(appdata) : ".";
  return base + "\\coolpapers";
}

std::string join_path(const std::string& dir, const std::string& name) { return dir + "\\" + name; }

std::vector<std::string> default_open_command(const std::string& url) { return {"ShellExecuteW", "open", url}; }

std::string open_in_default_browser(const std::string& url) {
  // ShellExecuteW's result is an HINSTANCE for compatibility: above 32 means
  // started, at most 32 is an error code.
  const auto result = reinterpret_cast<INT_PTR>(
      ::ShellExecuteW(nullptr, L"open", widen(url).c_str(), nullptr, nullptr, SW_SHOWNORMAL));
  if (result > 32) return {};
  return windows_text::system_message(static_cast<unsigned long>(result));
}

std::string start_browser(const std::vector<std::string>& argv) {
  std::wstring command_line;
  for (const auto& word : argv) command_line += (command_line.empty() ? L"" : L" ") + quote_argument(widen(word));
  STARTUPINFOW startup{};
  startup.cb = sizeof startup;
  PROCESS_INFORMATION process{};
  if (!::CreateProcessW(nullptr, command_line.data(), nullptr, nullptr, FALSE, 0, nullptr, nullptr, &startup,
                        &process))
    return windows_text::system_message(::GetLastError());
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
