// Starts the workers (one thread, one io_context and one listening socket
// each), waits for SIGTERM or SIGINT, drains, and returns the exit code.
#pragma once

#include <memory>

#include "access_log.hpp"
#include "config.hpp"
#include "handler.hpp"

namespace coolpapers::redirector {

// Returns 0 after a clean shutdown, 1 if the server could not start.
// Prints "coolpapers-redirector: listening on http://ADDR:PORT ..." on
// standard error once every worker is listening (tests read the port
// from this line when started with port 0).
int run_server(const Config& config, const Service& service,
               std::shared_ptr<AccessLogFile> access_log);

}  // namespace coolpapers::redirector
