# Licence notices of what the page is built from (issue 20), copied at build time from the sources the
# bootstrap fetched (PG_CACHE_DIR/src, .deps by default, as the build reads them: Debian source packages) and
# from the Debian packages' copyright files. Nothing third-party is committed. Output: dist/notices/*.txt
# (opened from Help > About) and dist/notices/LICENSE.txt.
# src/ui/notices.cpp lists the same files; tests/ui/test_notices.cpp checks both agree.
set(PG_NOTICES ${PG_DIST}/notices)
set(PG_NOTICE_SOURCES
  "${PG_CACHE_DIR}/src/imgui/LICENSE.txt|/dear-imgui.txt"
  "${PG_CACHE_DIR}/src/sdl2/LICENSE.txt|/sdl2.txt"
  "${PG_CACHE_DIR}/src/zlib/LICENSE|/zlib.txt"
  "${PG_CACHE_DIR}/src/yaml-cpp/LICENSE|/yaml-cpp.txt"
  "/usr/share/doc/nlohmann-json3-dev/copyright|/nlohmann-json.txt"
  "/usr/share/doc/fonts-dejavu-core/copyright|/dejavu-fonts.txt"
  "/usr/share/doc/emscripten/copyright|/emscripten.txt"
  "${CMAKE_SOURCE_DIR}/LICENSE|/LICENSE.txt")
set(PG_NOTICE_COMMANDS COMMAND ${CMAKE_COMMAND} -E make_directory ${PG_NOTICES})
set(PG_NOTICE_OUTPUTS)
set(PG_NOTICE_INPUTS)
foreach(pair ${PG_NOTICE_SOURCES})
  string(REPLACE "|" ";" parts "${pair}")
  list(GET parts 0 from)
  list(GET parts 1 to)
  if(NOT EXISTS ${from})
    message(FATAL_ERROR "licence notice ${from} is missing: run scripts/bootstrap.sh")
  endif()
  list(APPEND PG_NOTICE_COMMANDS COMMAND ${CMAKE_COMMAND} -E copy ${from} ${PG_NOTICES}${to})
  list(APPEND PG_NOTICE_OUTPUTS ${PG_NOTICES}${to})
  list(APPEND PG_NOTICE_INPUTS ${from})
endforeach()
add_custom_command(OUTPUT ${PG_NOTICE_OUTPUTS} ${PG_NOTICE_COMMANDS} DEPENDS ${PG_NOTICE_INPUTS}
  COMMENT "Copying licence notices into dist/notices")
add_custom_target(web_notices ALL DEPENDS ${PG_NOTICE_OUTPUTS})
add_dependencies(playground web_notices)
