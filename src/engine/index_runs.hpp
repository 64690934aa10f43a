// IndexRuns: a FIFO of uint32 indices stored as runs of consecutive values. A queue filled by a burst of a
// million messages (indices m, m+1, ...) holds one run instead of a million entries; anything else costs one
// run (8 bytes) per index, like the deque it replaces.
#pragma once
#include <cstdint>
#include <deque>

namespace pg::sim {

class IndexRuns {
public:
    bool empty() const { return m_runs.empty(); }
    std::uint32_t front() const { return m_runs.front().first; }
    std::uint32_t back() const { return m_runs.back().first + m_runs.back().count - 1; }
    void push_back(std::uint32_t index) { push_back(index, 1); }
    /// Appends index, index + 1, ..., index + count - 1.
    void push_back(std::uint32_t index, std::uint32_t count) {
        if (count == 0) return;
        if (!m_runs.empty() && m_runs.back().first + m_runs.back().count == index) m_runs.back().count += count;
        else m_runs.push_back(Run{index, count});
    }
    /// How many consecutive indices front(), front() + 1, ... the first run holds.
    std::uint32_t frontCount() const { return m_runs.front().count; }
    /// Pops the first n indices (n <= frontCount()).
    void pop_front(std::uint32_t n) {
        Run& r = m_runs.front();
        if ((r.count -= n) == 0) m_runs.pop_front();
        else r.first += n;
    }
    void pop_front() { pop_front(1); }
    void clear() { m_runs.clear(); }

private:
    struct Run {
        std::uint32_t first, count;
    };
    std::deque<Run> m_runs;
};

}  // namespace pg::sim
