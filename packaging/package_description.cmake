# The .deb's long description, with the supported sites filled in from the
# rule table (COOLPAPERS_SITE_NAMES of cmake/sites.cmake). A function of its
# own so tests/sites runs it on a table with a throwaway family.
#
#   coolpapers_package_description(OUT_VAR "arXiv, OpenReview and AAAI")

function(coolpapers_package_description out site_names)
  set(text "coolpapers resolves ${site_names} links, ids and citations to their Cool Papers pages. \
The package holds the coolpapers command (also the browsers' native messaging host \
cool.papers.redirector, registered for Chromium, Google Chrome, Microsoft Edge, \
Brave and Vivaldi), the bundled browser extension, packed and offered to \
Chromium, Google Chrome and Microsoft Edge, which install it at their next \
start (unpacked in /usr/share/coolpapers/extension for the others), and \
coolpapers-redirector, an HTTP redirect service with a systemd unit (not \
enabled). Run `coolpapers doctor` to check.")
  # Lines of at most 79 characters, as the old hand-wrapped text had.
  string(REGEX MATCHALL "[^ ]+" words "${text}")
  set(wrapped "")
  set(line "")
  foreach(word IN LISTS words)
    string(LENGTH "${line} ${word}" length)
    if(line STREQUAL "")
      set(line "${word}")
    elseif(length GREATER 79)
      string(APPEND wrapped "${line}\n")
      set(line "${word}")
    else()
      string(APPEND line " ${word}")
    endif()
  endforeach()
  string(APPEND wrapped "${line}")
  set(${out} "${wrapped}" PARENT_SCOPE)
endfunction()
