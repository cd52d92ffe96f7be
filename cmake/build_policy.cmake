# The project's compiler policy: warnings and hardening, for every target.
#
# Presets can't merge CMAKE_CXX_FLAGS across `inherits` (a child's value
# replaces its parent's), so the hidden base preset sets these cache
# options instead and this file turns them into flags; a preset's own
# CMAKE_CXX_FLAGS stays free for what only it needs (sanitizers).
#
#   COOLPAPERS_WARNINGS_AS_ERRORS  the warning set below, as errors
#   COOLPAPERS_HARDENING           stack protector, PIE executables,
#                                  full RELRO, and _FORTIFY_SOURCE where
#                                  the code is optimised
#   COOLPAPERS_FORTIFY_SOURCE      the _FORTIFY_SOURCE level (3: GCC 12 and
#                                  glibc 2.36 in Debian 12 have it); 0 in the
#                                  sanitizer builds, whose interceptors
#                                  would otherwise see the fortified __*_chk
#                                  calls instead of the plain ones
#
# Sets COOLPAPERS_STATIC_LINK_OPTIONS, the options that link an executable
# fully static: -static-pie when hardening (plain -static gives a fixed-
# address executable, and "-static -pie" silently does too with GCC 12), so
# the static coolpapers keeps address-space layout randomisation.

option(COOLPAPERS_WARNINGS_AS_ERRORS "Compile with the project's warning set, as errors" OFF)
option(COOLPAPERS_HARDENING "Stack protector, PIE, full RELRO and _FORTIFY_SOURCE" OFF)
set(COOLPAPERS_FORTIFY_SOURCE 3 CACHE STRING "_FORTIFY_SOURCE level in optimised builds with hardening (0: none)")
set_property(CACHE COOLPAPERS_FORTIFY_SOURCE PROPERTY STRINGS 0 1 2 3)
if(NOT COOLPAPERS_FORTIFY_SOURCE MATCHES "^[0-3]$")
  message(FATAL_ERROR "COOLPAPERS_FORTIFY_SOURCE must be 0, 1, 2 or 3 (got \"${COOLPAPERS_FORTIFY_SOURCE}\")")
endif()

if(COOLPAPERS_WARNINGS_AS_ERRORS)
  # -Wno-sign-conversion: sizes and indices mix signed and unsigned all over
  # the standard library; -Wconversion still catches narrowing.
  add_compile_options(-Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wno-sign-conversion -Werror)
  # GCC 12 (Debian 12's) reports a memcpy of 2^63 bytes that "may overlap"
  # in std::string's own code whenever the optimiser inlines
  # `"text" + std::string(...)`, our usual way to build a message: a false
  # positive fixed in GCC 13 (https://gcc.gnu.org/bugzilla/show_bug.cgi?id=105329).
  # Only optimised builds see it, so the dev preset would never warn first.
  add_compile_options($<$<AND:$<CXX_COMPILER_ID:GNU>,$<VERSION_LESS:$<CXX_COMPILER_VERSION>,13>>:-Wno-restrict>)
  # GCC's manual warns that its sanitizers raise the rate of false
  # -Wmaybe-uninitialized warnings (the asan preset gets one inside Beast's
  # parser, on a boost::optional returned empty); the other builds keep it.
  if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_FLAGS MATCHES "-fsanitize=")
    add_compile_options(-Wno-maybe-uninitialized)
  endif()
endif()

set(COOLPAPERS_STATIC_LINK_OPTIONS -static)
if(COOLPAPERS_HARDENING AND WIN32)
  # The flags below are for ELF (Linux). MinGW's linker marks PE images for
  # ASLR and DEP by default; stack protector and _FORTIFY_SOURCE would need
  # libssp there, not wired up yet.
  message(STATUS "COOLPAPERS_HARDENING: Linux flags only; this Windows build gets the linker's defaults")
elseif(COOLPAPERS_HARDENING)
  # -fPIE everywhere rather than CMAKE_POSITION_INDEPENDENT_CODE, which
  # compiles the static libraries -fPIC: they only ever go into executables,
  # and -fPIC would assume their functions can be interposed, costing
  # inlining for nothing.
  add_compile_options(-fPIE)
  add_link_options(-pie)
  add_compile_options(-fstack-protector-strong
    # GCC records each translation unit's code-generation options (-f...,
    # -O) in the binary's .GCC.command.line section, which strip keeps:
    # tests/packaging/check_hardening.sh reads the stack protector there.
    $<$<CXX_COMPILER_ID:GNU>:-frecord-gcc-switches>)
  if(NOT COOLPAPERS_FORTIFY_SOURCE STREQUAL "0")
    # _FORTIFY_SOURCE needs the optimiser (at -O0 GCC only warns that it
    # does nothing, an error with -Werror).
    add_compile_options(
      "$<$<CONFIG:Release,RelWithDebInfo,MinSizeRel>:-U_FORTIFY_SOURCE;-D_FORTIFY_SOURCE=${COOLPAPERS_FORTIFY_SOURCE}>")
  endif()
  add_link_options(-Wl,-z,relro,-z,now -Wl,-z,noexecstack)
  set(COOLPAPERS_STATIC_LINK_OPTIONS -static-pie)
  # A static PIE relocates itself at every start (about 6,000 relative
  # relocations for coolpapers). Packed as DT_RELR (binutils 2.38, glibc
  # 2.36: Debian 12's) they take 1.3 KiB instead of 145 KiB and about 24,000
  # fewer instructions per start (bench/README.md). Only for the static
  # link: a dynamic executable with DT_RELR needs glibc 2.36 where it runs.
  include(CheckLinkerFlag)
  check_linker_flag(CXX "-Wl,-z,pack-relative-relocs" COOLPAPERS_LINKER_PACKS_RELATIVE_RELOCS)
  if(COOLPAPERS_LINKER_PACKS_RELATIVE_RELOCS)
    list(APPEND COOLPAPERS_STATIC_LINK_OPTIONS -Wl,-z,pack-relative-relocs)
  endif()
endif()
