# Compiling a file's bytes into a binary, so it runs with no file beside it.
#
# In a CMakeLists.txt (after include(cmake/embed_file.cmake)):
#   coolpapers_embed_file(INPUT file OUTPUT file.cpp NAMESPACE ns FUNCTION name)
# adds a custom command writing OUTPUT, which defines
#   std::string_view ns::name()   // INPUT's bytes
# and regenerates it when INPUT changes. The command runs this same file in
# script mode: cmake -DINPUT=.. -DOUTPUT=.. -DNAMESPACE=.. -DFUNCTION=.. -P embed_file.cmake

if(CMAKE_SCRIPT_MODE_FILE)
  file(READ "${INPUT}" hex HEX)
  string(REGEX REPLACE "([0-9a-f][0-9a-f])" "'\\\\x\\1'," bytes "${hex}")
  file(WRITE "${OUTPUT}.tmp"
"// Generated from ${INPUT} by cmake/embed_file.cmake. Do not edit.
#include <string_view>
namespace ${NAMESPACE} {
namespace {
constexpr char kBytes[] = {${bytes} '\\0'};
}  // namespace
std::string_view ${FUNCTION}() { return {kBytes, sizeof(kBytes) - 1}; }
}  // namespace ${NAMESPACE}
")
  file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
  file(REMOVE "${OUTPUT}.tmp")
  return()
endif()

set(COOLPAPERS_EMBED_SCRIPT ${CMAKE_CURRENT_LIST_FILE})

function(coolpapers_embed_file)
  cmake_parse_arguments(PARSE_ARGV 0 arg "" "INPUT;OUTPUT;NAMESPACE;FUNCTION" "")
  add_custom_command(
    OUTPUT ${arg_OUTPUT}
    COMMAND ${CMAKE_COMMAND} -DINPUT=${arg_INPUT} -DOUTPUT=${arg_OUTPUT}
            -DNAMESPACE=${arg_NAMESPACE} -DFUNCTION=${arg_FUNCTION} -P ${COOLPAPERS_EMBED_SCRIPT}
    DEPENDS ${arg_INPUT} ${COOLPAPERS_EMBED_SCRIPT}
    COMMENT "Embedding ${arg_INPUT}")
endfunction()
