// prefetchForWrite: asks for every cache line of `n` objects at `p` at once, before a loop that reads and
// writes them, so their misses overlap instead of coming one by one. A hint only (nothing on wasm).
#pragma once
#include <cstddef>

namespace pg::sim {

template <typename T>
inline void prefetchForWrite(const T* p, std::size_t n) {
    if (n == 0) return;
    const char* first = reinterpret_cast<const char*>(p);
    const char* last = first + n * sizeof(T) - 1;
    for (const char* line = first; line < last; line += 64) __builtin_prefetch(line, 1);
    __builtin_prefetch(last, 1);
}

}  // namespace pg::sim
