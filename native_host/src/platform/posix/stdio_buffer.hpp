// Byte-at-a-time reads from a stdio stream at full speed (glibc): inline,
// so the line reader stays as fast as a hand-written loop. The Windows
// twin is ../windows/stdio_buffer.hpp; CMake puts one of them on the
// include path.
#pragma once

#include <cstdio>

namespace coolpapers::platform {

// The next byte of `in`, or EOF. Only one thread may read `in`.
inline int read_byte(std::FILE* in) { return getc_unlocked(in); }

// True iff `in` has no bytes left in its read buffer, i.e. the next read
// may block.
inline bool read_buffer_empty(const std::FILE* in) { return in->_IO_read_ptr >= in->_IO_read_end; }

}  // namespace coolpapers::platform
