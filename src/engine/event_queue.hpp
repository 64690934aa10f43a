// The scheduler: a binary min-heap of small fixed-size events in total order (time, sequence). Equal times
// pop in scheduling order, so runs never depend on heap internals. No std::function, no per-event heap.
#pragma once
#include <cstdint>
#include <vector>

#include "sim_time.hpp"

namespace pg::sim {

/// One scheduled event. `handler` picks the owner (the engine core or a mode), `kind` its event type,
/// `a`/`b` its arguments (item, node, function, environment indices...).
struct Event {
    SimTime time = 0;
    std::uint64_t seq = 0;
    std::uint32_t a = 0;
    std::uint32_t b = 0;
    std::uint16_t handler = 0;
    std::uint16_t kind = 0;
};

class EventQueue {
public:
    /// Schedules an event; returns its sequence number (unique, increasing).
    std::uint64_t push(SimTime time, std::uint16_t handler, std::uint16_t kind, std::uint32_t a = 0,
                       std::uint32_t b = 0);
    bool empty() const { return m_heap.empty(); }
    std::size_t size() const { return m_heap.size(); }
    const Event& top() const { return m_heap.front(); }  ///< precondition: !empty()
    Event pop();                                         ///< precondition: !empty()
    void clear();
    std::uint64_t nextSeq() const { return m_nextSeq; }

private:
    static bool before(const Event& x, const Event& y) {
        return x.time < y.time || (x.time == y.time && x.seq < y.seq);
    }
    std::vector<Event> m_heap;
    std::uint64_t m_nextSeq = 0;
};

}  // namespace pg::sim
