# Compiling the built-in rule table into the resolver as C++ data, so a
# start-up reads no JSON: the native host, which browsers start on every
# click, would otherwise parse resolver/rules.json each time.
#
# In a CMakeLists.txt (after include(cmake/embed_rule_table.cmake)):
#   coolpapers_embed_rule_table(INPUT rules.json OUTPUT rules.cpp)
# adds a custom command writing OUTPUT, which defines
#   const coolpapers::detail::SourceSpec& coolpapers::detail::builtin_rule_spec()
# (resolver/src/rule_spec.hpp) and regenerates it when INPUT changes. The
# command runs this same file in script mode:
#   cmake -DINPUT=.. -DOUTPUT=.. -P embed_rule_table.cmake
#
# This checks the table's shape as strictly as the resolver checks a user's
# rule file (known keys only, each value of the right type) and stops the
# build at the first problem; the values themselves (a page kind, a match
# pattern, a literal) are checked by the resolver when it loads the table,
# with the same code as for a user's file. The raw JSON is still embedded as
# well (cmake/embed_file.cmake) for `coolpapers rules list --json`.

if(CMAKE_SCRIPT_MODE_FILE)
  cmake_minimum_required(VERSION 3.25)  # string(JSON)

  function(_fail where message)
    message(FATAL_ERROR "${INPUT}: ${where}: ${message}; fix the rule table")
  endfunction()

  # `text` as a C++ string literal. Control characters other than tab and
  # newline are refused (a pattern writes them as regex escapes).
  function(_cxx_string out text where)
    string(REPLACE "\\" "\\\\" text "${text}")
    string(REPLACE "\"" "\\\"" text "${text}")
    string(REPLACE "\n" "\\n" text "${text}")
    string(REPLACE "\t" "\\t" text "${text}")
    string(ASCII 1 2 3 4 5 6 7 8 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28 29 30 31 127 controls)
    if(text MATCHES "[${controls}]")
      _fail("${where}" "holds a control character")
    endif()
    set(${out} "\"${text}\"" PARENT_SCOPE)
  endfunction()

  function(_check_keys object where)
    string(JSON count LENGTH "${object}")
    if(count EQUAL 0)
      return()
    endif()
    math(EXPR last "${count} - 1")
    foreach(i RANGE ${last})
      string(JSON key MEMBER "${object}" ${i})
      if(NOT key IN_LIST ARGN)
        _fail("${where}.${key}" "unknown key")
      endif()
    endforeach()
  endfunction()

  # Sets `out` to the JSON type of object[key], or NONE when it is absent.
  function(_type out object key)
    string(JSON type ERROR_VARIABLE missing TYPE "${object}" ${key})
    if(missing)
      set(type NONE)
    endif()
    set(${out} ${type} PARENT_SCOPE)
  endfunction()

  # Sets `out` to the element of `container` at `path` (a list of keys and
  # indices, "rules;3"), which must be an object holding only the keys
  # given after `where`.
  function(_object out container path where)
    _type(type "${container}" "${path}")
    if(NOT type STREQUAL "OBJECT")
      _fail("${where}" "must be an object")
    endif()
    string(JSON object GET "${container}" ${path})
    _check_keys("${object}" "${where}" ${ARGN})
    set(${out} "${object}" PARENT_SCOPE)
  endfunction()

  # object[key] as a C++ string literal; a required one must be a non-empty
  # string, an optional one absent (then `out` is empty) or a string.
  function(_string out object key required where)
    _type(type "${object}" ${key})
    if(type STREQUAL "NONE" AND NOT required)
      set(${out} "" PARENT_SCOPE)
      return()
    elseif(type STREQUAL "NONE")
      _fail("${where}.${key}" "missing")
    elseif(NOT type STREQUAL "STRING")
      _fail("${where}.${key}" "must be a string")
    endif()
    string(JSON value GET "${object}" ${key})
    if(required AND value STREQUAL "")
      _fail("${where}.${key}" "must be a non-empty string")
    endif()
    _cxx_string(literal "${value}" "${where}.${key}")
    set(${out} "${literal}" PARENT_SCOPE)
  endfunction()

  # object[key], a list of strings, as a C++ array appended to `arrays`;
  # `out` names it as a TextList ("TextList{}" when empty, `absent` when
  # the key is absent).
  set(arrays "")
  set(array_count 0)
  function(_list out object key where absent)
    _type(type "${object}" ${key})
    if(type STREQUAL "NONE")
      set(${out} "${absent}" PARENT_SCOPE)
      return()
    endif()
    if(NOT type STREQUAL "ARRAY")
      _fail("${where}.${key}" "must be an array of strings")
    endif()
    string(JSON count LENGTH "${object}" ${key})
    if(count EQUAL 0)
      set(${out} "TextList{}" PARENT_SCOPE)
      return()
    endif()
    set(items "")
    math(EXPR last "${count} - 1")
    foreach(i RANGE ${last})
      string(JSON item_type TYPE "${object}" ${key} ${i})
      if(NOT item_type STREQUAL "STRING")
        _fail("${where}.${key}[${i}]" "must be a string")
      endif()
      string(JSON item GET "${object}" ${key} ${i})
      _cxx_string(literal "${item}" "${where}.${key}[${i}]")
      string(APPEND items "    ${literal},\n")
    endforeach()
    set(name "kList${array_count}")
    math(EXPR array_count "${array_count} + 1")
    set(array_count ${array_count} PARENT_SCOPE)
    set(arrays "${arrays}constexpr std::string_view ${name}[] = {\n${items}};\n" PARENT_SCOPE)
    set(${out} "TextList(${name})" PARENT_SCOPE)
  endfunction()

  # Sets `count` to the length of json[key] (0 when absent), which must be
  # an array.
  function(_array_length count json key)
    _type(type "${json}" ${key})
    if(type STREQUAL "NONE")
      set(${count} 0 PARENT_SCOPE)
      return()
    endif()
    if(NOT type STREQUAL "ARRAY")
      _fail("${key}" "must be an array")
    endif()
    string(JSON n LENGTH "${json}" ${key})
    set(${count} ${n} PARENT_SCOPE)
  endfunction()

  file(READ "${INPUT}" json)
  string(JSON top_type ERROR_VARIABLE error TYPE "${json}")
  if(error OR NOT top_type STREQUAL "OBJECT")
    _fail("the file" "must be a JSON object (${error})")
  endif()
  _check_keys("${json}" "the table" schema about families rules sites_without_rule)
  string(JSON schema ERROR_VARIABLE error GET "${json}" schema)
  if(error OR NOT schema STREQUAL "1")
    _fail("schema" "must be 1")
  endif()

  set(families "")
  _array_length(family_count "${json}" families)
  if(family_count GREATER 0)
    math(EXPR last "${family_count} - 1")
    foreach(i RANGE ${last})
      set(where "families[${i}]")
      _object(family "${json}" "families;${i}" "${where}"
              name display page stage doc page_patterns pdf_patterns content_script_patterns)
      set(fields "")
      foreach(key name page)
        _string(value "${family}" ${key} TRUE "${where}")
        string(APPEND fields ".${key} = ${value}, ")
      endforeach()
      # Every member is written out (GCC warns of a missing initializer).
      foreach(key stage display)
        _string(value "${family}" ${key} FALSE "${where}")
        if(value STREQUAL "")
          set(value "std::nullopt")
        endif()
        string(APPEND fields ".${key} = ${value}, ")
      endforeach()
      foreach(key page_patterns pdf_patterns content_script_patterns)
        _list(value "${family}" ${key} "${where}" std::nullopt)
        string(APPEND fields ".${key} = ${value}, ")
      endforeach()
      string(APPEND families "    {${fields}},\n")
    endforeach()
  endif()

  set(sites "")
  _array_length(site_count "${json}" sites_without_rule)
  if(site_count GREATER 0)
    math(EXPR last "${site_count} - 1")
    foreach(i RANGE ${last})
      set(where "sites_without_rule[${i}]")
      _object(site "${json}" "sites_without_rule;${i}" "${where}" name hosts paths doc)
      _string(name "${site}" name TRUE "${where}")
      set(fields ".name = ${name}, ")
      foreach(key hosts paths)
        _list(value "${site}" ${key} "${where}" TextList{})
        string(APPEND fields ".${key} = ${value}, ")
      endforeach()
      string(APPEND sites "    {${fields}},\n")
    endforeach()
  endif()

  set(rules "")
  _array_length(rule_count "${json}" rules)
  if(rule_count EQUAL 0)
    _fail("rules" "the built-in table needs rules")
  endif()
  math(EXPR last "${rule_count} - 1")
  foreach(i RANGE ${last})
    set(where "rules[${i}]")
    _object(rule "${json}" "rules;${i}" "${where}" id family doc literals pattern output yymm_group examples)
    set(fields "")
    foreach(key id family pattern output)
      _string(value "${rule}" ${key} TRUE "${where}")
      string(APPEND fields ".${key} = ${value}, ")
    endforeach()
    _list(literals "${rule}" literals "${where}" TextList{})
    string(APPEND fields ".literals = ${literals}, ")
    _type(type "${rule}" yymm_group)
    if(type STREQUAL "NONE")
      string(APPEND fields ".yymm_group = std::nullopt, ")
    else()
      string(JSON group GET "${rule}" yymm_group)
      if(NOT type STREQUAL "NUMBER" OR NOT group MATCHES "^[0-9]+$")
        _fail("${where}.yymm_group" "must be the number of a capture group")
      endif()
      string(APPEND fields ".yymm_group = ${group}, ")
    endif()
    _array_length(example_count "${rule}" examples)
    if(example_count GREATER 0)
      set(examples "")
      math(EXPR last_example "${example_count} - 1")
      foreach(e RANGE ${last_example})
        set(at "${where}.examples[${e}]")
        _object(example "${rule}" "examples;${e}" "${at}" input url field)
        _string(input "${example}" input TRUE "${at}")
        _string(field "${example}" field FALSE "${at}")
        if(field STREQUAL "")
          set(field "\"\"")
        endif()
        set(example_fields ".input = ${input}, .field = ${field}, ")
        _type(type "${example}" url)
        if(type STREQUAL "STRING")
          _string(url "${example}" url TRUE "${at}")
          string(APPEND example_fields ".url = ${url}, ")
        elseif(type STREQUAL "NULL")
          string(APPEND example_fields ".url = std::nullopt, ")
        else()
          _fail("${at}.url" "must be the expected URL or null (no answer)")
        endif()
        string(APPEND examples "    {${example_fields}},\n")
      endforeach()
      set(name "kExamples${i}")
      string(APPEND arrays "constexpr RuleExample ${name}[] = {\n${examples}};\n")
      string(APPEND fields ".examples = ${name}, ")
    else()
      string(APPEND fields ".examples = {}, ")
    endif()
    string(APPEND rules "    {${fields}},\n")
  endforeach()

  set(spec_families "")
  if(NOT families STREQUAL "")
    string(APPEND arrays "constexpr FamilySpec kFamilies[] = {\n${families}};\n")
    set(spec_families "kFamilies")
  endif()
  set(spec_sites "")
  if(NOT sites STREQUAL "")
    string(APPEND arrays "constexpr SiteSpec kSites[] = {\n${sites}};\n")
    set(spec_sites "kSites")
  endif()
  string(APPEND arrays "constexpr RuleSpec kRules[] = {\n${rules}};\n")

  file(WRITE "${OUTPUT}.tmp"
"// Generated from ${INPUT} by cmake/embed_rule_table.cmake. Do not edit.
#include \"rule_spec.hpp\"

namespace coolpapers::detail {
namespace {
${arrays}
constexpr SourceSpec kSpec{${spec_families}, ${spec_sites}, kRules};
}  // namespace

const SourceSpec& builtin_rule_spec() { return kSpec; }
}  // namespace coolpapers::detail
")
  file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
  file(REMOVE "${OUTPUT}.tmp")
  return()
endif()

set(COOLPAPERS_EMBED_RULE_TABLE_SCRIPT ${CMAKE_CURRENT_LIST_FILE})

function(coolpapers_embed_rule_table)
  cmake_parse_arguments(PARSE_ARGV 0 arg "" "INPUT;OUTPUT" "")
  add_custom_command(
    OUTPUT ${arg_OUTPUT}
    COMMAND ${CMAKE_COMMAND} -DINPUT=${arg_INPUT} -DOUTPUT=${arg_OUTPUT} -P ${COOLPAPERS_EMBED_RULE_TABLE_SCRIPT}
    DEPENDS ${arg_INPUT} ${COOLPAPERS_EMBED_RULE_TABLE_SCRIPT}
    COMMENT "Compiling the rule table ${arg_INPUT} into C++")
endfunction()
