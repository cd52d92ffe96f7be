// The one-line fix doctor prints under each problem, and the command that
// reinstalls coolpapers the way this binary was installed.
#pragma once

#include <string>

#include "doctor_checks.hpp"

namespace coolpapers::app::doctor {

// The command that (re)installs and registers coolpapers, decided from this
// binary's own path (one definition per platform, in
// posix/doctor_platform.cpp and windows/doctor_platform.cpp). POSIX:
// /usr/bin (the package) -> "sudo apt-get install --reinstall coolpapers";
// a build tree (CMakeCache.txt above it) -> that source's
// "packaging/install.sh --user"; HOME/.local/bin -> install.sh --user in the
// source it came from; anything else -> both ways. Windows: the MSI again.
std::string reinstall_command(const std::string& self_path, const std::string& home);

// What to do about `problem` of registration `r`, in one line.
std::string fix_for(const Problem& problem, const Registration& r, const std::string& reinstall);

}  // namespace coolpapers::app::doctor
