// What differs between Linux and Windows for the `coolpapers` program, one
// implementation file per platform (posix/platform.cpp, windows/platform.cpp;
// CMake compiles the one that applies), so the rest of the code has no
// #ifdef.
#pragma once

#include <string>
#include <vector>

namespace coolpapers::platform {

// Makes stdin and stdout carry a browser's frames byte for byte, and a
// browser that goes away mid-reply an I/O error rather than a silent death:
// POSIX ignores SIGPIPE; Windows switches both to binary mode (in text mode
// its C library turns LF into CR LF and stops reading at byte 0x1A, which
// a 4-byte length prefix may well contain). Call before any I/O.
void prepare_host_stdio();

// The program's arguments after its name, in UTF-8. POSIX passes argv on as
// it came; Windows reads the UTF-16 command line (GetCommandLineW), because
// main()'s argv there is in the ANSI code page, which turns "Schrödinger"
// or any Chinese title into question marks.
std::vector<std::string> command_line_arguments(int argc, char** argv);

// The folder of the user's coolpapers configuration (rules.json lives
// there): $XDG_CONFIG_HOME/coolpapers or ~/.config/coolpapers on POSIX,
// %APPDATA%\coolpapers on Windows.
std::string user_config_dir();

// Joins a folder and a file name with the platform's separator.
std::string join_path(const std::string& dir, const std::string& name);

// How `url` is opened in the user's default browser when $BROWSER is not
// set, as `open --dry-run` shows it: the command xdg-open URL on POSIX; on
// Windows the call ShellExecuteW("open", URL), which hands the URL to the
// handler the user chose for its scheme.
std::vector<std::string> default_open_command(const std::string& url);

// Opens `url` that way: start_browser(default_open_command(url)) on POSIX,
// ShellExecuteW on Windows. Returns an error message, or empty when the
// browser was started.
std::string open_in_default_browser(const std::string& url);

// How long a browser command may take to fail. xdg-open without a usable
// browser, or BROWSER=false, exits at once with an error; a browser that
// started may run until the user closes it, so after this it counts as
// started and is left running.
inline constexpr int kBrowserStartupCheckMs = 2000;

// Starts `argv` (argv[0] looked up in PATH) without a shell and watches it
// for kBrowserStartupCheckMs. Returns an error message, or empty when it
// started (exited 0, or still running).
std::string start_browser(const std::vector<std::string>& argv);

}  // namespace coolpapers::platform
