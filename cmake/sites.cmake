# The families of resolver/rules.json as CMake sees them, for what is
# generated from the one table of sites: the extension's manifest and its
# built-in list of sites (cmake/generate_extension.cmake) and the package
# description (packaging/cpack_config.cmake).
#
#   coolpapers_read_sites(RULES_FILE)
# sets, in the caller's scope:
#   COOLPAPERS_SITE_NAMES       "arXiv, OpenReview, ... and AAAI": the display
#                               names of the families that find paper ids
#   COOLPAPERS_SITES_JSON       {"families":[...]}, each family as the native
#                               host's `describe` reply gives it
#                               (native_host/PROTOCOL.md)
#   COOLPAPERS_CONTENT_SCRIPT_MATCHES  JSON array of every family's
#                               content_script_patterns, each once
# The C++ side reads the same file through the resolver (Resolver::families()).

function(_coolpapers_json_string out text)
  string(REPLACE "\\" "\\\\" text "${text}")
  string(REPLACE "\"" "\\\"" text "${text}")
  set(${out} "\"${text}\"" PARENT_SCOPE)
endfunction()

# The JSON array at families[i].KEY (a list of strings) as JSON text, and
# its items appended to the CMake list `seen` of the caller, each once.
function(_coolpapers_patterns out json index key)
  string(JSON count ERROR_VARIABLE missing LENGTH "${json}" families ${index} ${key})
  if(missing)
    set(count 0)
  endif()
  set(items "")
  if(count GREATER 0)
    math(EXPR last "${count} - 1")
    foreach(i RANGE ${last})
      string(JSON pattern GET "${json}" families ${index} ${key} ${i})
      _coolpapers_json_string(quoted "${pattern}")
      list(APPEND items "${quoted}")
    endforeach()
  endif()
  list(JOIN items "," joined)
  set(${out} "[${joined}]" PARENT_SCOPE)
endfunction()

function(coolpapers_read_sites rules_file)
  file(READ "${rules_file}" json)
  string(JSON family_count ERROR_VARIABLE error LENGTH "${json}" families)
  if(error)
    message(FATAL_ERROR "${rules_file}: no \"families\" array (${error}); fix the rule table")
  endif()
  set(names "")
  set(families "")
  set(matches "")
  math(EXPR last "${family_count} - 1")
  foreach(i RANGE ${last})
    string(JSON name GET "${json}" families ${i} name)
    string(JSON page GET "${json}" families ${i} page)
    string(JSON display ERROR_VARIABLE no_display GET "${json}" families ${i} display)
    if(no_display)
      set(display "${name}")
    endif()
    string(JSON stage ERROR_VARIABLE no_stage GET "${json}" families ${i} stage)
    if(no_stage)
      set(stage id)
    endif()
    if(stage STREQUAL "id" AND NOT display IN_LIST names)
      list(APPEND names "${display}")
    endif()
    _coolpapers_patterns(page_patterns "${json}" ${i} page_patterns)
    _coolpapers_patterns(pdf_patterns "${json}" ${i} pdf_patterns)
    _coolpapers_json_string(name_json "${name}")
    _coolpapers_json_string(display_json "${display}")
    list(APPEND families "{\"name\":${name_json},\"displayName\":${display_json},\"page\":\"${page}\",\"stage\":\"${stage}\",\"pagePatterns\":${page_patterns},\"pdfPatterns\":${pdf_patterns},\"source\":\"built-in\"}")

    string(JSON count ERROR_VARIABLE none LENGTH "${json}" families ${i} content_script_patterns)
    if(NOT none AND count GREATER 0)
      math(EXPR last_pattern "${count} - 1")
      foreach(p RANGE ${last_pattern})
        string(JSON pattern GET "${json}" families ${i} content_script_patterns ${p})
        _coolpapers_json_string(quoted "${pattern}")
        if(NOT quoted IN_LIST matches)
          list(APPEND matches "${quoted}")
        endif()
      endforeach()
    endif()
  endforeach()

  # "A, B and C"
  list(LENGTH names name_count)
  set(sentence "")
  set(n 0)
  foreach(display IN LISTS names)
    math(EXPR n "${n} + 1")
    if(n EQUAL 1)
      set(sentence "${display}")
    elseif(n EQUAL name_count)
      string(APPEND sentence " and ${display}")
    else()
      string(APPEND sentence ", ${display}")
    endif()
  endforeach()
  list(JOIN families ",\n  " families_joined)
  list(JOIN matches "," matches_joined)
  set(COOLPAPERS_SITE_NAMES "${sentence}" PARENT_SCOPE)
  set(COOLPAPERS_SITES_JSON "{\"families\":[\n  ${families_joined}\n]}\n" PARENT_SCOPE)
  set(COOLPAPERS_CONTENT_SCRIPT_MATCHES "[${matches_joined}]" PARENT_SCOPE)
endfunction()
