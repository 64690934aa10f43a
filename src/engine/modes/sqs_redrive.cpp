// SqsMapping, continued: a run of messages past max_receive_count moved to the DLQ on that receive in one piece
// (FIDELITY 6.2 SQS-DLQ). The same records, counters, trace records, items and DLQ copies, in the same order, as
// moveToDlq once per message (sqs_receive.cpp), which still handles every other case.
#include <algorithm>

#include "../engine.hpp"
#include "sqs_mapping.hpp"

namespace pg::sim {

std::uint32_t SqsMapping::moveRunToDlq(SqsQueue& q, std::uint32_t first, std::uint32_t count) {
    // Only where moveToDlq's deliver would reach nothing but addRedrivenCopy: a DLQ no function consumes (no
    // new items or batches on the way), not the queue itself (its counts would interleave), metrics off (the
    // caller's case: onDelivered notes none). In pieces that fit one chunk of each store they touch.
    if (q.dlq == kNone) return 0;
    SqsQueue& dlq = m_queues[q.dlq];
    if (dlq.function != kNone || &dlq == &q) return 0;
    constexpr std::uint32_t kMask = ChunkedVector<SqsMessage>::kChunk - 1;
    std::uint32_t moved = 0;
    while (moved < count) {
        const std::uint32_t at = first + moved;
        std::size_t piece = std::min<std::size_t>(count - moved, kMask + 1 - (at & kMask));
        piece = std::min({piece, m_context.deliveryRoom(), m_messages.room()});
        const SqsMessage* msgs = m_messages.span(at, piece);
        if (!msgs) break;
        std::uint32_t n = 0;
        while (n < piece && msgs[n].state == SqsMessageState::Visible && msgs[n].receiveCount >= q.maxReceiveCount) ++n;
        if (n > 0) moveSpanToDlq(q, dlq, at, n);
        moved += n;
        if (n < piece) break;
    }
    return moved;
}

void SqsMapping::moveSpanToDlq(SqsQueue& q, SqsQueue& dlq, std::uint32_t first, std::uint32_t n) {
    // Per message, as moveToDlq and deliver: its record to the DLQ (Delivered), then its item's end there
    // (Finished); the trace interleaves them the same way. The copies follow in message order (addRedrivenRun).
    SqsMessage* msgs = m_messages.span(first, n);
    DeliveredRecord* records = m_context.reserveDeliveries(n);
    const std::uint32_t dlqNode = dlq.node;
    const bool oneMapping = q.others.empty();
    for (std::uint32_t k = 0; k < n; ++k) {
        SqsMessage& m = msgs[k];
        m.state = SqsMessageState::Gone;
        const std::uint32_t item = m.item;
        Item& it = m_context.item(item);
        // Several mappings: the function of the last that received it.
        m_context.deadLetterToQueue(records[k], dlqNode, item, it, oneMapping ? q.function : it.function);
        m_context.finishItem(item, it, ItemOutcome::DeadLettered, dlqNode, Condition::None);
    }
    m_context.countDelivered(dlqNode, n);
    q.visibleCount -= n;
    NodeCounters& c = m_context.mutableCounters(q.node);
    c.visible -= n;
    c.deadLettered += n;
    addRedrivenRun(q.dlq, msgs, n);
    // Received into no batch: let go now. After the loop: a retired message may move the chunk `msgs` lies in.
    if (m_retiring)
        for (std::uint32_t k = 0; k < n; ++k) retireMessage(first + k);
}

}  // namespace pg::sim
