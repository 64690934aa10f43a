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
        constexpr std::size_t kChunk = ChunkedVector<T>::kChunk;
        const std::size_t c = i >> ChunkedVector<T>::kShift;
        if (m_retired.size() <= c) {
            m_retired.resize(c + 1, 0);
            m_held.resize(c + 1, static_cast<std::uint16_t>(kChunk));
        }
        ++m_retired[c];
        if (((c + 1) << ChunkedVector<T>::kShift) > store.size()) return;  // still filling: judged later
        const std::size_t stillLive = kChunk - m_retired[c];
        if (stillLive != 0 && stillLive * 2 > m_held[c]) return;
        store.compactChunk(c, [&](std::size_t k, const T& v) {
            if (live(v)) return true;
            dropped(k, v);
            return false;
        });
        m_held[c] = static_cast<std::uint16_t>(stillLive);
        if (stillLive == 0) released(c);
    }

private:
    std::vector<std::uint16_t> m_retired;  // per chunk: elements retired
    std::vector<std::uint16_t> m_held;     // per chunk: elements the store still holds (kChunk until compacted)
};

}  // namespace pg::sim
