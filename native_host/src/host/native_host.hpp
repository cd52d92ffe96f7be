// Native messaging host mode of `coolpapers` (see PROTOCOL.md).
#pragma once

#include "coolpapers/resolver.hpp"

namespace coolpapers::app {

// Serves native messaging frames read from `in_fd` and answers on `out_fd`
// until end of input. Returns the process exit code: 0 on a clean EOF,
// non-zero when the stream broke (truncated frame, over-long length, ...).
// Diagnostics go to stderr only; `out_fd` carries frames only.
int run_native_host(const Resolver& resolver, int in_fd, int out_fd);

}  // namespace coolpapers::app
