# cmake -DPROGRAM=exe -DNAME=name -DSUMMARY=text -DVERSION=x.y.z -DOUTPUT=name.1.gz -P help_to_man.cmake
# A man page from PROGRAM --help: the help text verbatim (.nf), roff-escaped,
# gzipped reproducibly (gzip -n: no name or time stamp).
# No user rule file: the page must name the built-in sites only, whoever builds it.
execute_process(COMMAND "${CMAKE_COMMAND}" -E env XDG_CONFIG_HOME=/nonexistent/coolpapers-man "${PROGRAM}" --help
                OUTPUT_VARIABLE help RESULT_VARIABLE rc)
if(NOT rc EQUAL 0 OR help STREQUAL "")
  message(FATAL_ERROR "${PROGRAM} --help failed (${rc})")
endif()
# roff: a backslash is \e; a line starting with . or ' would be a request.
string(REPLACE "\\" "\\e" help "${help}")
string(REGEX REPLACE "(^|\n)([.'])" "\\1\\\\&\\2" help "${help}")
string(TOUPPER "${NAME}" title)
get_filename_component(dir "${OUTPUT}" DIRECTORY)
file(MAKE_DIRECTORY "${dir}")
string(REGEX REPLACE "\\.gz$" "" page "${OUTPUT}")
file(WRITE "${page}"
".TH ${title} 1 \"\" \"${NAME} ${VERSION}\" \"User Commands\"
.SH NAME
${NAME} \\- ${SUMMARY}
.SH DESCRIPTION
.nf
${help}.fi
.SH SEE ALSO
coolpapers(1), coolpapers-redirector(1), /usr/share/doc/coolpapers/README.md
")
execute_process(COMMAND gzip -9nf "${page}" RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "gzip ${page} failed")
endif()
