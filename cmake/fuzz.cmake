# libFuzzer targets (issue 8), configured by the `fuzz` preset (clang-14, PG_FUZZ=ON). Everything in this
# build is compiled with coverage instrumentation plus AddressSanitizer and UBSan; each fuzz_<name> links
# libFuzzer's main. ctest runs each target for PG_FUZZ_SECONDS (short, for CI); `make fuzz` runs them longer
# through scripts/fuzz.sh directly.
if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
  message(FATAL_ERROR "PG_FUZZ needs clang (libFuzzer): configure with the `fuzz` preset (clang++-14)")
endif()
set(PG_FUZZ_SECONDS 20 CACHE STRING "seconds each fuzz target runs under ctest")
set(PG_FUZZ_TARGETS scenario share_link simulate)

add_executable(pg_fuzz_make_seeds tests/fuzz/make_seeds.cpp)
target_link_libraries(pg_fuzz_make_seeds PRIVATE pg_scenario)
target_link_options(pg_fuzz_make_seeds PRIVATE -fsanitize=address,undefined)

enable_testing()
foreach(name IN LISTS PG_FUZZ_TARGETS)
  add_executable(fuzz_${name} tests/fuzz/fuzz_${name}.cpp)
  target_link_libraries(fuzz_${name} PRIVATE pg_scenario pg_engine)
  target_compile_options(fuzz_${name} PRIVATE ${PG_WARNINGS})
  target_link_options(fuzz_${name} PRIVATE -fsanitize=fuzzer,address,undefined)
  add_test(NAME fuzz.${name}
           COMMAND ${CMAKE_SOURCE_DIR}/scripts/fuzz.sh ${CMAKE_BINARY_DIR} ${PG_FUZZ_SECONDS} ${name})
  set_tests_properties(fuzz.${name} PROPERTIES TIMEOUT 600)
endforeach()
