// Text at the Windows API boundary, shared by the platform layer and the
// child-process library: UTF-8 <-> UTF-16, command-line quoting, and the
// system's text for an error code.
#pragma once

#include <string>

namespace coolpapers::windows_text {

// UTF-8 to UTF-16 and back, for the API's wide-character functions.
std::wstring widen(const std::string& utf8);
std::string narrow(const std::wstring& wide);

// One argument quoted the way CommandLineToArgvW and the C runtime split a
// command line: quotes only when needed, backslashes doubled before quotes.
std::wstring quote_argument(const std::wstring& arg);

// The system's text for `code` (a GetLastError() value), without its trailing
// period and line break; "error N" when the system has none.
std::string system_message(unsigned long code);

}  // namespace coolpapers::windows_text
