# pg_bench (bench/bench_main.cpp): the simulation-loop benchmark, natively, as wasm run by Node and, as
# pg_bench_browser, as wasm in headless Chromium, where the playground's users run it (the browser's V8 is not
# Node's). bench/run_bench.mjs (make bench) drives all three builds.
add_library(pg_bench_main OBJECT ${CMAKE_SOURCE_DIR}/bench/bench_main.cpp)
target_link_libraries(pg_bench_main PRIVATE pg_scenario pg_engine)
target_compile_options(pg_bench_main PRIVATE ${PG_WARNINGS})
add_executable(pg_bench $<TARGET_OBJECTS:pg_bench_main>)
target_link_libraries(pg_bench PRIVATE pg_scenario pg_engine)
if(EMSCRIPTEN)
  set(PG_BENCH_WASM_OPTIONS -sALLOW_MEMORY_GROWTH=1 -sEXIT_RUNTIME=1 -sMAXIMUM_MEMORY=2GB)
  # NODERAWFS: reads bench/*.json from the real file system, like the native build.
  target_link_options(pg_bench PRIVATE -sNODERAWFS=1 ${PG_BENCH_WASM_OPTIONS})
  # The page (bench/browser_loop.mjs) writes the workload into the in-memory file system before main runs.
  add_executable(pg_bench_browser $<TARGET_OBJECTS:pg_bench_main>)
  target_link_libraries(pg_bench_browser PRIVATE pg_scenario pg_engine)
  target_link_options(pg_bench_browser PRIVATE -sENVIRONMENT=web -sFORCE_FILESYSTEM=1 ${PG_BENCH_WASM_OPTIONS})
endif()

# pg_equivalence (bench/equivalence_main.cpp): prints, for thousands of random scenarios and any files given,
# what a change that only speeds the engine up must leave as it was; diff the output of two builds
# (bench/README.md). Native only.
if(NOT EMSCRIPTEN)
  add_executable(pg_equivalence ${CMAKE_SOURCE_DIR}/bench/equivalence_main.cpp)
  target_include_directories(pg_equivalence PRIVATE ${CMAKE_SOURCE_DIR}/tests)
  target_link_libraries(pg_equivalence PRIVATE pg_scenario pg_engine)
  target_compile_options(pg_equivalence PRIVATE ${PG_WARNINGS})
endif()
