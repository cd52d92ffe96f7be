// ChildProcess on Windows: CreateProcessW with anonymous pipes, one thread
// per pipe while finishing (Windows has no poll() over pipes), and a job
// object so a timeout also ends whatever the child started (cmd.exe's
// children would otherwise keep our pipes open).
#include <windows.h>

#include <algorithm>
#include <cwctype>
#include <thread>

#include "child_process.hpp"
#include "windows_text.hpp"

namespace coolpapers::process {
namespace {

using windows_text::quote_argument;
using windows_text::system_message;
using windows_text::widen;

using Clock = std::chrono::steady_clock;

std::wstring lowercase(std::wstring text) {
  for (wchar_t& c : text) c = static_cast<wchar_t>(std::towlower(c));
  return text;
}

// This process's environment block with the overrides set (names compare
// without case, as Windows does).
std::wstring child_environment(const Options& options) {
  std::vector<std::pair<std::wstring, std::wstring>> overrides;
  for (const auto& [name, value] : options.environment) overrides.emplace_back(widen(name), widen(value));
  std::wstring block;
  wchar_t* strings = ::GetEnvironmentStringsW();
  for (const wchar_t* entry = strings; entry && *entry; entry += std::wcslen(entry) + 1) {
    const std::wstring variable(entry);
    const std::wstring lower = lowercase(variable);
    bool overridden = false;
    for (const auto& override_entry : overrides) overridden |= lower.starts_with(lowercase(override_entry.first) + L"=");
    if (!overridden) block += variable + L'\0';
  }
  if (strings) ::FreeEnvironmentStringsW(strings);
  for (const auto& [name, value] : overrides) block += name + L'=' + value + L'\0';
  return block + L'\0';
}

void close_handle(HANDLE& handle) {
  if (handle != nullptr) ::CloseHandle(handle);
  handle = nullptr;
}

// Reads `pipe` to its end into `sink`, keeping at most `max` bytes there.
void read_all(HANDLE pipe, std::string& sink, std::size_t max) {
  char buffer[65536];
  DWORD n = 0;
  while (::ReadFile(pipe, buffer, sizeof buffer, &n, nullptr) && n > 0) {
    if (sink.size() < max) sink.append(buffer, std::min<std::size_t>(n, max - sink.size()));
  }
}

bool write_all(HANDLE pipe, std::string_view bytes) {
  while (!bytes.empty()) {
    DWORD written = 0;
    const DWORD chunk = static_cast<DWORD>(std::min<std::size_t>(bytes.size(), 1 << 20));
    if (!::WriteFile(pipe, bytes.data(), chunk, &written, nullptr)) return false;
    bytes.remove_prefix(written);
  }
  return true;
}

std::chrono::microseconds to_microseconds(const FILETIME& time) {
  const ULONGLONG ticks = (static_cast<ULONGLONG>(time.dwHighDateTime) << 32) | time.dwLowDateTime;
  return std::chrono::microseconds(static_cast<long long>(ticks / 10));  // 100 ns ticks
}

}  // namespace

StartError::StartError(const std::string& program, const std::string& reason)
    : std::runtime_error("cannot start " + program + ": " + reason), reason_(reason) {}

std::string Finished::describe_exit() const {
  if (timed_out) return "was killed for taking too long";
  if (signal != 0) return "was killed by signal " + std::to_string(signal);
  return "exited with status " + std::to_string(exit_code);
}

struct ChildProcess::Impl {
  HANDLE process = nullptr;
  HANDLE job = nullptr;
  HANDLE in = nullptr;
  HANDLE out = nullptr;
  HANDLE err = nullptr;
  std::size_t max_output = 0;
  std::string pending_out;  // read ahead by read_output, not yet returned
};

ChildProcess::ChildProcess(const std::vector<std::string>& argv, const Options& options)
    : impl_(std::make_unique<Impl>()) {
  Impl& p = *impl_;
  p.max_output = options.max_output_bytes;

  // The child's ends are inheritable, ours are not.
  SECURITY_ATTRIBUTES inheritable{sizeof(SECURITY_ATTRIBUTES), nullptr, TRUE};
  HANDLE child_in = nullptr, child_out = nullptr, child_err = nullptr;
  const auto close_all = [&] {
    close_handle(child_in), close_handle(child_out), close_handle(child_err);
    close_handle(p.in), close_handle(p.out), close_handle(p.err);
  };
  if (!::CreatePipe(&child_in, &p.in, &inheritable, 0) || !::CreatePipe(&p.out, &child_out, &inheritable, 0) ||
      !::CreatePipe(&p.err, &child_err, &inheritable, 0)) {
    const DWORD code = ::GetLastError();
    close_all();
    throw StartError(argv.at(0), system_message(code));
  }
  for (HANDLE ours : {p.in, p.out, p.err}) ::SetHandleInformation(ours, HANDLE_FLAG_INHERIT, 0);

  std::wstring command_line = widen(options.windows_command_line);
  if (command_line.empty())
    for (const std::string& arg : argv) command_line += (command_line.empty() ? L"" : L" ") + quote_argument(widen(arg));
  std::wstring environment = child_environment(options);
  const std::wstring program = widen(argv.at(0));
  const std::wstring directory = widen(options.working_directory);

  STARTUPINFOW startup{};
  startup.cb = sizeof startup;
  startup.dwFlags = STARTF_USESTDHANDLES;
  startup.hStdInput = child_in;
  startup.hStdOutput = child_out;
  startup.hStdError = child_err;
  PROCESS_INFORMATION info{};
  // The application name is the path itself: no PATH search, as on POSIX.
  const BOOL started = ::CreateProcessW(program.c_str(), command_line.data(), nullptr, nullptr, TRUE,
                                        CREATE_UNICODE_ENVIRONMENT | CREATE_NO_WINDOW | CREATE_SUSPENDED,
                                        environment.data(), directory.empty() ? nullptr : directory.c_str(),
                                        &startup, &info);
  const DWORD code = ::GetLastError();
  close_handle(child_in), close_handle(child_out), close_handle(child_err);
  if (!started) {
    close_all();
    throw StartError(argv.at(0), system_message(code));
  }
  // In a job before it runs, so everything it starts is in the job too.
  p.job = ::CreateJobObjectW(nullptr, nullptr);
  if (p.job != nullptr) ::AssignProcessToJobObject(p.job, info.hProcess);
  ::ResumeThread(info.hThread);
  ::CloseHandle(info.hThread);
  p.process = info.hProcess;
}

ChildProcess::~ChildProcess() {
  Impl& p = *impl_;
  close_handle(p.in);
  close_handle(p.out);
  close_handle(p.err);
  if (p.process != nullptr) {
    if (p.job != nullptr) ::TerminateJobObject(p.job, 1);
    ::TerminateProcess(p.process, 1);
    ::WaitForSingleObject(p.process, INFINITE);
  }
  close_handle(p.process);
  close_handle(p.job);
}

bool ChildProcess::write_input(std::string_view bytes) { return impl_->in != nullptr && write_all(impl_->in, bytes); }

std::optional<std::string> ChildProcess::read_output(std::size_t n, std::chrono::milliseconds timeout) {
  Impl& p = *impl_;
  const auto deadline = Clock::now() + timeout;
  while (p.pending_out.size() < n && p.out != nullptr) {
    DWORD available = 0;
    if (!::PeekNamedPipe(p.out, nullptr, 0, nullptr, &available, nullptr)) {
      close_handle(p.out);  // the child closed its end
      break;
    }
    if (available == 0) {
      if (Clock::now() >= deadline) return std::nullopt;
      ::Sleep(1);  // anonymous pipes cannot be waited on
      continue;
    }
    char buffer[65536];
    DWORD got = 0;
    if (!::ReadFile(p.out, buffer, std::min<DWORD>(available, sizeof buffer), &got, nullptr)) {
      close_handle(p.out);
      break;
    }
    p.pending_out.append(buffer, got);
  }
  if (p.pending_out.size() < n) return std::nullopt;
  std::string result = p.pending_out.substr(0, n);
  p.pending_out.erase(0, n);
  return result;
}

void ChildProcess::close_input() { close_handle(impl_->in); }

void ChildProcess::close_output() { close_handle(impl_->out); }

Finished ChildProcess::finish(std::string_view input, std::chrono::milliseconds timeout) {
  Impl& p = *impl_;
  Finished result;
  result.out = std::move(p.pending_out);
  // A failed write means the child stopped reading, which a caller may expect.
  std::thread writer([&p, input] {
    if (p.in != nullptr) write_all(p.in, input);
    close_handle(p.in);
  });
  std::thread out_reader([&p, &result] {
    if (p.out != nullptr) read_all(p.out, result.out, p.max_output);
  });
  std::thread err_reader([&p, &result] {
    if (p.err != nullptr) read_all(p.err, result.err, p.max_output);
  });
  const auto millis = std::clamp<long long>(timeout.count(), 0, INFINITE - 1);
  if (::WaitForSingleObject(p.process, static_cast<DWORD>(millis)) == WAIT_TIMEOUT) {
    result.timed_out = true;
    if (p.job != nullptr) ::TerminateJobObject(p.job, 1);
    ::TerminateProcess(p.process, 1);
    ::WaitForSingleObject(p.process, INFINITE);
  }
  writer.join();
  out_reader.join();
  err_reader.join();
  close_handle(p.out);
  close_handle(p.err);

  DWORD exit_code = 0;
  if (!result.timed_out && ::GetExitCodeProcess(p.process, &exit_code)) result.exit_code = static_cast<int>(exit_code);
  FILETIME created, exited, kernel, user;
  if (::GetProcessTimes(p.process, &created, &exited, &kernel, &user))
    result.cpu_time = to_microseconds(kernel) + to_microseconds(user);
  JOBOBJECT_EXTENDED_LIMIT_INFORMATION limits{};
  if (p.job != nullptr && ::QueryInformationJobObject(p.job, JobObjectExtendedLimitInformation, &limits,
                                                       sizeof limits, nullptr))
    result.max_rss_kib = static_cast<long>(limits.PeakProcessMemoryUsed / 1024);
  close_handle(p.process);
  close_handle(p.job);
  return result;
}

Finished run_process(const std::vector<std::string>& argv, std::string_view input, const Options& options,
                     std::chrono::milliseconds timeout) {
  ChildProcess child(argv, options);
  return child.finish(input, timeout);
}

}  // namespace coolpapers::process
