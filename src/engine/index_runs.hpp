// IndexRuns: a FIFO of uint32 indices stored as runs of consecutive values. A queue filled by a burst of a
// million messages (indices m, m+1, ...) holds one run instead of a million entries; anything else costs one
// run (8 bytes) per index, like the deque it replaces.
#pragma once
#include <cstdint>
#include <deque>

namespace pg::sim {

class IndexRuns {
public:
    bool empty() const { return m_tail.count == 0; }
    std::uint32_t front() const { return head().first; }
    std::uint32_t back() const { return m_tail.first + m_tail.count - 1; }
    void push_back(std::uint32_t index) { push_back(index, 1); }
    /// Appends index, index + 1, ..., index + count - 1.
    void push_back(std::uint32_t index, std::uint32_t count) {
        if (count == 0) return;
        if (m_tail.count > 0 && m_tail.first + m_tail.count == index) {
            m_tail.count += count;
            return;
        }
        if (m_tail.count > 0) m_runs.push_back(m_tail);
        m_tail = Run{index, count};
    }
    /// How many consecutive indices front(), front() + 1, ... the first run holds.
    std::uint32_t frontCount() const { return head().count; }
    /// Pops the first n indices (n <= frontCount()).
    void pop_front(std::uint32_t n) {
        if (m_runs.empty()) {
            m_tail.first += n;
            m_tail.count -= n;
            return;
        }
        Run& r = m_runs.front();
        if ((r.count -= n) == 0) m_runs.pop_front();
        else r.first += n;
    }
    void pop_front() { pop_front(1); }
    void clear() {
        m_runs.clear();
        m_tail = Run{};
    }

private:
    struct Run {
        std::uint32_t first = 0, count = 0;
    };
    const Run& head() const { return m_runs.empty() ? m_tail : m_runs.front(); }
    // The last run lives outside the deque (count 0: no runs at all), so appending, the common case, reads and
    // extends it without the deque's iterator arithmetic; m_runs holds the runs before it, oldest first.
    std::deque<Run> m_runs;
    Run m_tail;
};

}  // namespace pg::sim
