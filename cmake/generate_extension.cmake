# Writes the loadable extension into the build tree: the entries of
# packaging/extension-files.txt copied from extension/, plus what comes
# from the one table of sites (resolver/rules.json):
#   manifest.json  content_scripts[0].matches = the families' content_script_patterns
#   sites.json     the built-in families, the service worker's list of sites
#                  when the native host cannot be asked (`describe`)
# Script mode (extension/CMakeLists.txt runs it at build time):
#   cmake -DSOURCE_DIR=extension -DRULES=resolver/rules.json
#         -DFILE_LIST=packaging/extension-files.txt -DOUTPUT_DIR=DIR -P generate_extension.cmake

cmake_minimum_required(VERSION 3.25)  # script mode: string(JSON), IN_LIST

foreach(var SOURCE_DIR RULES FILE_LIST OUTPUT_DIR)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "generate_extension.cmake: -D${var}=... is missing")
  endif()
endforeach()
include(${CMAKE_CURRENT_LIST_DIR}/sites.cmake)
coolpapers_read_sites("${RULES}")

# Build the new folder beside the old one, then swap, so a file removed
# from extension/ does not linger and a failure leaves no half-written folder.
set(staging "${OUTPUT_DIR}.new")
file(REMOVE_RECURSE "${staging}")
file(MAKE_DIRECTORY "${staging}")
file(STRINGS "${FILE_LIST}" entries REGEX "^[^#]")
foreach(entry IN LISTS entries)
  if(NOT EXISTS "${SOURCE_DIR}/${entry}")
    message(FATAL_ERROR "${FILE_LIST} lists extension/${entry}, which does not exist")
  endif()
  file(COPY "${SOURCE_DIR}/${entry}" DESTINATION "${staging}")
endforeach()

file(READ "${staging}/manifest.json" manifest)
string(JSON scripts ERROR_VARIABLE error LENGTH "${manifest}" content_scripts)
if(error OR NOT scripts EQUAL 1)
  message(FATAL_ERROR "extension/manifest.json must have exactly one content_scripts entry (its matches are generated)")
endif()
if(COOLPAPERS_CONTENT_SCRIPT_MATCHES STREQUAL "[]")
  message(FATAL_ERROR "${RULES}: no family has content_script_patterns; the content script needs at least one")
endif()
string(JSON manifest SET "${manifest}" content_scripts 0 matches "${COOLPAPERS_CONTENT_SCRIPT_MATCHES}")
file(WRITE "${staging}/manifest.json" "${manifest}\n")
file(WRITE "${staging}/sites.json" "${COOLPAPERS_SITES_JSON}")

file(REMOVE_RECURSE "${OUTPUT_DIR}")
file(RENAME "${staging}" "${OUTPUT_DIR}")
