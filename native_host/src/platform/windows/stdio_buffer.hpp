// Byte-at-a-time reads from a stdio stream (MinGW's msvcrt FILE); the
// POSIX twin is ../posix/stdio_buffer.hpp.
#pragma once

#include <cstdio>

namespace coolpapers::platform {

// The next byte of `in`, or EOF.
inline int read_byte(std::FILE* in) { return std::getc(in); }

// True iff `in` has no bytes left in its read buffer, i.e. the next read
// may block.
inline bool read_buffer_empty(const std::FILE* in) { return in->_cnt <= 0; }

}  // namespace coolpapers::platform
