# Runs at install time (install(CODE) in packaging/CMakeLists.txt): writes the
# external-extension file <id>.json = {"external_crx": <install prefix>/share/
# coolpapers/coolpapers.crx, "external_version": the extension's version} into
# every directory of COOLPAPERS_EXTERNAL_DIRS. file(INSTALL) prefixes
# $ENV{DESTDIR}, which is how CPack stages the .deb.
set(crx "${CMAKE_INSTALL_PREFIX}/share/coolpapers/coolpapers.crx")
file(WRITE "${COOLPAPERS_EXTERNAL_STAGING}"
  "{\n  \"external_crx\": \"${crx}\",\n  \"external_version\": \"${COOLPAPERS_EXTENSION_VERSION}\"\n}\n")
foreach(dir IN LISTS COOLPAPERS_EXTERNAL_DIRS)
  get_filename_component(name "${COOLPAPERS_EXTERNAL_STAGING}" NAME)
  list(APPEND CMAKE_ABSOLUTE_DESTINATION_FILES "${dir}/${name}")
  file(INSTALL DESTINATION "${dir}" TYPE FILE PERMISSIONS OWNER_READ OWNER_WRITE GROUP_READ WORLD_READ
       FILES "${COOLPAPERS_EXTERNAL_STAGING}")
endforeach()
