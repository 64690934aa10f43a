// The scheduler: events in total order (time, sequence). Equal times pop in scheduling order, so runs never
// depend on container internals. No std::function, no per-event heap allocation.
//
// Most events come in monotone streams (arrivals, invocation ends of a fixed duration, retries and visibility
// timers at a fixed delay): each is appended to a FIFO lane whose tail is not later than it; only events that
// fit no lane go to a binary min-heap. pop() takes the least (time, seq) among the lane heads and the heap top,
// so the order is exactly that of a single heap.
#pragma once
#include <cstdint>
#include <climits>
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
    EventQueue() { clear(); }
    std::uint64_t push(SimTime time, std::uint16_t handler, std::uint16_t kind, std::uint32_t a = 0,
                       std::uint32_t b = 0);
    bool empty() const { return m_size == 0; }
    std::size_t size() const { return m_size; }
    const Event& top() const { return m_min < 0 ? m_heap.front() : m_lanes[m_min].front(); }  ///< !empty()
    Event pop();                                                                             ///< !empty()
    void clear();
    std::uint64_t nextSeq() const { return m_nextSeq; }
    /// Bytes held by pending events (lanes and heap), for benchmarks.
    std::size_t memoryBytes() const;

private:
    static bool before(const Event& x, const Event& y) {
        return x.time < y.time || (x.time == y.time && x.seq < y.seq);
    }
    /// A FIFO of events in increasing (time, seq): a vector read from `head` (compacted when half is read).
    struct Lane {
        std::vector<Event> events;
        std::size_t head = 0;
        bool empty() const { return head == events.size(); }
        const Event& front() const { return events[head]; }
        const Event& back() const { return events.back(); }
    };
    static constexpr int kLanes = 8;
    void heapPush(const Event& e);
    void heapPop();
    void findMin();

    Lane m_lanes[kLanes];
    // Hot copies for the scans in push() and findMin(): contiguous, no pointer chasing.
    SimTime m_tailTime[kLanes];  ///< time of each lane's last event; kEmptyLane when the lane is empty
    SimTime m_headTime[kLanes];  ///< time of each lane's first event; kEmptyLane when empty
    std::uint64_t m_headSeq[kLanes];  ///< seq of each lane's first event (read only when its lane is not empty)
    static constexpr SimTime kEmptyLane = INT64_MIN;
    unsigned m_occupied = 0;     ///< bit i: lane i holds events (push and findMin scan only these)
    std::vector<Event> m_heap;
    std::size_t m_size = 0;
    int m_min = -1;  // where the least event is: a lane index, or -1 for the heap top (or empty)
    std::uint64_t m_nextSeq = 0;
};

}  // namespace pg::sim
