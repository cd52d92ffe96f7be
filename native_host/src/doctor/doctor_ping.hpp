// Starting a registered host the way Chromium does and asking it `ping`.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace coolpapers::app::doctor {

struct PingResult {
  bool ok = false;          // a well-formed {"ok":true,...} reply arrived
  std::string version;      // the host's "version" (ok only)
  std::int64_t rules = -1;  // the host's "rules" count (ok only)
  std::string error;        // why not, in plain words (not ok only)
};

// Runs `host_path` with `args`, the arguments a browser passes (Chromium:
// the origin "chrome-extension://ID/"; Firefox: the manifest's path and the
// add-on id), its working directory set to the host's directory and this
// process's environment, as browsers start a native messaging host. Writes one frame {"type":"ping"} (4-byte
// native-order length, then the JSON), closes the host's stdin, reads its
// stdout until it closes, and waits for it to exit. A host that has not
// finished within `timeout_ms` is killed and reported as silent.
// REQUIRES: host_path is absolute. Never throws; SIGPIPE must be ignored by
// the caller (the host may exit without reading).
PingResult ping_host(const std::string& host_path, const std::vector<std::string>& args, int timeout_ms);

}  // namespace coolpapers::app::doctor
