// One native messaging connection: read a frame, answer it, repeat until
// the browser closes the input. The I/O shell around RequestHandler; it
// takes a ByteSource and ByteSinks so the fuzzer and the unit tests run the
// exact loop the host runs, without pipes.
#pragma once

#include "host_framing.hpp"
#include "host_protocol.hpp"

namespace coolpapers::host {

// Serves frames from `in` until it ends, one reply frame on `out` per
// request frame, in order. Returns the process exit code:
//   0                      the input ended cleanly at a frame boundary
//   exit_code(too_large)   a declared length over kMaxRequestBytes; answered
//                          with a too_large frame, then stopped (the stream
//                          cannot be resynchronised)
//   exit_code(io)          a truncated header or body, a read error, or a
//                          reply that could not be written
// Every failure is also described in one line on `diagnostics`; `out`
// receives reply frames only.
int serve(RequestHandler& handler, ByteSource& in, ByteSink& out, ByteSink& diagnostics);

}  // namespace coolpapers::host
