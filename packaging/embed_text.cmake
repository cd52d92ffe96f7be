# cmake -DINPUT=file -DOUTPUT=file.cpp -DFUNCTION=name -P embed_text.cmake
# Writes `std::string_view coolpapers::app::FUNCTION()` returning INPUT's
# bytes: how `coolpapers doctor` carries packaging/browsers.tsv and
# extension/EXTENSION_ID, so the binary, install.sh and the .deb read one
# table. The technique of cmake/embed_file.cmake, with the function named.
file(READ "${INPUT}" hex HEX)
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "'\\\\x\\1'," bytes "${hex}")
file(WRITE "${OUTPUT}.tmp"
"// Generated from ${INPUT} by packaging/embed_text.cmake. Do not edit.
#include <string_view>
namespace coolpapers::app {
namespace {
constexpr char kBytes[] = {${bytes} '\\0'};
}  // namespace
std::string_view ${FUNCTION}() { return {kBytes, sizeof(kBytes) - 1}; }
}  // namespace coolpapers::app
")
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUTPUT}.tmp")
