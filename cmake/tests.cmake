# doctest suites, one binary per library, registered with ctest. Natively each case is its own ctest test;
# under Emscripten each suite runs whole through Node.
file(GLOB PG_ENGINE_TEST_SOURCES CONFIGURE_DEPENDS tests/engine/*.cpp)
file(GLOB PG_SCENARIO_TEST_SOURCES CONFIGURE_DEPENDS tests/scenario/*.cpp)
file(GLOB PG_UI_TEST_SOURCES CONFIGURE_DEPENDS tests/ui/*.cpp)
file(GLOB PG_COST_TEST_SOURCES CONFIGURE_DEPENDS tests/cost/*.cpp)
file(GLOB PG_SWEEP_TEST_SOURCES CONFIGURE_DEPENDS tests/sweep/*.cpp)
file(GLOB PG_IMPORT_TEST_SOURCES CONFIGURE_DEPENDS tests/import/*.cpp)

function(pg_add_suite name)
  add_executable(${name} tests/main.cpp ${ARGN})
  target_link_libraries(${name} PRIVATE pg_scenario pg_engine pg_json pg_zlib pg_doctest)
  target_compile_options(${name} PRIVATE ${PG_WARNINGS})
  target_compile_definitions(${name} PRIVATE PG_SOURCE_DIR="${CMAKE_SOURCE_DIR}")
  if(EMSCRIPTEN)
    # NODERAWFS lets the wasm suite read assets/ from the real file system, like the native one.
    target_link_options(${name} PRIVATE -sNODERAWFS=1 -sALLOW_MEMORY_GROWTH=1 -sEXIT_RUNTIME=1)
    add_test(NAME wasm.${name} COMMAND node --no-experimental-fetch $<TARGET_FILE:${name}>)
  else()
    include(${CMAKE_CURRENT_LIST_DIR}/doctest_discover.cmake)
    doctest_discover_tests(${name} TEST_PREFIX "native.${name}.")
  endif()
endfunction()

if(PG_ENGINE_TEST_SOURCES)
  pg_add_suite(pg_engine_tests ${PG_ENGINE_TEST_SOURCES})
endif()
if(PG_SCENARIO_TEST_SOURCES)
  pg_add_suite(pg_scenario_tests ${PG_SCENARIO_TEST_SOURCES})
endif()
if(PG_UI_TEST_SOURCES)
  # The UI's model (warnings, timeline lanes, edits) without ImGui: natively and, under Emscripten, in Node.
  pg_add_suite(pg_ui_tests ${PG_UI_TEST_SOURCES})
  target_link_libraries(pg_ui_tests PRIVATE pg_ui_model)
endif()

if(PG_COST_TEST_SOURCES)
  # The cost view and the A/B comparison against hand-computed figures from the price table.
  pg_add_suite(pg_cost_tests ${PG_COST_TEST_SOURCES})
  target_link_libraries(pg_cost_tests PRIVATE pg_cost)
endif()

if(PG_SWEEP_TEST_SOURCES)
  # Sweeps (issue 18): rows equal single runs, equal whatever the thread count, spec errors with /sweep paths.
  pg_add_suite(pg_sweep_tests ${PG_SWEEP_TEST_SOURCES})
  target_link_libraries(pg_sweep_tests PRIVATE pg_sweep)
endif()

if(PG_IMPORT_TEST_SOURCES)
  # AWS templates -> scenarios and back: hand-written templates per event type, round trips over the presets.
  pg_add_suite(pg_import_tests ${PG_IMPORT_TEST_SOURCES})
  target_link_libraries(pg_import_tests PRIVATE pg_import)
endif()

# The command-line runner: every preset runs, bad input exits 2 naming the JSON path; under Emscripten the wasm
# runner's output is compared byte for byte with the native runner's (same scenario + seed = same trace).
if(TARGET lambda-playground)
  if(EMSCRIPTEN)
    set(PG_NATIVE_RUNNER ${CMAKE_SOURCE_DIR}/build/native/lambda-playground CACHE FILEPATH "native runner to compare with")
    add_test(NAME wasm.cli.matches_native COMMAND node ${CMAKE_SOURCE_DIR}/tests/cli/check_runner.mjs
      --runner "node --no-experimental-fetch $<TARGET_FILE:lambda-playground>" --compare ${PG_NATIVE_RUNNER})
  else()
    add_test(NAME native.cli.presets_and_errors COMMAND node ${CMAKE_SOURCE_DIR}/tests/cli/check_runner.mjs
      --runner $<TARGET_FILE:lambda-playground>)
  endif()
endif()
