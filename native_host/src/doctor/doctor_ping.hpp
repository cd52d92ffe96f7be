// Starting a registered host the way Chromium does and asking it `ping`.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "doctor_platform.hpp"

namespace coolpapers::app::doctor {

struct PingResult {
  bool ok = false;          // a well-formed {"ok":true,...} reply arrived
  std::string version;      // the host's "version" (ok only)
  std::int64_t rules = -1;  // the host's "rules" count (ok only)
  std::string error;        // why not, in plain words (not ok only)
};

// Runs the host as `start` says (doctor_platform.hpp's browser_start(): the
// way the browser starts it, in the host's folder, with this process's
// environment). Writes one frame {"type":"ping"} (4-byte native-order
// length, then the JSON), closes the host's stdin, reads its stdout until it
// closes, and waits for it to exit. A host that has not finished within
// `timeout_ms` is killed and reported as silent. Never throws.
PingResult ping_host(const HostStart& start, int timeout_ms);

}  // namespace coolpapers::app::doctor
