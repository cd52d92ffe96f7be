# Packs the generated extension folder into a Firefox add-on file (.xpi, a
# zip), reproducibly: entries in sorted order, every timestamp the same, so
# the same sources give the same bytes. Script mode (extension/CMakeLists.txt
# runs it after generating the folder):
#   cmake -DINPUT_DIR=build/.../unpacked -DOUTPUT=coolpapers.xpi -P pack_xpi.cmake
# The .xpi is unsigned: Debian's Firefox ESR installs it as is; Mozilla's own
# builds need it signed by Mozilla's add-on signing first (README.md).

cmake_minimum_required(VERSION 3.25)
foreach(var INPUT_DIR OUTPUT)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "pack_xpi.cmake: -D${var}=... is missing")
  endif()
endforeach()
if(NOT EXISTS "${INPUT_DIR}/manifest.json")
  message(FATAL_ERROR "pack_xpi.cmake: ${INPUT_DIR} holds no manifest.json; generate the extension first")
endif()

# GLOB_RECURSE lists in lexicographic order; directories are implied.
file(GLOB_RECURSE files LIST_DIRECTORIES false RELATIVE "${INPUT_DIR}" "${INPUT_DIR}/*")
list(SORT files)
set(staging "${OUTPUT}.new")
execute_process(
  COMMAND ${CMAKE_COMMAND} -E tar cf "${staging}" --format=zip --mtime=2000-01-01T00:00:00Z -- ${files}
  WORKING_DIRECTORY "${INPUT_DIR}"
  RESULT_VARIABLE status)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "pack_xpi.cmake: packing ${INPUT_DIR} into ${OUTPUT} failed")
endif()
file(RENAME "${staging}" "${OUTPUT}")
