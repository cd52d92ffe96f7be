# The Windows build (preset `windows`, toolchain cmake/mingw-w64-x86_64.cmake):
# coolpapers.exe and its test suites, cross-built with MinGW-w64 and run
# under Wine by CTest. The redirect service stays Linux-only.
#
# Dependencies, all linked statically so the exe imports only Windows' own
# DLLs:
#   RE2         built from Debian's source package into a cache folder by
#               packaging/windows/build-re2.sh (run here when missing)
#   Boost.JSON  compiled from its headers (cmake/windows/boost_json.cpp)
#   doctest     header-only
# Debian's CMake packages for Boost and doctest point at Linux libraries and
# /usr/include (whose glibc headers break a MinGW build), so only the
# boost/ and doctest/ header folders are exposed, through symbolic links.

if(NOT COOLPAPERS_WINDOWS_DEPS)
  if(DEFINED ENV{COOLPAPERS_WINDOWS_DEPS})
    set(COOLPAPERS_WINDOWS_DEPS $ENV{COOLPAPERS_WINDOWS_DEPS})
  elseif(DEFINED ENV{XDG_CACHE_HOME})
    set(COOLPAPERS_WINDOWS_DEPS $ENV{XDG_CACHE_HOME}/coolpapers/mingw-w64-x86_64)
  else()
    set(COOLPAPERS_WINDOWS_DEPS $ENV{HOME}/.cache/coolpapers/mingw-w64-x86_64)
  endif()
endif()
set(COOLPAPERS_WINDOWS_DEPS ${COOLPAPERS_WINDOWS_DEPS} CACHE PATH
    "Where packaging/windows/build-re2.sh installs RE2 for MinGW (shared by every Windows build)")
set(re2_DIR ${COOLPAPERS_WINDOWS_DEPS}/lib/cmake/re2)
if(NOT EXISTS ${re2_DIR}/re2Config.cmake)
  message(STATUS "RE2 for MinGW is not in ${COOLPAPERS_WINDOWS_DEPS} yet: building it (once per machine)")
  execute_process(COMMAND ${PROJECT_SOURCE_DIR}/packaging/windows/build-re2.sh ${COOLPAPERS_WINDOWS_DEPS}
                  RESULT_VARIABLE re2_result)
  if(NOT re2_result EQUAL 0)
    message(FATAL_ERROR "packaging/windows/build-re2.sh failed (see above); fix that, then configure again")
  endif()
endif()
find_package(re2 CONFIG REQUIRED)
add_library(PkgConfig::RE2 ALIAS re2::re2)   # the name the Linux build uses

set(cross_include ${CMAKE_BINARY_DIR}/cross-include)
file(MAKE_DIRECTORY ${cross_include})
foreach(dir IN ITEMS boost doctest)
  if(NOT EXISTS ${cross_include}/${dir})
    file(CREATE_LINK /usr/include/${dir} ${cross_include}/${dir} SYMBOLIC)
  endif()
endforeach()
add_library(coolpapers_boost_json STATIC ${CMAKE_CURRENT_LIST_DIR}/boost_json.cpp)
target_include_directories(coolpapers_boost_json SYSTEM PUBLIC ${cross_include})
target_compile_definitions(coolpapers_boost_json PUBLIC BOOST_JSON_NO_LIB BOOST_CONTAINER_NO_LIB)
add_library(Boost::json ALIAS coolpapers_boost_json)
add_library(Boost::headers ALIAS coolpapers_boost_json)
# doctest's package, found on the build machine (it holds the CMake module
# the test suites use, doctest_DIR/doctest.cmake), its headers taken from
# the folder above instead of /usr/include.
find_package(doctest CONFIG REQUIRED NO_CMAKE_FIND_ROOT_PATH)
set_target_properties(doctest::doctest PROPERTIES INTERFACE_INCLUDE_DIRECTORIES ${cross_include})

# GCC 12 at -O2 warns falsely about std::string's operator+ (GCC bug 105329,
# -Wrestrict inside libstdc++'s inlined memcpy); the Linux presets do not
# meet it because dev builds without optimisation.
add_compile_options(-Wno-restrict)

# Static libstdc++, libgcc and winpthread: without them the exe needs MinGW's
# DLLs and, lacking them, exits with status 53 and no message.
add_link_options(-static)

# Tests run through Wine in a private prefix under the build folder.
set(CMAKE_CROSSCOMPILING_EMULATOR ${CMAKE_CURRENT_LIST_DIR}/wine-run.sh ${CMAKE_BINARY_DIR}/wineprefix)

include(cmake/embed_file.cmake)
include(cmake/embed_rule_table.cmake)
add_subdirectory(resolver)
add_subdirectory(native_host)
add_subdirectory(extension)

# The installers (packaging/windows/make_msi.cmake): per-user (the default
# one to hand out: no administrator rights) and per-machine.
file(READ ${PROJECT_SOURCE_DIR}/extension/EXTENSION_ID extension_id)
string(STRIP "${extension_id}" extension_id)
set(msi_files "")
# The tests also build each with version 0.0.1, to upgrade from and to be
# refused as a downgrade (tests/windows/msi_test.py).
foreach(scope IN ITEMS perUser perMachine)
  string(TOLOWER ${scope} scope_lower)
  foreach(version IN ITEMS ${PROJECT_VERSION} 0.0.1)
    set(msi ${CMAKE_BINARY_DIR}/coolpapers-${version}-${scope_lower}.msi)
    if(NOT version STREQUAL PROJECT_VERSION)
      set(msi ${CMAKE_BINARY_DIR}/msi/coolpapers-${version}-${scope_lower}.msi)
    endif()
    add_custom_command(
      OUTPUT ${msi}
      COMMAND ${CMAKE_COMMAND} -DSCOPE=${scope} -DEXE=$<TARGET_FILE:coolpapers> -DSTRIP=${CMAKE_STRIP}
              -DEXTENSION_DIR=${COOLPAPERS_EXTENSION_DIR} -DEXTENSION_ID=${extension_id}
              -DVERSION=${version} -DSOURCE_DIR=${PROJECT_SOURCE_DIR}
              -DSTAGE=${CMAKE_BINARY_DIR}/msi/stage-${version}-${scope_lower} -DOUTPUT=${msi}
              -P ${PROJECT_SOURCE_DIR}/packaging/windows/make_msi.cmake
      DEPENDS coolpapers coolpapers_extension ${PROJECT_SOURCE_DIR}/packaging/windows/make_msi.cmake
              ${PROJECT_SOURCE_DIR}/packaging/cool.papers.redirector.json.in
      COMMENT "Building ${msi} with wixl"
      VERBATIM)
    list(APPEND msi_files ${msi})
  endforeach()
endforeach()
add_custom_target(coolpapers_msi ALL DEPENDS ${msi_files})

if(COOLPAPERS_BUILD_TESTS)
  enable_testing()
  include(${doctest_DIR}/doctest.cmake)
  add_subdirectory(tests/resolver)
  add_subdirectory(tests/windows)
endif()
