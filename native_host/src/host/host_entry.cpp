// run_native_host(): the process-level shell of host mode.
#include "host_fd_io.hpp"
#include "host_session.hpp"
#include "native_host.hpp"
#include "platform.hpp"

namespace coolpapers::app {

int run_native_host(const Resolver& resolver, int in_fd, int out_fd) {
  // When the browser goes away mid-reply, write() should fail and the host
  // exit with a message; frames must pass unchanged (platform.hpp).
  platform::prepare_host_stdio();
  host::RequestHandler handler(resolver);
  host::FdSource in(in_fd);
  host::FdSink out(out_fd);
  host::FdSink diagnostics(2);
  return host::serve(handler, in, out, diagnostics);
}

}  // namespace coolpapers::app
