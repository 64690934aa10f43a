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
#include <cstddef>
#include <memory>
#include <new>
#include <vector>

#include "force_inline.hpp"
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

/// Writes an event's fields where it is kept, one by one: an Event built on the stack and copied had its narrow
/// fields read back as one wide load before their stores landed (a store-forwarding stall), and on wasm it lives
/// on the linear-memory stack.
PG_FORCE_INLINE inline void fillEvent(Event& e, SimTime time, std::uint64_t seq, std::uint32_t a, std::uint32_t b,
                                      std::uint16_t handler, std::uint16_t kind) {
    e.time = time;
    e.seq = seq;
    e.a = a;
    e.b = b;
    e.handler = handler;
    e.kind = kind;
}

class EventQueue {
public:
    /// Schedules an event; returns its sequence number (unique, increasing).
    EventQueue() { clear(); }
    std::uint64_t push(SimTime time, std::uint16_t handler, std::uint16_t kind, std::uint32_t a = 0,
                       std::uint32_t b = 0);
    /// push() inlined: for the engine's two most frequent schedules (invocation ends, arrivals), where the
    /// call and its saved registers were a fifth of the push.
    PG_FORCE_INLINE std::uint64_t pushInline(SimTime time, std::uint16_t handler, std::uint16_t kind,
                                             std::uint32_t a = 0, std::uint32_t b = 0) {
        const std::uint64_t seq = m_nextSeq++;
        // Best fit: the lane with the latest tail not after `time` (seq only grows, so equal times keep order);
        // else an empty lane; else the heap. Best fit keeps interleaved monotone streams (retries at 60 s and at
        // 120 s) in lanes of their own. Lanes only speed the queue up: pop order is (time, seq) wherever an event is.
        int best = -1;
        SimTime bestTail = kEmptyLane;
        for (unsigned lanes = m_occupied; lanes != 0; lanes &= lanes - 1) {  // lowest index first, as ever
            const int i = __builtin_ctz(lanes);
            const SimTime tail = m_tailTime[i];
            if (tail <= time && (best < 0 || tail > bestTail)) {
                best = i;
                bestTail = tail;
            }
        }
        if (best < 0 && m_occupied != (1u << kLanes) - 1) best = __builtin_ctz(~m_occupied);  // the first empty lane
        if (best >= 0) {
            Lane& lane = m_lanes[best];
            if (lane.empty()) {
                lane.head = 0;
                m_headTime[best] = time;
                m_headSeq[best] = seq;
                m_occupied |= 1u << best;
            }
            fillEvent(lane.pushSlot(), time, seq, a, b, handler, kind);
            m_tailTime[best] = time;
        } else {
            heapPush(time, seq, a, b, handler, kind);  // by value: an Event here would live on wasm's shadow stack
        }
        // Its seq is the largest yet, so the new event is the least only if its time is earlier than every other
        // (then it is alone in its lane: a lane's head is not later than its tail).
        if (m_size++ == 0 || time < m_minTime) {
            m_min = best;
            m_minTime = time;
        }
        return seq;
    }
    bool empty() const { return m_size == 0; }
    std::size_t size() const { return m_size; }
    const Event& top() const { return m_min < 0 ? m_heap.front() : m_lanes[m_min].front(); }  ///< !empty()
    /// top().time without reading the event (!empty()): the loop asks before every step.
    SimTime topTime() const { return m_minTime; }
    /// Removes the least event (!empty()) and returns where it is still kept: valid until the next push or pop,
    /// so the caller reads its fields first. Inline and by reference: the engine's step reads the fields it
    /// needs, and no Event goes through memory (an Event returned by value lives on wasm's shadow stack).
    PG_FORCE_INLINE const Event& popRef() {
        const Event* result;
        if (m_min < 0) {
            m_popped = m_heap.front();  // heapPop() moves the last event into the front slot
            heapPop();
            result = &m_popped;
        } else {
            const int i = m_min;
            Lane& lane = m_lanes[i];
            result = &lane.ring.get()[lane.head];  // not overwritten before a push
            if (--lane.count == 0) {
                lane.head = 0;
                m_headTime[i] = m_tailTime[i] = kEmptyLane;
                m_occupied &= ~(1u << i);
            } else {
                lane.head = (lane.head + 1) & lane.mask;
                const Event& next = lane.front();
                m_headTime[i] = next.time;
                m_headSeq[i] = next.seq;
            }
        }
        --m_size;
        findMin();
        return *result;
    }
    /// popRef() by value.
    Event pop() { return popRef(); }
    void clear();
    std::uint64_t nextSeq() const { return m_nextSeq; }
    /// Bytes held by pending events (lanes and heap), for benchmarks.
    std::size_t memoryBytes() const;

private:
    static bool before(const Event& x, const Event& y) {
        return x.time < y.time || (x.time == y.time && x.seq < y.seq);
    }
    /// A FIFO of events in increasing (time, seq): a ring of a power-of-two size, doubled when full. A vector
    /// read from its head and compacted when half was read held up to four times the pending events, and every
    /// page of it is memory a cold run touches for the first time (async_retry_200k: 4.5 MB for 42k events).
    struct Lane {
        struct Free {
            void operator()(Event* p) const { ::operator delete(static_cast<void*>(p)); }
        };
        std::unique_ptr<Event, Free> ring;  // not value-initialised: a slot is written before it is read
        std::size_t mask = 0;               // capacity - 1 (capacity 0: no ring yet)
        std::size_t head = 0;               // slot of the first event
        std::size_t count = 0;
        bool empty() const { return count == 0; }
        const Event& front() const { return ring.get()[head]; }
        Event& pushSlot() {
            if (!ring || count == mask + 1) grow();
            return ring.get()[(head + count++) & mask];
        }
        void grow();
        std::size_t capacity() const { return ring ? mask + 1 : 0; }
    };
    static constexpr int kLanes = 8;
    void heapPush(SimTime time, std::uint64_t seq, std::uint32_t a, std::uint32_t b, std::uint16_t handler,
                  std::uint16_t kind);
    void heapPop();
    /// Finds where the least event is, from the (time, seq) copies of the lane heads: no lane is read (ties are
    /// common: batches started together end together). Inline: it runs after every pop.
    PG_FORCE_INLINE void findMin() {
        SimTime bestTime = INT64_MAX;
        std::uint64_t bestSeq = UINT64_MAX;
        if (!m_heap.empty()) {
            bestTime = m_heap.front().time;
            bestSeq = m_heap.front().seq;
        }
        int best = -1;
        for (unsigned lanes = m_occupied; lanes != 0; lanes &= lanes - 1) {
            const int i = __builtin_ctz(lanes);
            const SimTime t = m_headTime[i];
            if (t > bestTime) continue;
            if (t < bestTime || m_headSeq[i] < bestSeq) {
                bestTime = t;
                bestSeq = m_headSeq[i];
                best = i;
            }
        }
        m_min = best;
        m_minTime = bestTime;
    }

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
    SimTime m_minTime = INT64_MAX;  // its time (INT64_MAX when empty)
    std::uint64_t m_nextSeq = 0;
    Event m_popped;  ///< a popped heap event, where popRef() returns it
};

}  // namespace pg::sim
