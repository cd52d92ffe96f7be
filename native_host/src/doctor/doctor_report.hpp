// Printing a doctor Report: plain text for people, JSON for scripts.
#pragma once

#include <ostream>
#include <string>

#include "doctor_checks.hpp"

namespace coolpapers::app::doctor {

// `extension_dir` is the bundled extension's directory to load unpacked, or
// empty when none was found next to this binary.
void print_text(const Report& report, const std::string& extension_dir, std::ostream& out);

// One JSON object: {"ok", "errors", "binary", "extension_id",
// "extension_dir", "browsers": [{"name", "display", "profile_dir",
// "profile_found", "ready", "effective": "user"|"system"|null,
// "system": REG, "user": REG, "extension": EXT}]} where REG is {"manifest",
// "location" (only where it differs from "manifest": on Windows, the
// registry key naming the manifest), "registered", "ok", "path", "ping": {"ok", "version", "rules", "error"} |
// null, "problems": PROBLEMS}, PROBLEMS is [{"code", "severity",
// "message"}], and EXT is {"offered_here", "offered": "system"|"user"|null,
// "system": OFFER|null, "user": OFFER|null, "profiles": [{"profile",
// "state": "not_installed"|"enabled"|"disabled"|"removed_by_user",
// "version", "disable_reasons"}], "problems": PROBLEMS} with OFFER =
// {"file", "present", "ok", "crx", "announced_version", "crx_version",
// "crx_id", "problems": PROBLEMS}.
void print_json(const Report& report, const std::string& extension_dir, std::ostream& out);

}  // namespace coolpapers::app::doctor
