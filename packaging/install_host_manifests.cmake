# Runs at install time (install(CODE) in packaging/CMakeLists.txt): writes
# the host manifest with "path" = <install prefix>/bin/coolpapers and
# installs it into every directory of COOLPAPERS_HOST_DIRS. file(INSTALL)
# prefixes $ENV{DESTDIR}, which is how CPack stages the .deb.
if(CMAKE_INSTALL_PREFIX MATCHES "/_CPack_Packages/")
  # CPack without DESTDIR would install absolute /etc paths into the real
  # /etc of the build machine.
  message(FATAL_ERROR "install prefix ${CMAKE_INSTALL_PREFIX} is CPack's staging dir: set CPACK_SET_DESTDIR")
endif()
set(COOLPAPERS_HOST_PATH "${CMAKE_INSTALL_PREFIX}/bin/coolpapers")
file(READ "${COOLPAPERS_MANIFEST_TEMPLATE}" template)
string(CONFIGURE "${template}" manifest @ONLY)
file(WRITE "${COOLPAPERS_MANIFEST_STAGING}" "${manifest}")
foreach(dir IN LISTS COOLPAPERS_HOST_DIRS)
  list(APPEND CMAKE_ABSOLUTE_DESTINATION_FILES "${dir}/cool.papers.redirector.json")
  file(INSTALL DESTINATION "${dir}" TYPE FILE PERMISSIONS OWNER_READ OWNER_WRITE GROUP_READ WORLD_READ
       FILES "${COOLPAPERS_MANIFEST_STAGING}")
endforeach()
