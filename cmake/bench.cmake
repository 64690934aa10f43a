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
