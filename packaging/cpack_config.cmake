# CPack settings of the Debian package, included by the top-level
# CMakeLists.txt right before include(CPack). Build it with
#   cmake --workflow --preset package     (-> build/package/deb/*.deb)
# Contents: every install() component (packaging/CMakeLists.txt lists them).

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME coolpapers)
set(CPACK_PACKAGE_VENDOR "Cool Papers")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Open any paper on Cool Papers (papers.cool) from the browser or the command line")
# The supported sites come from the rule table (cmake/sites.cmake); editing
# it re-runs the configure step, so the description follows.
include(${CMAKE_CURRENT_LIST_DIR}/../cmake/sites.cmake)
coolpapers_read_sites(${PROJECT_SOURCE_DIR}/resolver/rules.json)
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/resolver/rules.json)
include(${CMAKE_CURRENT_LIST_DIR}/package_description.cmake)
coolpapers_package_description(CPACK_PACKAGE_DESCRIPTION "${COOLPAPERS_SITE_NAMES}")
set(CPACK_PACKAGE_CONTACT "coolpapers maintainers <coolpapers@papers.cool.invalid>"
    CACHE STRING "Maintainer field of the .deb")
set(CPACK_STRIP_FILES ON)
# Absolute destinations (/etc, /lib/systemd) are staged under DESTDIR.
set(CPACK_SET_DESTDIR ON)
set(CPACK_PACKAGING_INSTALL_PREFIX "${CMAKE_INSTALL_PREFIX}")
if(NOT CMAKE_INSTALL_PREFIX STREQUAL "/usr")
  message(STATUS "cpack: the package installs under ${CMAKE_INSTALL_PREFIX} (the package preset uses /usr)")
endif()

set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)  # coolpapers_VERSION-RELEASE_ARCH.deb
set(CPACK_DEBIAN_PACKAGE_RELEASE 1)
set(CPACK_DEBIAN_PACKAGE_SECTION web)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "${PROJECT_HOMEPAGE_URL}")
# Depends from what the binaries really link (dpkg-shlibdeps), never a list
# kept by hand: with COOLPAPERS_STATIC_HOST (the default) RE2 and Boost.JSON
# are inside the binaries, so libre2-9 appears only in a dynamic build.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "chromium | google-chrome-stable | microsoft-edge-stable | brave-browser | vivaldi-stable")
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)

# Maintainer scripts and conffiles: the host manifests in /etc are conffiles
# (dpkg keeps a changed one on remove and deletes it on purge).
set(conffiles "")
foreach(dir IN LISTS COOLPAPERS_SYSTEM_HOST_DIRS)
  string(APPEND conffiles "${dir}/cool.papers.redirector.json\n")
endforeach()
file(WRITE ${PROJECT_BINARY_DIR}/packaging/debian/conffiles "${conffiles}")
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA
  ${PROJECT_BINARY_DIR}/packaging/debian/conffiles
  ${PROJECT_SOURCE_DIR}/packaging/debian/postinst
  ${PROJECT_SOURCE_DIR}/packaging/debian/postrm)
