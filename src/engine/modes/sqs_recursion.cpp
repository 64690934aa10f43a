// SqsMapping, continued: Lambda's recursive loop detection on an SQS event source mapping, and records or
// messages delivered to a queue that a function consumes (a DLQ or destination queue wired to a function).
// Model choices: recursion_sqs_stop, sqs_dlq_messages, chain_metadata.
#include <algorithm>

#include "../engine.hpp"
#include "sqs_mapping.hpp"

namespace pg::sim {

bool SqsMapping::stopRecursive(std::uint32_t b) {
    // AWS DG invocation-recursion: Lambda stops the invocation of a message whose chain reached the limit and
    // returns RecursiveInvocationException to the mapping; the receive count has gone up and SQS retries the
    // message until maxReceiveCount moves it to the DLQ. Model: the stopped messages stay hidden until their
    // batch's visibility timeout, like a failed invocation; the rest of the batch is invoked without them. In a
    // FIFO queue the messages after a stopped one in its group wait with it (order within a group).
    const std::uint32_t qi = m_batches[b].queue;
    const std::uint32_t fn = consumerOf(m_queues[qi], m_batches[b].consumer).function;
    SqsMessageList held, kept;
    std::vector<std::uint32_t> stoppedGroups;
    for (std::uint32_t m : m_batches[b].messages) {
        const SqsMessage& msg = m_messages[m];
        if (msg.state == SqsMessageState::Gone) {
            kept.push_back(m);  // invoke() drops it
            continue;
        }
        const bool groupHeld = msg.group != kNone &&
                               std::find(stoppedGroups.begin(), stoppedGroups.end(), msg.group) != stoppedGroups.end();
        if (!groupHeld && !m_context.recursionStops(fn, msg.item)) {
            kept.push_back(m);
            continue;
        }
        if (!groupHeld) {
            m_context.noteRecursionStopped(fn, msg.item, clamp16(msg.receiveCount));
            if (msg.group != kNone) stoppedGroups.push_back(msg.group);
        }
        held.push_back(m);
    }
    if (held.empty()) return false;
    const bool anyLive = std::any_of(kept.begin(), kept.end(),
                                     [&](std::uint32_t m) { return m_messages[m].state != SqsMessageState::Gone; });
    if (!anyLive) {  // nothing left to invoke: the whole batch waits for its visibility timeout
        SqsBatch& batch = m_batches[b];
        if (batch.state == SqsBatchState::Hidden || batch.state == SqsBatchState::Throttled)
            --consumerOf(m_queues[qi], batch.consumer).pollersBusy;
        batch.state = SqsBatchState::Hidden;
        if (batch.visibleAt <= m_context.now()) returnBatch(b);
        return true;
    }
    const std::uint32_t hb = newBatch(qi);  // may reallocate m_batches: indices only from here
    SqsBatch& hidden = m_batches[hb];
    hidden.messages = held;
    hidden.consumer = m_batches[b].consumer;
    hidden.receivedAt = m_batches[b].receivedAt;
    hidden.visibleAt = m_batches[b].visibleAt;
    hidden.state = SqsBatchState::Hidden;
    for (std::uint32_t m : held) m_messages[m].batch = hb;
    m_context.schedule(hidden.visibleAt, kVisibility, hb, hidden.generation);
    m_batches[b].messages = kept;
    m_batches[b].oneRun = false;
    return false;
}

bool SqsMapping::deliverToConsumer(std::uint32_t qi, const DeliveredRecord& r, SimTime enqueuedAt) {
    if (r.item == kNone) return false;
    SqsQueue& q = m_queues[qi];
    if (r.kind == DeliveryKind::SqsRedrive) {
        // The same message (same id, body and chain) now lives in the DLQ, receive count from 0 there.
        m_context.item(r.item).function = q.function;
        addMessage(qi, r.item, enqueuedAt, false, 0, true);
    } else {
        // A function DLQ or destination record is a new SQS message: a new item caused by the delivery, one hop
        // further along the chain. A record about a stopped event stays passive: that loop is terminated.
        if (r.condition == Condition::RecursiveLoop) return false;
        const std::uint32_t depth = m_context.chainDepth(r.item) + 1;
        // A stream's on-failure record carries the batch metadata only, never the records' data (FIDELITY 6.3).
        const std::uint32_t number = m_context.armSpawn(q.node, r.item, depth, m_context.lastTraceOf(r.item),
                                                        r.kind == DeliveryKind::StreamBatchInfo);
        if (number == 0) return false;  // spawn limit reached: kept as a passive copy
        const std::uint32_t item = m_context.createItem(q.node, number, q.function, ItemState::Visible);
        addMessage(qi, item, enqueuedAt, false, number, true);
    }
    pump(qi);
    noteQueue(qi);
    return true;
}

}  // namespace pg::sim
