# Third-party pieces, all from Debian (installed or fetched by scripts/bootstrap.sh, never vendored).
# Header-only libraries are staged into a build-local folder so the wasm build never sees /usr/include.
set(PG_STAGED_INCLUDE ${CMAKE_BINARY_DIR}/staged-include)
foreach(lib nlohmann doctest)
  if(NOT EXISTS /usr/include/${lib})
    message(FATAL_ERROR "/usr/include/${lib} is missing: run scripts/bootstrap.sh (installs nlohmann-json3-dev, doctest-dev)")
  endif()
  file(MAKE_DIRECTORY ${PG_STAGED_INCLUDE})
  if(NOT EXISTS ${PG_STAGED_INCLUDE}/${lib})
    file(CREATE_LINK /usr/include/${lib} ${PG_STAGED_INCLUDE}/${lib} SYMBOLIC)
  endif()
endforeach()

add_library(pg_json INTERFACE)
target_include_directories(pg_json SYSTEM INTERFACE ${PG_STAGED_INCLUDE})
add_library(pg_doctest INTERFACE)
target_include_directories(pg_doctest SYSTEM INTERFACE ${PG_STAGED_INCLUDE})

set(PG_CACHE_DIR "$ENV{PG_CACHE_DIR}")
if(NOT PG_CACHE_DIR)
  set(PG_CACHE_DIR ${CMAKE_SOURCE_DIR}/.deps)
endif()

# zlib: Debian's libz natively; under Emscripten the core files of Debian's zlib source package.
add_library(pg_zlib INTERFACE)
if(EMSCRIPTEN)
  set(PG_ZLIB_SRC ${PG_CACHE_DIR}/src/zlib)
  if(NOT EXISTS ${PG_ZLIB_SRC}/deflate.c)
    message(FATAL_ERROR "${PG_ZLIB_SRC} is missing: run scripts/bootstrap.sh")
  endif()
  set(PG_ZLIB_FILES adler32 compress crc32 deflate inflate inffast inftrees trees zutil uncompr)
  list(TRANSFORM PG_ZLIB_FILES PREPEND ${PG_ZLIB_SRC}/)
  list(TRANSFORM PG_ZLIB_FILES APPEND .c)
  add_library(pg_zlib_wasm STATIC ${PG_ZLIB_FILES})
  target_include_directories(pg_zlib_wasm SYSTEM PUBLIC ${PG_ZLIB_SRC})
  target_link_libraries(pg_zlib INTERFACE pg_zlib_wasm)
else()
  find_package(ZLIB REQUIRED)
  target_link_libraries(pg_zlib INTERFACE ZLIB::ZLIB)
endif()

if(EMSCRIPTEN)
  # Catchable C++ exceptions (nlohmann::json and yaml-cpp throw); Chromium and Node 20 run wasm exceptions. Set
  # before yaml-cpp's target: a library built without it aborts on its first throw (a bad template).
  add_compile_options(-fwasm-exceptions)
  add_link_options(-fwasm-exceptions)
endif()

# yaml-cpp (templates in src/import): Debian's libyaml-cpp natively; under Emscripten built from Debian's
# yaml-cpp source package (fetched by scripts/bootstrap.sh, version pinned in emsdk.lock).
add_library(pg_yaml INTERFACE)
if(EMSCRIPTEN)
  set(PG_YAML_SRC ${PG_CACHE_DIR}/src/yaml-cpp)
  if(NOT EXISTS ${PG_YAML_SRC}/src/parse.cpp)
    message(FATAL_ERROR "${PG_YAML_SRC} is missing: run scripts/bootstrap.sh")
  endif()
  file(GLOB PG_YAML_FILES ${PG_YAML_SRC}/src/*.cpp ${PG_YAML_SRC}/src/contrib/*.cpp)
  add_library(pg_yaml_wasm STATIC ${PG_YAML_FILES})
  target_include_directories(pg_yaml_wasm SYSTEM PUBLIC ${PG_YAML_SRC}/include PRIVATE ${PG_YAML_SRC}/src)
  target_compile_definitions(pg_yaml_wasm PUBLIC YAML_CPP_STATIC_DEFINE)
  target_link_libraries(pg_yaml INTERFACE pg_yaml_wasm)
else()
  find_package(yaml-cpp REQUIRED)
  target_link_libraries(pg_yaml INTERFACE yaml-cpp)
endif()

