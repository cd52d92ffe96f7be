# Included by native_host/CMakeLists.txt (custom commands must live in the
# directory of the target that compiles their output): generates the
# sources that give `coolpapers doctor` the browser table and the extension
# id from their one source each, so doctor checks exactly what install.sh
# and the .deb write.
#   doctor_browsers_tsv.cpp  <- packaging/browsers.tsv   doctor_browsers_tsv()
#   doctor_extension_id.cpp  <- extension/EXTENSION_ID   doctor_extension_id_file()
#   doctor_gecko_id.cpp      <- extension/GECKO_ID       doctor_gecko_id_file()
#   doctor_external_extensions_tsv.cpp <- packaging/external-extensions.tsv
#                                         doctor_external_extensions_tsv()
foreach(embed IN ITEMS "packaging/browsers.tsv|doctor_browsers_tsv|doctor_browsers_tsv"
                       "extension/EXTENSION_ID|doctor_extension_id|doctor_extension_id_file"
                       "extension/GECKO_ID|doctor_gecko_id|doctor_gecko_id_file"
                       "packaging/external-extensions.tsv|doctor_external_extensions_tsv|doctor_external_extensions_tsv")
  string(REPLACE "|" ";" embed "${embed}")
  list(GET embed 0 input)
  list(GET embed 1 output)
  list(GET embed 2 function)
  coolpapers_embed_file(INPUT ${PROJECT_SOURCE_DIR}/${input} OUTPUT ${CMAKE_CURRENT_BINARY_DIR}/${output}.cpp
                        NAMESPACE coolpapers::app FUNCTION ${function})
endforeach()
