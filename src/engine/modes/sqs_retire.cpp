// SqsMapping, continued: letting finished messages go when the run keeps no finished items
// (EngineOptions::keepFinishedItems off). A message is retired once it is Gone and no batch lists it; its item
// is retired with it once Done (a redriven message's item lives on in the DLQ's consumer). Lists that may
// still name a retired message (visible pool, FIFO groups, retention order) ask gone(), which never reads a
// dropped message.
#include "../engine.hpp"
#include "sqs_mapping.hpp"

namespace pg::sim {

void SqsMapping::retireMessage(std::uint32_t message) {
    if (!m_retiring) return;
    SqsMessage& m = m_messages[message];
    if (m.retired) return;
    m.retired = true;
    const std::uint32_t item = m.item;
    // Only the item's own message speaks for it (a DLQ copy does not); references into m_messages end here.
    if (!m.copy && m_context.items()[item].state == ItemState::Done) m_context.retireItem(item);
    m_messageRetirement.retire(
        m_messages, message, [](const SqsMessage& v) { return !v.retired; }, [](std::size_t, const SqsMessage&) {},
        [](std::size_t) {});
}

void SqsMapping::retireGoneOf(std::uint32_t b) {
    if (!m_retiring) return;
    for (std::uint32_t m : m_batches[b].messages) {
        SqsMessage& msg = m_messages[m];
        if (msg.state != SqsMessageState::Gone || msg.batch != b) continue;
        msg.batch = kNone;  // let go exactly once
        retireMessage(m);
    }
}

void SqsMapping::dropGoneExpiries(SqsQueue& q) {
    for (;;) {
        if (!q.expiryFifo.empty() && gone(q.expiryFifo.front())) {
            q.expiryFifo.pop_front();
        } else if (!q.expiry.empty() && gone(q.expiry.top().second)) {
            q.expiry.pop();
        } else {
            return;
        }
    }
}

void SqsMapping::onItemChunkReleased(std::size_t chunk) {
    // Every item of the chunk is gone for good: so is its message link (when the link array covers it whole).
    if (((chunk + 1) << ChunkedVector<std::uint32_t>::kShift) <= m_messageOfItem.size() &&
        !m_messageOfItem.compacted(chunk))
        m_messageOfItem.releaseChunk(chunk);
}

}  // namespace pg::sim
