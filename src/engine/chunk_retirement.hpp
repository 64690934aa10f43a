// ChunkRetirement: counts the finished ("retired") elements of each chunk of a ChunkedVector and shrinks a
// full chunk once few of its elements are still needed: at most half of what it holds -> compacted to the
// live ones, none -> released. Used when a run lets finished items and messages go (EngineOptions::
// keepFinishedItems off). The owner marks an element retired in the element itself (read by `live`) first.
// Halving steps bound the copying (each element is copied at most about twice in all) while a chunk never
// holds more than twice its live elements (long-lived stragglers: a tenth of sqs_poison's messages loop).
#pragma once
#include <cstdint>
#include <vector>

#include "chunked_vector.hpp"
#include "force_inline.hpp"

namespace pg::sim {

class ChunkRetirement {
public:
    void clear() {
        m_retired.clear();
        m_held.clear();
    }
    /// Element `i` of `store` finished for good. `live(v)`: still needed; `dropped(i, v)` is called for each
    /// element a compaction frees; `released(c)` once chunk c holds nothing. References into the store may
    /// move (a compaction copies the live elements): the caller must not hold any across this call.
    template <typename T, typename Live, typename Dropped, typename Released>
    void retire(ChunkedVector<T>& store, std::size_t i, Live live, Dropped dropped, Released released) {
        if (countRetired<T>(i, store.size())) shrink(store, i >> ChunkedVector<T>::kShift, live, dropped, released);
    }
    /// retire() in two steps, for an owner that retires often and wants the common case inline: counts
    /// element `i` of a store of `storeSize` elements retired; true if its chunk must be shrunk now (it is
    /// full and at most half of what it holds is live), then call shrink().
    template <typename T>
    PG_FORCE_INLINE bool countRetired(std::size_t i, std::size_t storeSize) {
        constexpr std::size_t kShift = ChunkedVector<T>::kShift;
        const std::size_t c = i >> kShift;
        if (m_retired.size() <= c) grow(c, ChunkedVector<T>::kChunk);
        const std::size_t retired = ++m_retired[c];
        if (((c + 1) << kShift) > storeSize) return false;  // still filling: judged later
        const std::size_t stillLive = ChunkedVector<T>::kChunk - retired;
        return stillLive == 0 || stillLive * 2 <= m_held[c];
    }
    /// Compacts chunk `c` of `store` to its live elements (retire()'s arguments), or releases it if none is.
    template <typename T, typename Live, typename Dropped, typename Released>
    void shrink(ChunkedVector<T>& store, std::size_t c, Live live, Dropped dropped, Released released) {
        const std::size_t stillLive = ChunkedVector<T>::kChunk - m_retired[c];
        store.compactChunk(c, [&](std::size_t k, const T& v) {
            if (live(v)) return true;
            dropped(k, v);
            return false;
        });
        m_held[c] = static_cast<std::uint16_t>(stillLive);
        if (stillLive == 0) released(c);
    }

private:
    __attribute__((noinline)) void grow(std::size_t c, std::size_t chunk) {
        m_retired.resize(c + 1, 0);
        m_held.resize(c + 1, static_cast<std::uint16_t>(chunk));
    }
    std::vector<std::uint16_t> m_retired;  // per chunk: elements retired
    std::vector<std::uint16_t> m_held;     // per chunk: elements the store still holds (kChunk until compacted)
};

}  // namespace pg::sim
