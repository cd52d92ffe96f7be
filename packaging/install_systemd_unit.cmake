# Runs at install time (install(CODE) in packaging/CMakeLists.txt): installs
# packaging/coolpapers-redirector.service with its ExecStart pointing at
# this install's binary, <install prefix>/bin/coolpapers-redirector (the
# unit in the source tree names /usr/local/bin, where a manual install puts
# it; the .deb installs to /usr/bin).
file(READ "${COOLPAPERS_UNIT_SOURCE}" unit)
string(REGEX REPLACE "(\nExecStart=)[^ \n]*/coolpapers-redirector" "\\1${CMAKE_INSTALL_PREFIX}/bin/coolpapers-redirector"
       unit "${unit}")
if(NOT unit MATCHES "\nExecStart=${CMAKE_INSTALL_PREFIX}/bin/coolpapers-redirector")
  message(FATAL_ERROR "${COOLPAPERS_UNIT_SOURCE}: no ExecStart=.../coolpapers-redirector line to point at the installed binary")
endif()
file(WRITE "${COOLPAPERS_UNIT_STAGING}" "${unit}")
list(APPEND CMAKE_ABSOLUTE_DESTINATION_FILES "${COOLPAPERS_UNIT_DESTINATION}/coolpapers-redirector.service")
file(INSTALL DESTINATION "${COOLPAPERS_UNIT_DESTINATION}" TYPE FILE
     PERMISSIONS OWNER_READ OWNER_WRITE GROUP_READ WORLD_READ FILES "${COOLPAPERS_UNIT_STAGING}")
