// PG_FORCE_INLINE: for a hot loop body the compiler would otherwise call (a lambda shared by a loop over
// pointers and a loop over lookups is called from two places, so GCC keeps it out of line). GCC and Clang
// (Emscripten's compiler) both honour the attribute.
#pragma once
#define PG_FORCE_INLINE __attribute__((always_inline))
