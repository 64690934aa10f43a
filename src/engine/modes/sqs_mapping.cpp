// SQS queues and their event source mapping. Model choices (model_choices.cpp): sqs_poll_latency,
// sqs_poller_ramp, sqs_standard_receive_order, sqs_throttled_batch, sqs_visibility_overrun,
// sqs_retention_in_flight, sqs_batch_result, sqs_fifo_batch_composition, sqs_dlq_messages,
// invalid_batch_response, sqs_long_poll, sqs_competing_mappings; recursion in sqs_recursion.cpp.
//
// Setup is in sqs_setup.cpp, receiving in sqs_receive.cpp, returning a batch in sqs_return.cpp, retention's
// end in sqs_expiry.cpp, views and invariants in sqs_views.cpp.
//
// Index: [SECTION] arrivals and deliveries  [SECTION] invoking
//        [SECTION] deleting, expiring
#include "sqs_mapping.hpp"

#include <algorithm>
#include <cassert>
#include <type_traits>

#include "../engine.hpp"
#include "../prefetch.hpp"
#include "../force_inline.hpp"
#include "sqs_batch_walk.hpp"
#include "async_invoke.hpp"
#include "batch_response.hpp"
#include "../key_template.hpp"

namespace pg::sim {

// Lazy fillers of message-of-item links (ChunkedVector::RangeFill): all `v`, or v, v + 1, ...
static void fillSame(const std::uint32_t& v, std::uint32_t, std::uint32_t* out, std::size_t n) {
    std::fill(out, out + n, v);
}
static void fillCounting(const std::uint32_t& v, std::uint32_t k0, std::uint32_t* out, std::size_t n) {
    for (std::size_t j = 0; j < n; ++j) out[j] = v + k0 + static_cast<std::uint32_t>(j);
}

SimTime sqsEffectiveVisibility(SimTime visibility, SimTime window, SimTime functionTimeout) {
    if (window + functionTimeout > visibility) return window + functionTimeout + 30 * kSecond;
    return visibility;
}

// [SECTION] arrivals and deliveries

void SqsMapping::onArrival(std::uint32_t node, std::uint32_t number) {
    const std::uint32_t qi = queueOfNode(node);
    SqsQueue& q = m_queues[qi];
    const std::uint32_t item = m_context.createItem(node, number, q.function, ItemState::Visible);
    ++m_context.mutableCounters(node).sent;
    addMessage(qi, item, m_context.now(), false, number, true);
    pump(qi);
    noteQueue(qi);
}

void SqsMapping::onArrivals(std::uint32_t node, std::uint32_t first, std::uint32_t count) {
    // A queue that is full at the start: every message is visible before the first poller receives.
    const std::uint32_t qi = queueOfNode(node);
    if (!m_queues[qi].fifo) {
        addBurst(qi, m_context.createItems(node, first, count, m_queues[qi].function, ItemState::Visible), count);
    } else {
        for (std::uint32_t k = 0; k < count; ++k) {
            const std::uint32_t item =
                m_context.createItem(node, first + k, m_queues[qi].function, ItemState::Visible);
            ++m_context.mutableCounters(node).sent;
            addMessage(qi, item, m_context.now(), false, first + k, true);
        }
    }
    pump(qi);
    noteQueue(qi);
}

void SqsMapping::onDelivered(std::uint32_t node, std::uint32_t deliveryIndex) {
    const std::uint32_t qi = queueOfNode(node);
    if (qi == kNone) return;
    const DeliveredRecord& r = m_context.deliveries()[deliveryIndex];
    SimTime enqueuedAt = m_context.now();
    // A redriven message keeps its original enqueue time: retention counts from it (FIDELITY 6.2 SQS-DLQ).
    if (r.kind == DeliveryKind::SqsRedrive) enqueuedAt = m_redriveEnqueuedAt;
    if (m_queues[qi].function != kNone && deliverToConsumer(qi, r, enqueuedAt)) return;
    if (m_retiring && r.kind != DeliveryKind::SqsRedrive) {
        // A passive copy without retention never changes again: counted as visible like addMessage, not stored.
        SqsQueue& q = m_queues[qi];
        becomeActive(q);
        ++q.visibleCount;
        ++q.unstoredCopies;
        ++m_context.mutableCounters(q.node).visible;
    } else if (r.kind == DeliveryKind::SqsRedrive) {
        addRedrivenCopy(qi, r.item, enqueuedAt);
    } else {
        addMessage(qi, r.item, enqueuedAt, true, 0, false);
    }
    noteQueue(qi);
}

void SqsMapping::addRedrivenCopy(std::uint32_t qi, std::uint32_t item, SimTime enqueuedAt) {
    // addMessage(copy = true, expires = true) without its tests (one per DLQ move): stored visible and
    // counted, never received; in the retention order.
    SqsQueue& q = m_queues[qi];
    SqsMessage m;
    m.enqueuedAt = enqueuedAt;
    m.item = item;
    m.queue = qi;
    m.copy = true;
    m.state = SqsMessageState::Visible;
    const auto index = static_cast<std::uint32_t>(m_messages.size());
    m_messages.push_back(m);
    becomeActive(q);
    ++q.visibleCount;
    ++m_context.mutableCounters(q.node).visible;
    const SimTime at = enqueuedAt + q.retention;
    expiryPush(q, index, at);
    if (at < q.expiryAt) armExpiry(q, qi);  // as addMessage: only an earlier expiry moves the timer
}

void SqsMapping::addRedrivenRun(std::uint32_t qi, const SqsMessage* from, std::uint32_t n) {
    // addRedrivenCopy for each of `n` messages in order, in one piece (n <= m_messages.room()), the counts added
    // once (the queue is active from the first on). `from` may lie in m_messages: appending never moves a chunk.
    SqsQueue& q = m_queues[qi];
    becomeActive(q);
    q.visibleCount += n;
    m_context.mutableCounters(q.node).visible += n;
    const auto index = static_cast<std::uint32_t>(m_messages.size());
    SqsMessage* copies = m_messages.appendSpan(n);
    bool sameTime = true;  // copies of one burst: enqueued together, they expire together
    for (std::uint32_t k = 0; k < n; ++k) {
        SqsMessage m;
        m.enqueuedAt = from[k].enqueuedAt;
        m.item = from[k].item;
        m.queue = qi;
        m.copy = true;
        m.state = SqsMessageState::Visible;
        copies[k] = m;
        sameTime &= m.enqueuedAt == from[0].enqueuedAt;
    }
    const SimTime at0 = from[0].enqueuedAt + q.retention;
    expiryPush(q, index, at0);
    if (at0 < q.expiryAt) armExpiry(q, qi);
    if (sameTime && n > 1 && !q.expiryFifo.empty() && q.expiryFifo.back() == index) {
        q.expiryFifo.push_back(index + 1, n - 1);  // where expiryPush puts each: after the first, in order
        return;
    }
    for (std::uint32_t k = 1; k < n; ++k) {
        const SimTime at = copies[k].enqueuedAt + q.retention;
        expiryPush(q, index + k, at);
        if (at < q.expiryAt) armExpiry(q, qi);
    }
}

std::uint32_t SqsMapping::addMessage(std::uint32_t qi, std::uint32_t item, SimTime enqueuedAt, bool copy,
                                     std::uint32_t number, bool expires) {
    SqsQueue& q = m_queues[qi];
    SqsMessage m;
    m.enqueuedAt = enqueuedAt;
    m.item = item;
    m.queue = qi;
    m.copy = copy;
    m.state = SqsMessageState::Gone;  // makeVisible counts it in
    if (q.fifo && !copy) {
        // The group comes from the item's own origin: a redriven FIFO message keeps its group in the DLQ.
        const Item& it = m_context.items()[item];
        renderKeyTemplate(m_context.node(it.origin).traffic.group, it.origin == q.node ? number : it.number,
                          m_scratch);
        auto found = q.groupIndex.find(m_scratch);
        if (found == q.groupIndex.end()) {
            found = q.groupIndex.emplace(m_scratch, static_cast<std::uint32_t>(q.groups.size())).first;
            q.groups.emplace_back();
        }
        m.group = found->second;
    }
    const auto index = static_cast<std::uint32_t>(m_messages.size());
    SqsMessage& stored = m_messages.push_back(m);
    if (!copy) setMessageOfItem(item, index);
    becomeActive(q);
    if (copy) {  // makeVisible of a passive copy (a DLQ's redriven message): counted, never received
        stored.state = SqsMessageState::Visible;
        ++q.visibleCount;
        ++m_context.mutableCounters(q.node).visible;
    } else {
        makeVisible(stored, index, false);
    }
    if (expires) {
        const SimTime at = enqueuedAt + q.retention;
        expiryPush(q, index, at);
        // The pending expiry timer is at or before every other live message's expiry: only an earlier one
        // needs it moved.
        if (at < q.expiryAt) armExpiry(q, qi);
    }
    return index;
}

void SqsMapping::setMessageOfItem(std::uint32_t item, std::uint32_t message) {
    if (item >= m_messageOfItem.size()) {
        m_messageOfItem.appendLazy(kNone, item - m_messageOfItem.size(), fillSame);
        m_messageOfItem.push_back(message);
    } else {
        m_messageOfItem[item] = message;
    }
}

void SqsMapping::addBurst(std::uint32_t qi, std::uint32_t firstItem, std::uint32_t count) {
    // What addMessage(copy = false, expires = true) does per message, once for the run: messages, message-of-item
    // links, the visible pool and the retention FIFO all hold runs of consecutive indices.
    if (count == 0) return;
    SqsQueue& q = m_queues[qi];
    const SimTime now = m_context.now();
    NodeCounters& c = m_context.mutableCounters(q.node);
    c.sent += count;
    SqsMessage m;
    m.enqueuedAt = now;
    m.item = firstItem;
    m.queue = qi;
    m.state = SqsMessageState::Visible;
    const auto first = static_cast<std::uint32_t>(m_messages.size());
    m_messages.appendLazy(m, count, [](const SqsMessage& proto, std::uint32_t k0, SqsMessage* out, std::size_t n) {
        for (std::size_t j = 0; j < n; ++j) {
            out[j] = proto;
            out[j].item += static_cast<std::uint32_t>(k0 + j);
        }
    });
    if (m_messageOfItem.size() < firstItem)
        m_messageOfItem.appendLazy(kNone, firstItem - m_messageOfItem.size(), fillSame);
    if (m_messageOfItem.size() == firstItem) {
        m_messageOfItem.appendLazy(first, count, fillCounting);
    } else {
        for (std::uint32_t k = 0; k < count; ++k) setMessageOfItem(firstItem + k, first + k);
    }
    becomeActive(q);
    q.visibleCount += count;
    c.visible += count;
    if (q.window > 0 && q.windowStart < 0) q.windowStart = now;
    q.visible.push_back(first, count);
    // Retention: every message of the run expires at the same time, in index order: all go where the first goes.
    const SimTime at = now + q.retention;
    expiryPush(q, first, at);
    if (!q.expiryFifo.empty() && q.expiryFifo.back() == first && count > 1) {
        q.expiryFifo.push_back(first + 1, count - 1);
    } else {
        for (std::uint32_t k = 1; k < count; ++k) expiryPush(q, first + k, at);
    }
    armExpiry(q, qi);
}

void SqsMapping::makeVisible(SqsMessage& m, std::uint32_t message, bool front) {
    SqsQueue& q = m_queues[m.queue];
    m.state = SqsMessageState::Visible;
    m.batch = kNone;
    ++q.visibleCount;
    ++m_context.mutableCounters(q.node).visible;
    if (m.copy) return;  // passive: counted, never received (no consumer; model choice sqs_dlq_messages)
    m_context.setItemState(m.item, ItemState::Visible);
    if (q.window > 0 && q.windowStart < 0) q.windowStart = m_context.now();
    if (m.group == kNone) {
        q.visible.push_back(message);
        return;
    }
    SqsGroup& g = q.groups[m.group];
    if (front) g.messages.push_front(message);
    else g.messages.push_back(message);
    if (g.inFlight == 0 && !g.ready) {
        g.ready = true;
        q.readyGroups.push_back(m.group);
    }
}

// [SECTION] invoking

std::uint32_t SqsMapping::newBatch(std::uint32_t qi) {
    std::uint32_t b;
    if (!m_freeBatches.empty()) {
        b = m_freeBatches.back();
        m_freeBatches.pop_back();
    } else {
        b = static_cast<std::uint32_t>(m_batches.size());
        m_batches.emplace_back();
        // Reused batches keep their capacity: no regrowth per receive (capped: a big batch size need not fill).
        m_batches[b].messages.reserve(std::min<std::uint32_t>(m_queues[qi].batchSize, 64));
    }
    SqsBatch& batch = m_batches[b];
    batch.messages.clear();  // not outcomes: invoke writes them before any read, and their size stays (no regrowth)
    batch.oneRun = false;
    batch.keptWhole = false;
    batch.queue = qi;
    batch.throttles = 0;
    batch.consumer = 0;
    batch.visibilityDue = false;
    batch.state = SqsBatchState::Hidden;
    return b;
}

void SqsMapping::freeBatch(std::uint32_t b) {
    if (m_scratchBatch == b) m_scratchBatch = kNone;
    retireGoneOf(b);
    SqsBatch& batch = m_batches[b];
    batch.state = SqsBatchState::Free;
    ++batch.generation;
    m_freeBatches.push_back(b);
}

bool SqsMapping::collectInvokeItems(const SqsBatch& batch) {
    // One pass, one read per message. Before retireGoneOf no message of the batch is dropped (a Gone one keeps
    // its batch until then), so reading each is safe; the first Gone one sends the caller to the slow path.
    m_scratchItems.clear();
    m_scratchAttempts.clear();
    for (std::uint32_t m : batch.messages) {
        const SqsMessage& msg = m_messages[m];
        if (msg.state == SqsMessageState::Gone) return false;
        m_scratchItems.push_back(msg.item);
        m_scratchAttempts.push_back(clamp16(msg.receiveCount));
    }
    return true;
}

void SqsMapping::invoke(std::uint32_t b) {
    // Just received by takeBatch (nothing ran since): the scratch lists already hold its items and counts.
    const bool listed = m_scratchBatch == b && !m_context.hasChains();
    m_scratchBatch = kNone;
    if (m_context.hasChains() && stopRecursive(b)) return;  // recursive loop detection (sqs_recursion.cpp)
    SqsBatch& batch = m_batches[b];
    SqsQueue& q = m_queues[batch.queue];
    if (!listed && !collectInvokeItems(batch)) {
        // Messages that expired while the batch was throttled leave it, so every message of an invoking batch
        // is one its invocation carries: onInvocationEnd ends each one's attempt, expired during the run or not.
        retireGoneOf(b);
        batch.oneRun = false;
        batch.messages.removeIf([&](std::uint32_t m) { return gone(m); });
        collectInvokeItems(batch);
    }
    if (m_scratchItems.empty()) {  // every message expired: the poller is free again
        --consumerOf(q, batch.consumer).pollersBusy;
        freeBatch(b);
        return;
    }
    std::vector<RuleOutcome>& outcomes = m_scratchOutcomes;
    const ThrottleReason throttle =
        m_context.startBatch(consumerOf(q, batch.consumer).function, m_scratchItems.data(),
                             m_scratchAttempts.data(), m_scratchItems.size(), b, outcomes);
    SqsBatch& again = m_batches[b];
    if (throttle == ThrottleReason::None) {
        again.state = SqsBatchState::Invoking;
        again.outcomes.swap(outcomes);  // one per message (none are Gone here); the scratch takes the old buffer
        return;
    }
    // Throttled (FIDELITY 6.2 DG-SQS-ERR, 7): retried with backoff while the messages stay hidden; if the
    // visibility timeout comes first they return with their receive count already incremented.
    again.state = SqsBatchState::Throttled;
    ++again.throttles;
    const SimTime retryAt = m_context.now() + asyncThrottleBackoff(again.throttles);
    if (retryAt < again.visibleAt) m_context.schedule(retryAt, kThrottleRetry, b, again.generation);
}

void SqsMapping::onInvocationEnd(std::uint32_t function, const ExecutionEnvironment& invocation) {
    const std::uint32_t b = invocation.token;
    const std::uint32_t qi = m_batches[b].queue;
    SqsQueue& q = m_queues[qi];
    SqsConsumer& consumer = consumerOf(q, m_batches[b].consumer);
    --consumer.pollersBusy;
    const std::uint32_t fnNode = m_context.functions()[function].node;
    // A normal return whose batchItemFailures response is invalid fails the whole batch when
    // ReportBatchItemFailures is on; with it off the response is ignored (FIDELITY 6.2 table).
    const bool rejected = invocation.result == InvokeResult::Success &&
                          judgeResponse(m_batches[b].outcomes, m_batches[b].outcomes.size(),
                                        consumer.reportBatchItemFailures, false) != ResponseVerdict::Accepted;
    if (rejected) ++m_context.mutableCounters(fnNode).rejectedResponses;
    const bool success = invocation.result == InvokeResult::Success && !rejected;
    std::size_t kept = 0, listedCount = 0;
    const SqsBatch& batch = m_batches[b];  // nothing below adds batches or retires messages until freeBatch
    NodeCounters& c = m_context.mutableCounters(q.node);
    const bool metrics = m_context.metrics().enabled(), report = consumer.reportBatchItemFailures;
    const InvokeResult result = invocation.result;
    const bool tracing = m_context.tracing();  // tested once per batch, not reloaded per message
    std::uint32_t deleted = 0;  // summed, written once (per message only for the metrics, which read them)
    if (!tracing && !metrics) {
        // The usual case, its loops without the per-message tests of the general one below (same effects):
        // every message that is not Gone is deleted (success, unless listed) or kept (failure).
        // Compiled with and without ReportBatchItemFailures (without it no outcome is read) and with and without
        // groups (a standard queue's messages have none); no trace record to test for.
        auto deleteAll = [&](auto reporting, auto grouped) {
            forEachInBatch(b, [&](SqsMessage& m, std::size_t i, Item* atHand) PG_FORCE_INLINE {
                if (m.state == SqsMessageState::Gone) return;
                Item& it = atHand ? *atHand : m_context.item(m.item);
                it.lastResult = result;
                if (reporting && batch.outcomes[i] == RuleOutcome::ReportFailure) {
                    ++listedCount;
                    ++kept;
                    return;
                }
                m.state = SqsMessageState::Gone;
                if (grouped) releaseFromGroup(q, m);
                ++deleted;
                m_context.finishItemUntraced(it, ItemOutcome::Succeeded, kNone, Condition::None);
            });
        };
        if (success && report) {
            if (q.fifo) deleteAll(std::true_type{}, std::true_type{});
            else deleteAll(std::true_type{}, std::false_type{});
        } else if (success) {
            if (q.fifo) deleteAll(std::false_type{}, std::true_type{});
            else deleteAll(std::false_type{}, std::false_type{});
        } else {
            forEachInBatch(b, [&](SqsMessage& m, std::size_t, Item* atHand) PG_FORCE_INLINE {
                if (m.state == SqsMessageState::Gone) return;
                (atHand ? *atHand : m_context.item(m.item)).lastResult = result;
                ++kept;
            });
        }
    } else forEachInBatch(b, [&](SqsMessage& m, std::size_t i, Item* atHand) PG_FORCE_INLINE {
        // Every message this invocation carried ends its attempt here, also one that retention deleted while
        // the function ran (FIDELITY 6.2 "No redrive policy" row; model choice sqs_retention_in_flight): the
        // invocation still runs to its end and reports its outcome.
        if (tracing)
            m_context.record(TraceKind::InvokeEnd, m.item, fnNode, clamp16(m.receiveCount),
                             static_cast<std::uint8_t>(result), invocation.cold ? 1 : 0);
        if (m.state == SqsMessageState::Gone) return;  // expired while running: nothing to delete
        Item& it = atHand ? *atHand : m_context.item(m.item);
        it.lastResult = result;
        // ReportBatchItemFailures (FIDELITY 6.2 table): listed ids stay for a retry, the rest are deleted. A
        // response listing failures while the feature is off is a plain success (FIDELITY 8.5).
        const bool listed = report && batch.outcomes[i] == RuleOutcome::ReportFailure;
        listedCount += listed ? 1 : 0;
        if (!success || listed) {
            ++kept;
            return;
        }
        // Deleted: outcome Succeeded.
        m.state = SqsMessageState::Gone;
        if (m.group != kNone) releaseFromGroup(q, m);
        ++deleted;
        if (metrics) noteDeleted(q, c, deleted);
        m_context.finishItem(m.item, it, ItemOutcome::Succeeded, kNone, Condition::None);
    });
    countDeleted(q, c, deleted);
    if (success && listedCount > 0) ++m_context.mutableCounters(fnNode).partialFailures;
    if (kept == 0) {
        freeBatch(b);
    } else {
        m_batches[b].state = SqsBatchState::Hidden;
        m_batches[b].keptWhole = kept == m_batches[b].messages.size();
        if (m_batches[b].visibilityDue || m_batches[b].visibleAt <= m_context.now()) returnBatch(b);
    }
    pump(qi);
    noteQueue(qi);
}

void SqsMapping::onEvent(const Event& event) {
    switch (event.kind) {
    case kVisibility: {
        SqsBatch& batch = m_batches[event.a];
        if (batch.generation != event.b || batch.state == SqsBatchState::Free) return;  // deleted earlier
        if (batch.state == SqsBatchState::Invoking) {
            batch.visibilityDue = true;  // model choice sqs_visibility_overrun: returns when the run ends
            return;
        }
        if (batch.state == SqsBatchState::Throttled) --consumerOf(m_queues[batch.queue], batch.consumer).pollersBusy;
        const std::uint32_t qi = batch.queue;
        returnBatch(event.a);
        pump(qi);
        noteQueue(qi);
        return;
    }
    case kThrottleRetry: {
        SqsBatch& batch = m_batches[event.a];
        if (batch.generation != event.b || batch.state != SqsBatchState::Throttled) return;
        const std::uint32_t qi = batch.queue;
        invoke(event.a);
        noteQueue(qi);
        return;
    }
    case kWindow: {
        SqsConsumer& c = consumerOf(m_queues[event.a], event.b);  // b: the mapping whose window ends
        if (c.windowTimer != event.seq + 1) return;
        c.windowTimer = 0;
        pump(event.a);
        noteQueue(event.a);
        return;
    }
    case kScale: {
        SqsQueue& q = m_queues[event.a];
        if (q.scaleTimer != event.seq + 1) return;
        q.scaleTimer = 0;
        pump(event.a);
        noteQueue(event.a);
        return;
    }
    case kExpiry: {
        SqsQueue& q = m_queues[event.a];
        if (q.expiryTimer != event.seq + 1) return;
        q.expiryTimer = 0;
        q.expiryAt = kNever;
        expire(event.a);
        return;
    }
    default:
        return;
    }
}

// [SECTION] deleting, expiring

void SqsMapping::countDeleted(SqsQueue& q, NodeCounters& c, std::uint32_t& deleted) {
    q.inFlightCount -= deleted;
    c.inFlight -= deleted;
    c.deleted += deleted;
    deleted = 0;
}

void SqsMapping::noteDeleted(SqsQueue& q, NodeCounters& c, std::uint32_t& deleted) {
    countDeleted(q, c, deleted);
    ++m_context.mutableMetrics().queueAt(q.node, m_context.now(), q.visibleCount, q.inFlightCount, 0).deleted;
}

void SqsMapping::releaseFromGroup(SqsQueue& q, const SqsMessage& m) {
    if (m.group == kNone) return;
    SqsGroup& g = q.groups[m.group];
    --g.inFlight;
    if (g.inFlight == 0 && !g.ready && !g.messages.empty()) {
        g.ready = true;
        q.readyGroups.push_back(m.group);
    }
}

PG_FORCE_INLINE inline void SqsMapping::expiryPush(SqsQueue& q, std::uint32_t message, SimTime at) {
    if (q.expiryFifo.empty()) {
        q.expiryFifo.push_back(message);
        q.expiryFifoBackAt = at;
        return;
    }
    const std::uint32_t last = q.expiryFifo.back();
    const SimTime lastAt = q.expiryFifoBackAt;  // the last message itself may be dropped by now
    if (lastAt < at || (lastAt == at && last < message)) {
        q.expiryFifo.push_back(message);
        q.expiryFifoBackAt = at;
    } else {
        q.expiry.emplace(at, message);
    }
}

void SqsMapping::noteQueue(std::uint32_t qi) {
    if (!m_context.metrics().enabled()) return;
    SqsQueue& q = m_queues[qi];
    dropGoneExpiries(q);
    const std::uint32_t dlqDepth = q.dlq == kNone ? 0 : m_queues[q.dlq].visibleCount;
    QueueSecond& s = m_context.mutableMetrics().queueAt(q.node, m_context.now(), q.visibleCount, q.inFlightCount,
                                                       dlqDepth);
    if (!expiryEmpty(q))
        s.oldestAge = std::max(s.oldestAge, m_context.now() - m_messages[expiryTop(q).second].enqueuedAt);
    if (q.function == kNone) return;
    std::uint32_t busy = 0, limit = 0;  // every mapping's, as the queue view sums them
    for (std::uint32_t k = 0; k < consumerCount(q); ++k) {
        busy += consumerOf(q, k).pollersBusy;
        limit += pollerLimit(q, consumerOf(q, k));
    }
    m_context.mutableMetrics().notePollers(q.node, m_context.now(), busy, limit);
}

}  // namespace pg::sim
