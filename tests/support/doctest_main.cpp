// doctest's runner, compiled once per build and linked by every suite:
// its implementation is the largest translation unit of the tests, and
// each suite compiling its own copy cost a minute of every sanitizer build.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>
