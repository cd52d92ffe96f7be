// The command line's standard output and standard error as C++ streams,
// each created on first use. <iostream> would construct std::cout, std::cerr
// and six more streams, and the C++ locale, before main() in every run of
// the program, the native host's too, which writes only binary frames and
// needs none of them (about 45,000 instructions and 2-3 page faults of each
// host start; bench/README.md). So no file of the Linux program includes it
// (cli_doctor_windows.cpp, built for Windows only, still does).
#pragma once

#include <ostream>

namespace coolpapers::app {

// Standard output, written through C's stdout (so both kinds of writes
// keep their order; stdio buffers it).
std::ostream& stdout_stream();
// Standard error, written through C's stderr (unbuffered); standard output
// is flushed before each message, as std::cerr does.
std::ostream& stderr_stream();

// Flushes standard output; returns true iff everything written to it
// reached it (no write failed, in the stream or in stdio).
bool flush_stdout();

}  // namespace coolpapers::app
