// FIFO lanes plus a binary heap, with an explicit (time, seq) order; sift loops written out to avoid
// comparator objects.
#include "event_queue.hpp"

namespace pg::sim {

std::uint64_t EventQueue::push(SimTime time, std::uint16_t handler, std::uint16_t kind, std::uint32_t a,
                               std::uint32_t b) {
    return pushInline(time, handler, kind, a, b);
}

void EventQueue::Lane::grow() {
    const std::size_t capacity = ring ? 2 * (mask + 1) : 64;
    std::unique_ptr<Event, Free> bigger(static_cast<Event*>(::operator new(capacity * sizeof(Event))));
    for (std::size_t i = 0; i < count; ++i) bigger.get()[i] = ring.get()[(head + i) & mask];  // in FIFO order
    ring = std::move(bigger);
    mask = capacity - 1;
    head = 0;
}

void EventQueue::heapPush(SimTime time, std::uint64_t seq, std::uint32_t a, std::uint32_t b, std::uint16_t handler,
                          std::uint16_t kind) {
    Event e;
    fillEvent(e, time, seq, a, b, handler, kind);
    std::size_t i = m_heap.size();
    m_heap.push_back(e);
    while (i > 0) {
        const std::size_t parent = (i - 1) / 2;
        if (!before(e, m_heap[parent])) break;
        m_heap[i] = m_heap[parent];
        i = parent;
    }
    m_heap[i] = e;
}

void EventQueue::heapPop() {
    const Event last = m_heap.back();
    m_heap.pop_back();
    const std::size_t n = m_heap.size();
    if (n == 0) return;
    std::size_t i = 0;
    for (;;) {
        std::size_t child = 2 * i + 1;
        if (child >= n) break;
        if (child + 1 < n && before(m_heap[child + 1], m_heap[child])) ++child;
        if (!before(m_heap[child], last)) break;
        m_heap[i] = m_heap[child];
        i = child;
    }
    m_heap[i] = last;
}

void EventQueue::clear() {
    for (int i = 0; i < kLanes; ++i) {
        m_lanes[i].head = 0;
        m_lanes[i].count = 0;
        m_headTime[i] = m_tailTime[i] = kEmptyLane;
        m_headSeq[i] = 0;
    }
    m_occupied = 0;
    m_heap.clear();
    m_size = 0;
    m_min = -1;
    m_minTime = INT64_MAX;
    m_nextSeq = 0;
}

std::size_t EventQueue::memoryBytes() const {
    std::size_t bytes = m_heap.capacity() * sizeof(Event);
    for (const Lane& lane : m_lanes) bytes += lane.capacity() * sizeof(Event);
    return bytes;
}

}  // namespace pg::sim
