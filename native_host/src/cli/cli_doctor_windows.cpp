// `coolpapers doctor` on Windows: the checks (native_host/src/doctor/) read
// Linux manifest directories and start the host with POSIX calls; their
// Windows side (the browsers' registry keys, CreateProcess through cmd.exe)
// is not written yet, so doctor says how to check the registration by hand
// instead of reporting a wrong result.
#include <iostream>

#include "cli.hpp"
#include "coolpapers/errors.hpp"

namespace coolpapers::app {

int cmd_doctor(const std::vector<std::string>& args) {
  for (const auto& arg : args) {
    if (arg == "--help" || arg == "-h") {
      std::cout << "Usage: coolpapers doctor\n\nNot available on Windows yet; see below.\n";
      break;
    }
  }
  std::cerr << "coolpapers: doctor does not check Windows registrations yet.\n"
               "Check by hand: reg query HKCU\\Software\\Google\\Chrome\\NativeMessagingHosts\\cool.papers.redirector /ve\n"
               "(or Microsoft\\Edge, Chromium, BraveSoftware\\Brave-Browser, Vivaldi instead of Google\\Chrome) must name\n"
               "cool.papers.redirector.json next to coolpapers.exe; reinstall the MSI if it does not.\n";
  return exit_code(ErrorCode::usage);
}

}  // namespace coolpapers::app
