# The browser app: SDL2 (Debian source, built once by scripts/bootstrap.sh) + WebGL2 + Dear ImGui (Debian
# source) + the UI panels + the engine. Output: build/web/dist/{index.html, playground.js, .wasm, .data, ...}.
set(PG_IMGUI_SRC ${PG_CACHE_DIR}/src/imgui)
set(PG_SDL_PREFIX ${PG_CACHE_DIR}/sdl2-wasm)
foreach(required ${PG_IMGUI_SRC}/imgui.cpp ${PG_SDL_PREFIX}/lib/libSDL2.a)
  if(NOT EXISTS ${required})
    message(FATAL_ERROR "${required} is missing: run scripts/bootstrap.sh")
  endif()
endforeach()

add_library(pg_imgui STATIC
  ${PG_IMGUI_SRC}/imgui.cpp ${PG_IMGUI_SRC}/imgui_draw.cpp ${PG_IMGUI_SRC}/imgui_tables.cpp
  ${PG_IMGUI_SRC}/imgui_widgets.cpp ${PG_IMGUI_SRC}/imgui_demo.cpp
  ${PG_IMGUI_SRC}/backends/imgui_impl_sdl2.cpp ${PG_IMGUI_SRC}/backends/imgui_impl_opengl3.cpp)
target_include_directories(pg_imgui SYSTEM PUBLIC ${PG_IMGUI_SRC} ${PG_IMGUI_SRC}/backends ${PG_SDL_PREFIX}/include/SDL2)
target_compile_definitions(pg_imgui PUBLIC IMGUI_DISABLE_OBSOLETE_FUNCTIONS IMGUI_IMPL_OPENGL_ES3)
target_link_libraries(pg_imgui PUBLIC ${PG_SDL_PREFIX}/lib/libSDL2.a)
# The backend's per-frame GL state save/restore is answered from a shadow, not by synchronous WebGL queries
# (src/platform/web/gl_state_shadow.h; the Debian source is compiled unmodified).
set_source_files_properties(${PG_IMGUI_SRC}/backends/imgui_impl_opengl3.cpp PROPERTIES
  COMPILE_OPTIONS "-include;${CMAKE_SOURCE_DIR}/src/platform/web/gl_state_shadow.h")

