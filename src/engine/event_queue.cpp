// Binary heap with an explicit (time, seq) order; sift loops written out to avoid comparator objects.
#include "event_queue.hpp"

namespace pg::sim {

std::uint64_t EventQueue::push(SimTime time, std::uint16_t handler, std::uint16_t kind, std::uint32_t a,
                               std::uint32_t b) {
    Event e;
    e.time = time;
    e.seq = m_nextSeq++;
    e.a = a;
    e.b = b;
    e.handler = handler;
    e.kind = kind;
    std::size_t i = m_heap.size();
    m_heap.push_back(e);
    while (i > 0) {
        const std::size_t parent = (i - 1) / 2;
        if (!before(e, m_heap[parent])) break;
        m_heap[i] = m_heap[parent];
        i = parent;
    }
    m_heap[i] = e;
    return e.seq;
}

Event EventQueue::pop() {
    const Event result = m_heap.front();
    const Event last = m_heap.back();
    m_heap.pop_back();
    const std::size_t n = m_heap.size();
    if (n > 0) {
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
    return result;
}

void EventQueue::clear() {
    m_heap.clear();
    m_nextSeq = 0;
}

}  // namespace pg::sim
