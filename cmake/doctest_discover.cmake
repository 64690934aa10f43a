# Debian's doctest-dev ships the doctest_discover_tests module here.
list(APPEND CMAKE_MODULE_PATH /usr/lib/cmake/doctest)
include(doctest)
