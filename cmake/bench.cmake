# pg_bench (bench/bench_main.cpp): the simulation-loop benchmark, natively and as wasm run by Node.
# bench/run_bench.mjs (make bench) drives both builds.
add_executable(pg_bench ${CMAKE_SOURCE_DIR}/bench/bench_main.cpp)
target_link_libraries(pg_bench PRIVATE pg_scenario pg_engine)
target_compile_options(pg_bench PRIVATE ${PG_WARNINGS})
if(EMSCRIPTEN)
  # NODERAWFS: reads bench/*.json from the real file system, like the native build.
  target_link_options(pg_bench PRIVATE -sNODERAWFS=1 -sALLOW_MEMORY_GROWTH=1 -sEXIT_RUNTIME=1
    -sMAXIMUM_MEMORY=2GB)
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
