// run_native_host(): the process-level shell of host mode.
#include <csignal>

#include "host_fd_io.hpp"
#include "host_session.hpp"
#include "native_host.hpp"

namespace coolpapers::app {

int run_native_host(const Resolver& resolver, int in_fd, int out_fd) {
  // When the browser goes away mid-reply, write() should fail with EPIPE and
  // the host exit with a message, rather than die silently of SIGPIPE.
  std::signal(SIGPIPE, SIG_IGN);
  host::RequestHandler handler(resolver);
  host::FdSource in(in_fd);
  host::FdSink out(out_fd);
  host::FdSink diagnostics(2);
  return host::serve(handler, in, out, diagnostics);
}

}  // namespace coolpapers::app
