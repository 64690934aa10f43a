// SqsMapping, continued: retention's end (FIDELITY 6.2, 8.1; model choice sqs_retention_in_flight). Messages
// expire in order of enqueue time + retention, read from the queue's retention FIFO and heap (sqs_queue.hpp);
// one timer per queue stands at the earliest.
#include <algorithm>

#include "../engine.hpp"
#include "sqs_mapping.hpp"

namespace pg::sim {

ExpiryEntry SqsMapping::expiryTop(const SqsQueue& q) const {
    if (q.expiryFifo.empty()) return q.expiry.top();
    const std::uint32_t m = q.expiryFifo.front();
    const ExpiryEntry fifo{m_messages[m].enqueuedAt + q.retention, m};
    return q.expiry.empty() || fifo < q.expiry.top() ? fifo : q.expiry.top();
}

void SqsMapping::expiryPop(SqsQueue& q) {
    if (q.expiryFifo.empty()) {
        q.expiry.pop();
        return;
    }
    const std::uint32_t m = q.expiryFifo.front();
    const ExpiryEntry fifo{m_messages[m].enqueuedAt + q.retention, m};
    if (q.expiry.empty() || fifo < q.expiry.top()) q.expiryFifo.pop_front();
    else q.expiry.pop();
}

void SqsMapping::armExpiry(SqsQueue& q, std::uint32_t qi) {
    dropGoneExpiries(q);
    if (expiryEmpty(q)) return;
    const SimTime at = expiryTop(q).first;
    if (at >= q.expiryAt) return;
    q.expiryAt = at;
    q.expiryTimer = m_context.schedule(std::max(at, m_context.now()), kExpiry, qi) + 1;
}

void SqsMapping::expire(std::uint32_t qi) {
    // Retention ends: SQS deletes the message whether it is visible or in flight (FIDELITY 6.2, 8.1;
    // model choice sqs_retention_in_flight). Outcome `expired`.
    SqsQueue& q = m_queues[qi];
    NodeCounters& c = m_context.mutableCounters(q.node);
    for (;;) {
        dropGoneExpiries(q);  // skipped as before; the top is then a live message
        if (expiryEmpty(q) || expiryTop(q).first > m_context.now()) break;
        const std::uint32_t message = expiryTop(q).second;
        expiryPop(q);
        SqsMessage& m = m_messages[message];
        const bool wasVisible = m.state == SqsMessageState::Visible;
        if (m.state == SqsMessageState::Visible) {
            --q.visibleCount;
            --c.visible;
        } else {
            --q.inFlightCount;
            --c.inFlight;
            releaseFromGroup(q, m);
        }
        m.state = SqsMessageState::Gone;
        ++c.expired;
        if (!m.copy) m_context.finishItem(m.item, ItemOutcome::Expired, kNone, Condition::None);
        if (wasVisible) retireMessage(message);  // in flight: its batch lets go of it (retireGoneOf)
    }
    armExpiry(q, qi);
    pump(qi);
    noteQueue(qi);
}

}  // namespace pg::sim
