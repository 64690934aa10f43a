// SqsMapping, continued: receiving. Pollers take batches from the visible pool (standard: oldest first, run by
// run; FIFO: consecutive messages of each unlocked group), a message past max_receive_count moves to the DLQ on
// that receive (FIDELITY 6.2), and the poller count ramps up as the queue stays busy (DG-SQS-SCALING). Several
// mappings on one queue take turns (pumpCompeting, pollOnce).
//
// Index: [SECTION] polling  [SECTION] several mappings  [SECTION] receiving
#include <algorithm>
#include <limits>

#include "../engine.hpp"
#include "sqs_mapping.hpp"

namespace pg::sim {

// [SECTION] polling

std::uint32_t SqsMapping::pollerLimit(const SqsQueue& q, const SqsConsumer& c) const {
    const bool active = q.activeSince >= 0 && !idleQueue(q);
    const auto seconds = active ? static_cast<std::uint64_t>((m_context.now() - q.activeSince) / kSecond) : 0;
    std::uint64_t ramp = kSqsInitialPollers + static_cast<std::uint64_t>(kSqsPollersPerSecond) * seconds;
    if (c.provisionedMax > 0) ramp = c.provisionedMin + kSqsProvisionedPerMinute * seconds / 60;
    return static_cast<std::uint32_t>(std::min<std::uint64_t>(ramp, pollerCeiling(c)));
}

void SqsMapping::pump(std::uint32_t qi) {
    SqsQueue& q = m_queues[qi];
    if (q.function == kNone) return;
    if (!q.others.empty()) {
        pumpCompeting(qi);
        return;
    }
    // One mapping (the common case, kept apart: the hot path of every SQS workload). pollOnce does the same for
    // any mapping.
    const SimTime now = m_context.now();
    const std::uint32_t ceiling = pollerCeiling(q);
    // On demand the ramp starts at 5: a ceiling of 5 or less is the limit from the start (0: worked out).
    const std::uint32_t flatLimit = q.provisionedMax == 0 && ceiling <= kSqsInitialPollers ? ceiling : 0;
    for (;;) {
        const bool hasVisible = q.fifo ? !q.readyGroups.empty() : !q.visible.empty();
        if (!hasVisible) break;
        // Below 5 busy pollers (and the ceiling) on demand the ramp need not be worked out: it starts at 5.
        const bool belowRamp = q.provisionedMax == 0 && q.pollersBusy < kSqsInitialPollers && q.pollersBusy < ceiling;
        const std::uint32_t limit = flatLimit ? flatLimit : belowRamp ? q.pollersBusy + 1 : pollerLimit(q, q);
        if (q.pollersBusy >= limit) {
            if (limit < ceiling && q.scaleTimer == 0) {
                const SimTime next = q.activeSince + ((now - q.activeSince) / kSecond + 1) * kSecond;
                q.scaleTimer = m_context.schedule(next, kScale, qi) + 1;
            }
            break;
        }
        // Batching window (FIDELITY 6.1): wait for a full batch or the end of the window.
        if (q.window > 0 && q.windowStart >= 0 && now < q.windowStart + q.window &&
            q.visibleCount < q.batchSize) {
            if (q.windowTimer == 0)
                q.windowTimer = m_context.schedule(q.windowStart + q.window, kWindow, qi) + 1;
            break;
        }
        const std::uint32_t b = newBatch(qi);
        const bool progress = takeBatch(q, b, q.batchSize);
        if (m_batches[b].messages.empty()) {
            freeBatch(b);
            if (!progress) break;
            continue;
        }
        SqsBatch& batch = m_batches[b];
        batch.receivedAt = now;
        batch.visibleAt = now + q.visibility;
        ++q.pollersBusy;
        q.windowStart = -1;
        m_context.schedule(batch.visibleAt, kVisibility, b, batch.generation);
        invoke(b);
    }
    // Messages still visible open the next window now.
    if (q.window > 0 && q.windowStart < 0 && (q.fifo ? !q.readyGroups.empty() : !q.visible.empty()))
        q.windowStart = now;
}

// [SECTION] several mappings

void SqsMapping::pumpCompeting(std::uint32_t qi) {
    // Competing mappings (model choice sqs_competing_mappings): their pollers take one batch each in turn, in
    // edge order, the turn going on from the last poll, until none can; each opens its own batching window when
    // messages are visible.
    SqsQueue& q = m_queues[qi];
    const SimTime now = m_context.now();
    const bool hasVisible = q.fifo ? !q.readyGroups.empty() : !q.visible.empty();
    for (SqsConsumer& c : q.others)
        if (hasVisible && c.window > 0 && c.windowStart < 0) c.windowStart = now;
    const std::uint32_t n = consumerCount(q);
    for (std::uint32_t idle = 0; idle < n;) {
        const std::uint32_t k = q.nextTurn;
        q.nextTurn = static_cast<std::uint16_t>((k + 1) % n);
        idle = pollOnce(qi, consumerOf(q, k), k) ? 0 : idle + 1;
    }
    // Messages still visible open the next window now.
    const bool visibleLeft = q.fifo ? !q.readyGroups.empty() : !q.visible.empty();
    for (std::uint32_t k = 0; k < n; ++k) {
        SqsConsumer& c = consumerOf(q, k);
        if (c.window > 0 && c.windowStart < 0 && visibleLeft) c.windowStart = now;
    }
}

bool SqsMapping::pollOnce(std::uint32_t qi, SqsConsumer& c, std::uint32_t consumer) {
    SqsQueue& q = m_queues[qi];
    const SimTime now = m_context.now();
    const bool hasVisible = q.fifo ? !q.readyGroups.empty() : !q.visible.empty();
    if (!hasVisible) return false;
    const std::uint32_t limit = pollerLimit(q, c);
    if (c.pollersBusy >= limit) {
        if (limit < pollerCeiling(c) && q.scaleTimer == 0) {
            const SimTime next = q.activeSince + ((now - q.activeSince) / kSecond + 1) * kSecond;
            q.scaleTimer = m_context.schedule(next, kScale, qi) + 1;
        }
        return false;
    }
    // Batching window (FIDELITY 6.1): wait for a full batch or the end of the window.
    if (c.window > 0 && c.windowStart >= 0 && now < c.windowStart + c.window && q.visibleCount < c.batchSize) {
        if (c.windowTimer == 0) c.windowTimer = m_context.schedule(c.windowStart + c.window, kWindow, qi, consumer) + 1;
        return false;
    }
    const std::uint32_t b = newBatch(qi);
    m_batches[b].consumer = static_cast<std::uint16_t>(consumer);
    const bool progress = takeBatch(q, b, c.batchSize);
    if (m_batches[b].messages.empty()) {
        freeBatch(b);
        return progress;
    }
    SqsBatch& batch = m_batches[b];
    batch.receivedAt = now;
    batch.visibleAt = now + c.visibility;
    ++c.pollersBusy;
    c.windowStart = -1;
    m_context.schedule(batch.visibleAt, kVisibility, b, batch.generation);
    claimReceived(c, b);
    invoke(b);
    return true;
}

void SqsMapping::claimReceived(const SqsConsumer& c, std::uint32_t b) {
    // The message is processed by this mapping's function until it is deleted or returns (at-least-once: after
    // its visibility timeout another mapping may receive it; SQS visibility timeout guide).
    for (std::uint32_t m : m_batches[b].messages) m_context.item(m_messages[m].item).function = c.function;
}

// [SECTION] receiving

/// The receive count at which the next receive moves a message to the DLQ (FIDELITY 6.2 [O]/[C]): never
/// without a redrive policy.
static std::uint32_t dlqThreshold(const SqsQueue& q) {
    return q.dlq == kNone ? std::numeric_limits<std::uint32_t>::max() : q.maxReceiveCount;
}

inline std::uint16_t SqsMapping::markReceived(SqsMessage& m, std::uint32_t b, SimTime now) {
    ++m.receiveCount;
    if (m.firstReceiveAt < 0) m.firstReceiveAt = now;
    m.state = SqsMessageState::InFlight;
    m.batch = b;
    return clamp16(m.receiveCount);
}

inline void SqsMapping::countReceived(SqsQueue& q, NodeCounters& c, std::uint32_t& received) {
    q.visibleCount -= received;
    q.inFlightCount += received;
    c.visible -= received;
    c.inFlight += received;
    c.receives += received;
    received = 0;
}

bool SqsMapping::receiveWhole(SqsQueue& q, std::uint32_t first, std::uint32_t count, std::uint32_t b) {
    // The common case of a standard queue (a burst, a batch returned whole): consecutive messages of one chunk,
    // all visible, below the DLQ threshold, carrying consecutive items of one chunk. Each is received as by
    // receiveRun, through pointers instead of lookups; anything else goes message by message (receiveRun).
    // No group test: a standard queue's messages have none.
    SqsMessage* msgs = m_messages.span(first, count);
    if (!msgs) return false;
    const std::uint32_t item0 = msgs[0].item;
    // Below 65535 as well, so the receive count after this receive needs no clamp16 (a count that high goes
    // message by message, clamped).
    const std::uint32_t below = std::min<std::uint32_t>(dlqThreshold(q), 65535);
    for (std::uint32_t k = 0; k < count; ++k) {
        const SqsMessage& m = msgs[k];
        if (m.state != SqsMessageState::Visible || m.receiveCount >= below || m.item != item0 + k) return false;
    }
    Item* items = m_context.itemSpan(item0, count);
    if (!items) return false;
    const SimTime now = m_context.now();
    SqsBatch& batch = m_batches[b];
    SqsMessageList& list = batch.messages;
    const std::size_t at = list.size();
    batch.oneRun = at == 0;
    batch.firstItem = item0;
    // Through raw pointers in locals, one loop per store: the compiler need not reload what a store through
    // another path might have changed. Records come in message order, as one loop would write them.
    std::uint32_t* const listed = list.grow(count);
    std::uint32_t* const scratchItems = m_scratchItems.grow(count);
    std::uint16_t* const scratchAttempts = m_scratchAttempts.grow(count);
    for (std::uint32_t k = 0; k < count; ++k) {
        SqsMessage& m = msgs[k];
        m.state = SqsMessageState::InFlight;  // markReceived without its clamp (the count is below 65535)
        m.batch = b;
        if (m.firstReceiveAt < 0) m.firstReceiveAt = now;
        scratchAttempts[k] = static_cast<std::uint16_t>(++m.receiveCount);
        listed[k] = first + k;
        scratchItems[k] = item0 + k;
    }
    for (std::uint32_t k = 0; k < count; ++k) m_context.setItemState(items[k], ItemState::InFlight);
    if (m_context.tracing())
        for (std::uint32_t k = 0; k < count; ++k)
            m_context.record(TraceKind::Received, item0 + k, q.node, scratchAttempts[k]);
    std::uint32_t received = count;
    countReceived(q, m_context.mutableCounters(q.node), received);
    return true;
}

bool SqsMapping::receiveRun(SqsQueue& q, std::uint32_t first, std::uint32_t count, std::uint32_t b) {
    // One call per run, the loop inside (a receive is a few dozen instructions: a call per message would be a
    // good part of it), with what the loop reads hoisted. The queue's counters are summed and written before
    // anything reads them (a move to the DLQ, the metrics) and at the end.
    const bool metrics = m_context.metrics().enabled();
    NodeCounters& c = m_context.mutableCounters(q.node);
    const std::uint32_t dlqAt = dlqThreshold(q);
    const SimTime now = m_context.now();
    std::uint32_t received = 0;
    auto writeCounts = [&] { countReceived(q, c, received); };
    bool progress = false;
    for (std::uint32_t message = first; message != first + count; ++message) {
        SqsMessage* found = m_messages.find(message);
        if (!found || found->state != SqsMessageState::Visible) continue;  // expired (maybe dropped since)
        SqsMessage& m = *found;
        progress = true;
        if (m.receiveCount >= dlqAt) {
            writeCounts();
            // Metrics off: this message and those past the threshold after it go in one piece (a failed batch
            // back on its last receive); moveToDlq where the run move does not apply.
            const std::uint32_t moved = metrics ? 0 : moveRunToDlq(q, message, first + count - message);
            if (moved > 0) {
                message += moved - 1;
                continue;
            }
            moveToDlq(q, m, message);
            continue;
        }
        const std::uint16_t attempt = markReceived(m, b, now);
        ++received;
        if (m.group != kNone) ++q.groups[m.group].inFlight;
        m_context.setItemState(m.item, ItemState::InFlight);
        m_context.record(TraceKind::Received, m.item, q.node, attempt);
        if (metrics) {
            writeCounts();
            noteReceived(q);
        }
        m_batches[b].messages.push_back(message);  // by index: moveToDlq may have added batches (a consumed DLQ)
        m_batches[b].oneRun = false;
        m_scratchItems.push_back(m.item);
        m_scratchAttempts.push_back(attempt);
    }
    writeCounts();
    return progress;
}

void SqsMapping::noteReceived(const SqsQueue& q) {
    ++m_context.mutableMetrics().queueAt(q.node, m_context.now(), q.visibleCount, q.inFlightCount, 0).received;
}

bool SqsMapping::takeBatch(SqsQueue& q, std::uint32_t b, std::uint32_t batchSize) {
    bool progress = false;
    // receiveRun also lists each received message's item and receive count for invoke() (no second pass).
    m_scratchBatch = b;
    m_scratchItems.clear();
    m_scratchAttempts.clear();
    auto full = [&] { return m_batches[b].messages.size() >= batchSize; };
    if (!q.fifo) {
        // Run by run: a burst or a batch returned whole is a run of consecutive indices at the front. Each
        // message adds at most one to the batch, so popping as many as the batch lacks never takes too many.
        // A whole run (receiveWhole) without the metrics, which count each receive (receiveRun).
        const bool whole = !m_context.metrics().enabled();
        while (!q.visible.empty()) {
            const std::size_t have = m_batches[b].messages.size();
            if (have >= batchSize) break;
            const std::uint32_t first = q.visible.front();
            const std::uint32_t n =
                static_cast<std::uint32_t>(std::min<std::size_t>(q.visible.frontCount(), batchSize - have));
            q.visible.pop_front(n);
            if (whole && receiveWhole(q, first, n, b)) progress = true;
            else progress |= receiveRun(q, first, n, b);
        }
        return progress;
    }
    // FIFO (FIDELITY 6.2): consecutive messages of each ready group, groups in order of readiness; a group
    // with a message in flight is locked until it is deleted, returns or goes to the DLQ.
    while (!full() && !q.readyGroups.empty()) {
        const std::uint32_t gi = q.readyGroups.front();
        SqsGroup& g = q.groups[gi];
        while (!full() && !g.messages.empty()) {
            const std::uint32_t m = g.messages.front();
            g.messages.pop_front();
            progress |= receiveRun(q, m, 1, b);
        }
        if (g.messages.empty() || g.inFlight > 0) {
            q.readyGroups.pop_front();
            g.ready = false;
        }
    }
    return progress;
}

void SqsMapping::moveToDlq(SqsQueue& q, SqsMessage& m, std::uint32_t message) {
    // `m` is read only before deliver: a consumed DLQ may retire messages and move the chunk holding it.
    const std::uint32_t item = m.item;
    m.state = SqsMessageState::Gone;
    m_redriveEnqueuedAt = m.enqueuedAt;  // the DLQ's copy keeps it (onDelivered)
    --q.visibleCount;
    NodeCounters& c = m_context.mutableCounters(q.node);
    --c.visible;
    ++c.deadLettered;
    const Item& it = m_context.items()[item];
    DeliveredRecord r;
    r.node = m_queues[q.dlq].node;
    r.item = item;
    r.function = q.others.empty() ? q.function : it.function;  // several mappings: the last that received it
    r.requestId = it.requestId;
    r.approximateInvokeCount = it.attempts;
    r.kind = DeliveryKind::SqsRedrive;
    r.lastResult = it.lastResult;
    const std::uint32_t dlqNode = r.node;
    m_context.deliver(r);  // -> onDelivered: the copy in the DLQ, same message id and body
    // A DLQ a function consumes holds the message itself from now on (model choice sqs_dlq_messages).
    if (m_queues[q.dlq].function == kNone)
        m_context.finishItem(item, ItemOutcome::DeadLettered, dlqNode, Condition::None);
    retireMessage(message);  // received into no batch: let go now
}

}  // namespace pg::sim