# Everything under src/ui that draws; the model part is pg_ui_model (CMakeLists.txt), built natively too.
file(GLOB_RECURSE PG_UI_SOURCES CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/src/ui/*.cpp)
list(REMOVE_ITEM PG_UI_SOURCES ${PG_UI_MODEL_SOURCES})
add_library(pg_ui STATIC ${PG_UI_SOURCES})
target_link_libraries(pg_ui PUBLIC pg_ui_model pg_sweep pg_import pg_scenario pg_engine pg_imgui PRIVATE pg_json)
target_compile_options(pg_ui PRIVATE ${PG_WARNINGS})

set(PG_DIST ${CMAKE_BINARY_DIR}/dist)
file(GLOB PG_WEB_SOURCES CONFIGURE_DEPENDS src/platform/web/*.cpp)
add_executable(playground ${PG_WEB_SOURCES})
set_target_properties(playground PROPERTIES OUTPUT_NAME playground SUFFIX ".js"
  RUNTIME_OUTPUT_DIRECTORY ${PG_DIST})
target_link_libraries(playground PRIVATE pg_ui pg_sweep pg_json)
target_compile_options(playground PRIVATE ${PG_WARNINGS})
# The page's first frame waits on V8's compilers more than on its own work: each function is compiled on its first
# call (Liftoff, on the main thread: some 710 before the first frame) and the hot ones again by TurboFan on a
# worker (ImGui::Begin and the font atlas builder took 280-370 ms each at -O3), which a 2-core machine shares with
# the main thread and SwiftShader. Everything the page runs besides the engine is built for size: 2.49 -> 2.09 MB
# of wasm, first frame 1,187 -> 1,023 ms (median of 10, interleaved), frame times unchanged (bench/README.md).
# The engine keeps -O2 (CMakeLists.txt): its speed is what the page simulates with.
foreach(size_optimised pg_imgui pg_ui pg_ui_model pg_scenario playground)
  target_compile_options(${size_optimised} PRIVATE -Os)
endforeach()

# Fonts come from Debian font packages, cut down to the glyphs the app bakes (src/ui/theme.cpp: the UI font's
# ranges, the mono font's Latin-1 default) by pyftsubset; 1.1 MB of TrueType become about 50 kB, which is
# most of the page's transfer size (issue 7). Presets from assets/scenarios. Both preloaded into the virtual FS.
find_program(PG_PYFTSUBSET pyftsubset)
if(NOT PG_PYFTSUBSET)
  message(FATAL_ERROR "pyftsubset (Debian package fonttools) is missing: run scripts/bootstrap.sh")
endif()
set(PG_FONT_DIR ${CMAKE_BINARY_DIR}/fonts)
set(PG_FONT_UI ${PG_FONT_DIR}/ui.ttf)
set(PG_FONT_MONO ${PG_FONT_DIR}/mono.ttf)
set(PG_SUBSET_FLAGS --no-hinting --layout-features= --drop-tables+=FFTM)
add_custom_command(OUTPUT ${PG_FONT_UI} ${PG_FONT_MONO}
  COMMAND ${CMAKE_COMMAND} -E make_directory ${PG_FONT_DIR}
  COMMAND ${PG_PYFTSUBSET} /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf
          --unicodes=U+0020-00FF,U+0370-03FF,U+2010-2027,U+2190-21FF ${PG_SUBSET_FLAGS} --output-file=${PG_FONT_UI}
  COMMAND ${PG_PYFTSUBSET} /usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf
          --unicodes=U+0020-00FF ${PG_SUBSET_FLAGS} --output-file=${PG_FONT_MONO}
  DEPENDS /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf /usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf
  COMMENT "Subsetting the UI fonts")
add_custom_target(web_fonts DEPENDS ${PG_FONT_UI} ${PG_FONT_MONO})
add_dependencies(playground web_fonts)
file(GLOB PG_PRESETS CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/assets/scenarios/*.json)
set(PG_EXPORTS _main _malloc _free)
file(STRINGS ${CMAKE_SOURCE_DIR}/src/platform/web/exports.txt PG_BRIDGE_EXPORTS REGEX "^_pg_")
list(APPEND PG_EXPORTS ${PG_BRIDGE_EXPORTS})
list(JOIN PG_EXPORTS "," PG_EXPORTS_CSV)
# GL_SUPPORT_AUTOMATIC_ENABLE_EXTENSIONS=0: Emscripten no longer enables every WebGL extension the browser offers
# when the context is made (39 ms of main() in a trace: one synchronous getExtension round trip each); the ImGui
# backend draws with WebGL2 core calls only (bench/README.md: first frame).
target_link_options(playground PRIVATE
  -sMIN_WEBGL_VERSION=2 -sMAX_WEBGL_VERSION=2 -sGL_SUPPORT_AUTOMATIC_ENABLE_EXTENSIONS=0
  -sALLOW_MEMORY_GROWTH=1 -sINITIAL_MEMORY=64MB -sTOTAL_STACK=1MB
  -sEXPORTED_FUNCTIONS=${PG_EXPORTS_CSV}
  "-sEXPORTED_RUNTIME_METHODS=ccall,cwrap,UTF8ToString,stringToUTF8,lengthBytesUTF8"
  -sENVIRONMENT=web
  "SHELL:--preload-file ${PG_FONT_UI}@/fonts/ui.ttf"
  "SHELL:--preload-file ${PG_FONT_MONO}@/fonts/mono.ttf"
  "SHELL:--preload-file ${CMAKE_SOURCE_DIR}/assets/scenarios@/scenarios"
  "SHELL:--preload-file ${CMAKE_SOURCE_DIR}/emsdk.lock@/notices/emsdk.lock")
set_property(TARGET playground APPEND PROPERTY LINK_DEPENDS ${PG_PRESETS}
  ${CMAKE_SOURCE_DIR}/src/platform/web/exports.txt ${PG_FONT_UI} ${PG_FONT_MONO} ${CMAKE_SOURCE_DIR}/emsdk.lock)

# The sweep workers' engine (issue 18): src/sweep + the engine, no UI, as a module each Web Worker loads
# (web/sweep_worker.js). dist/sweep_engine.{js,wasm}.
add_executable(sweep_engine ${CMAKE_SOURCE_DIR}/src/platform/sweep_worker/sweep_engine.cpp)
set_target_properties(sweep_engine PROPERTIES SUFFIX ".js" RUNTIME_OUTPUT_DIRECTORY ${PG_DIST})
target_link_libraries(sweep_engine PRIVATE pg_sweep pg_json)
target_compile_options(sweep_engine PRIVATE ${PG_WARNINGS})
target_link_options(sweep_engine PRIVATE -sALLOW_MEMORY_GROWTH=1 -sINITIAL_MEMORY=32MB -sMODULARIZE=1
  -sEXPORT_NAME=createSweepEngine -sENVIRONMENT=worker,node
  -sEXPORTED_FUNCTIONS=_pg_sweep_run_cell,_malloc,_free
  "-sEXPORTED_RUNTIME_METHODS=ccall,UTF8ToString")
add_dependencies(playground sweep_engine)

# Static files of the page: copied next to the module on every build.
file(GLOB_RECURSE PG_WEB_STATIC CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/web/*)
add_custom_target(web_static ALL
  COMMAND ${CMAKE_COMMAND} -E copy_directory ${CMAKE_SOURCE_DIR}/web ${PG_DIST}
  DEPENDS ${PG_WEB_STATIC}
  COMMENT "Copying web/ into dist/")
add_dependencies(playground web_static)
include(${CMAKE_SOURCE_DIR}/cmake/web_notices.cmake)
# The fidelity reference (issue 20): docs/fidelity.md published as dist/docs/fidelity.html (the inspector's
# source badges open its entries), written before the service worker is stamped so it is cached offline.
add_custom_target(web_fidelity ALL
  COMMAND node ${CMAKE_SOURCE_DIR}/scripts/md_to_html.mjs ${CMAKE_SOURCE_DIR}/docs/fidelity.md
          ${PG_DIST}/docs/fidelity.html docs.css
  DEPENDS ${CMAKE_SOURCE_DIR}/docs/fidelity.md ${CMAKE_SOURCE_DIR}/scripts/md_to_html.mjs
  COMMENT "Publishing docs/fidelity.md as dist/docs/fidelity.html")
add_dependencies(web_fidelity web_static)
# Offline (issue 20): dist/sw.js stamped with this build's hash and file list, after everything is in dist/.
add_custom_target(web_offline ALL
  COMMAND node ${CMAKE_SOURCE_DIR}/scripts/stamp_service_worker.mjs ${PG_DIST}
  COMMENT "Stamping the service worker")
add_dependencies(web_offline playground web_static web_notices web_fidelity)

if(PG_BUILD_TESTS)
  add_test(NAME web.smoke COMMAND node ${CMAKE_SOURCE_DIR}/tests/web/run.mjs smoke --dist ${PG_DIST})
  set_tests_properties(web.smoke PROPERTIES TIMEOUT 240)
  # Issue 6: share links (and `lambda-playground link`, wasm and native, equal to the page's link), broken links,
  # the documentation page's embeds, the embed postMessage API across origins.
  foreach(share_test links bad_links docs_page embed_api embed_lock clipboard files import_template)
    add_test(NAME web.${share_test} COMMAND node ${CMAKE_SOURCE_DIR}/tests/web/run.mjs ${share_test} --dist ${PG_DIST})
    set_tests_properties(web.${share_test} PROPERTIES TIMEOUT 300)
  endforeach()
  set_tests_properties(web.links PROPERTIES ENVIRONMENT
    "PG_RUNNER_JS=$<TARGET_FILE:lambda-playground>;PG_NATIVE_RUNNER=${CMAKE_SOURCE_DIR}/build/native/lambda-playground;PG_REQUIRE_RUNNER=1")
  foreach(ui_test sweep panels wire fanout help offline fidelity sqs_loop load recursion play_budget mac_keys stream_shards
                  authoring touch narrow exports embed_code cost_meter)
    add_test(NAME web.${ui_test} COMMAND node ${CMAKE_SOURCE_DIR}/tests/web/run.mjs ${ui_test} --dist ${PG_DIST})
    set_tests_properties(web.${ui_test} PROPERTIES TIMEOUT 240)
  endforeach()
  set_tests_properties(web.authoring PROPERTIES TIMEOUT 480)  # builds two scenarios by hand, at 1x and 2x
  # Issue 17: A/B comparison in the page (fork, edit B, one clock, diff, link, show the fix, same as the CLI).
  add_test(NAME web.compare COMMAND node ${CMAKE_SOURCE_DIR}/tests/web/run.mjs compare --dist ${PG_DIST})
  set_tests_properties(web.compare PROPERTIES TIMEOUT 420)
  # Issue 20: the page's trace export equals the command line's (the wasm runner through Node).
  set_tests_properties(web.exports PROPERTIES ENVIRONMENT "PG_RUNNER_JS=$<TARGET_FILE:lambda-playground>")
endif()
