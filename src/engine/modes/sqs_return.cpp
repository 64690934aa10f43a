// SqsMapping, continued: a batch back to its queue when its invocation failed or its visibility timeout
// passed (FIDELITY 6.2: the messages become visible again and are received again).
#include "../engine.hpp"
#include "../force_inline.hpp"
#include "../prefetch.hpp"
#include "sqs_batch_walk.hpp"
#include "sqs_mapping.hpp"

namespace pg::sim {

void SqsMapping::returnBatch(std::uint32_t b) {
    const std::uint32_t qi = m_batches[b].queue;
    SqsQueue& q = m_queues[qi];
    NodeCounters& c = m_context.mutableCounters(q.node);
    const SqsMessageList& messages = m_batches[b].messages;  // untouched until freeBatch below
    const std::size_t n = messages.size();
    if (q.fifo) {
        // FIFO: back to the front of their groups in their original order (iterate backwards, push_front).
        for (std::size_t k = 0; k < n; ++k) {
            const std::uint32_t m = messages[n - 1 - k];
            SqsMessage& msg = m_messages[m];
            if (msg.state != SqsMessageState::InFlight || msg.batch != b) continue;  // deleted or expired
            --q.inFlightCount;
            --c.inFlight;
            if (msg.group != kNone) --q.groups[msg.group].inFlight;
            m_context.record(TraceKind::ReturnedVisible, msg.item, q.node, clamp16(msg.receiveCount));
            makeVisible(msg, m, true);
        }
        freeBatch(b);
        return;
    }
    // Standard: what makeVisible does per message (an in-flight message is never a passive copy), with the
    // visible pool appended run by run (a batch received from one run goes back as one).
    const bool tracing = m_context.tracing();
    if (!tracing && m_batches[b].keptWhole && m_batches[b].oneRun && returnWholeRun(q, c, b)) return;
    std::uint32_t runFirst = 0, runCount = 0, returned = 0;
    forEachInBatch(b, [&](SqsMessage& msg, std::size_t k, Item* atHand) PG_FORCE_INLINE {
        if (msg.state != SqsMessageState::InFlight || msg.batch != b) return;  // deleted or expired
        if (tracing) m_context.record(TraceKind::ReturnedVisible, msg.item, q.node, clamp16(msg.receiveCount));
        msg.state = SqsMessageState::Visible;
        msg.batch = kNone;
        m_context.setItemState(atHand ? *atHand : m_context.item(msg.item), ItemState::Visible);
        ++returned;
        const std::uint32_t m = messages[k];
        if (runCount > 0 && runFirst + runCount == m) {
            ++runCount;
            return;
        }
        q.visible.push_back(runFirst, runCount);  // nothing when runCount is 0
        runFirst = m;
        runCount = 1;
    });
    q.visible.push_back(runFirst, runCount);
    q.inFlightCount -= returned;
    c.inFlight -= returned;
    q.visibleCount += returned;
    c.visible += returned;
    if (returned > 0 && q.window > 0 && q.windowStart < 0) q.windowStart = m_context.now();
    freeBatch(b);
}

bool SqsMapping::returnWholeRun(SqsQueue& q, NodeCounters& c, std::uint32_t b) {
    // A batch received from one run whose every message is still in flight in it (a failed batch, the usual
    // return): what returnBatch's loop does, one loop per store and the run appended once; false (nothing
    // done) otherwise.
    const SqsBatch& batch = m_batches[b];
    const std::size_t n = batch.messages.size();
    SqsMessage* msgs = m_messages.span(batch.messages[0], n);  // oneRun: the caller asked
    Item* items = msgs ? m_context.itemSpan(batch.firstItem, static_cast<std::uint32_t>(n)) : nullptr;
    if (!items) return false;
    prefetchForWrite(msgs, n);  // last touched a visibility timeout ago (see forEachInBatch)
    prefetchForWrite(items, n);
    for (std::size_t k = 0; k < n; ++k)
        if (msgs[k].state != SqsMessageState::InFlight || msgs[k].batch != b) return false;
    for (std::size_t k = 0; k < n; ++k) {
        msgs[k].state = SqsMessageState::Visible;
        msgs[k].batch = kNone;
    }
    for (std::size_t k = 0; k < n; ++k) m_context.setItemState(items[k], ItemState::Visible);
    const auto returned = static_cast<std::uint32_t>(n);
    q.visible.push_back(batch.messages[0], returned);
    q.inFlightCount -= returned;
    c.inFlight -= returned;
    q.visibleCount += returned;
    c.visible += returned;
    if (q.window > 0 && q.windowStart < 0) q.windowStart = m_context.now();
    freeBatch(b);
    return true;
}

}  // namespace pg::sim
