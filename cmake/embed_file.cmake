# cmake -DINPUT=file -DOUTPUT=file.cpp -P embed_file.cmake
# Writes coolpapers::builtin_rules_json() returning INPUT's bytes.
file(READ "${INPUT}" hex HEX)
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "'\\\\x\\1'," bytes "${hex}")
file(WRITE "${OUTPUT}.tmp"
"// Generated from ${INPUT} by cmake/embed_file.cmake. Do not edit.
#include <string_view>
namespace coolpapers {
namespace {
constexpr char kBytes[] = {${bytes} '\\0'};
}  // namespace
std::string_view builtin_rules_json() { return {kBytes, sizeof(kBytes) - 1}; }
}  // namespace coolpapers
")
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUTPUT}.tmp")
