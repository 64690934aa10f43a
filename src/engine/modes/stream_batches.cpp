// StreamMapping, continued: a lane's batch invoked, its result judged (ReportBatchItemFailures, invalid
// responses), the checkpoint moved on, retries with backoff, bisect and discards to the on-failure destination.
#include <algorithm>

#include "../engine.hpp"
#include "batch_response.hpp"
#include "stream_lanes.hpp"

namespace pg::sim {

SimTime streamRetryBackoff(int retry) {
    SimTime wait = 500 * kMillisecond;
    for (int i = 1; i < retry && wait < 60 * kSecond; ++i) wait = wait * 3 / 2;
    return std::min<SimTime>(wait, 60 * kSecond);
}

// [SECTION] invoking

void Rules::invoke(std::uint32_t li) {
    Lane& lane = m_d.lanes[li];
    const Stream& s = m_d.streams[lane.stream];
    m_d.scratchItems.clear();
    m_d.scratchAttempts.clear();
    for (std::uint32_t k = lane.checkpoint; k < lane.batchEnd; ++k) {
        m_d.scratchItems.push_back(rec(li, k).item);
        m_d.scratchAttempts.push_back(static_cast<std::uint16_t>(std::min<std::uint32_t>(lane.invokes + 1, 65535)));
    }
    std::vector<RuleOutcome> outcomes;
    const ThrottleReason throttle =
        m_e.startBatch(s.function, m_d.scratchItems, m_d.scratchAttempts, m_handler, li, outcomes);
    Lane& again = m_d.lanes[li];
    if (throttle == ThrottleReason::None) {
        again.state = LaneState::Invoking;
        again.outcomes = std::move(outcomes);
        ++again.invokes;
        again.throttles = 0;
        return;
    }
    // Throttles do not count as retries (FIDELITY 6.3 DG-KIN-OFD); the shard waits and tries again.
    ++again.throttles;
    again.state = LaneState::RetryWait;
    again.nextRetryAt = m_e.now() + streamRetryBackoff(static_cast<int>(again.throttles));
    m_e.schedule(again.nextRetryAt, m_handler, kRetry, li, again.generation);
}

// [SECTION] results

void Rules::onEnd(std::uint32_t li, const ExecutionEnvironment& inv) {
    if (m_d.lanes[li].state == LaneState::FinalInvoking) {
        onFinalEnd(li, inv);
        return;
    }
    Lane& lane = m_d.lanes[li];
    Stream& s = m_d.streams[lane.stream];
    const std::uint32_t fnNode = m_e.functions()[s.function].node;
    lane.lastResult = inv.result;
    std::uint32_t firstListed = kNone;
    for (std::uint32_t k = lane.checkpoint; k < lane.batchEnd; ++k) {
        const std::uint32_t item = rec(li, k).item;
        // Every record the invocation carried ends its attempt, also one retention trimmed while it ran (as SQS,
        // model choice sqs_retention_in_flight): the invocation runs to its end and reports its outcome.
        m_e.record(TraceKind::InvokeEnd, item, fnNode,
                   static_cast<std::uint16_t>(std::min<std::uint32_t>(lane.invokes, 65535)),
                   static_cast<std::uint8_t>(inv.result), inv.cold ? 1 : 0);
        if (m_e.items()[item].state == ItemState::Done) continue;  // trimmed by retention while running
        m_e.item(item).lastResult = inv.result;
        if (firstListed == kNone && s.rbif && lane.outcomes[k - lane.checkpoint] == RuleOutcome::ReportFailure)
            firstListed = k;
    }
    // IteratorAge: the age of the last record of the batch when it finishes (FIDELITY 6.3 DG-KIN-2022).
    s.lastIteratorAge = m_e.now() - rec(li, lane.batchEnd - 1).arrival;
    if (m_e.metrics().enabled()) {
        QueueSecond& q = m_e.mutableMetrics().queueAt(s.node, m_e.now(), s.unread, s.inBatches, 0);
        q.iteratorAge = std::max(q.iteratorAge, s.lastIteratorAge);
    }
    // An invalid batchItemFailures response fails the whole batch with ReportBatchItemFailures on (ignored with
    // it off): retried whole, counted against MaximumRetryAttempts, not bisected (no function error), and the
    // on-failure record says functionError null (FIDELITY 6.3 tables, [O] MaxRetry 2 -> count 3). With a
    // tumbling window a response without `state` is a failed invocation in the same way (FIDELITY 6.3).
    if (inv.result == InvokeResult::Success &&
        judgeResponse(lane.outcomes, lane.batchEnd - lane.checkpoint, s.rbif, s.tumbling > 0) !=
            ResponseVerdict::Accepted) {
        ++m_e.mutableCounters(fnNode).rejectedResponses;
        failed(li, false);
        return;
    }
    if (inv.result == InvokeResult::Success && firstListed == kNone) {
        finishBatch(li, lane.batchEnd);
        startNext(li);
        return;
    }
    if (inv.result == InvokeResult::Success && firstListed > lane.checkpoint) {
        // ReportBatchItemFailures: checkpoint at the lowest listed record; it and everything after it is
        // read again as a new batch (FIDELITY 6.3 [D]; [O] 5 deliveries / approximateInvokeCount 4).
        finishBatch(li, firstListed);
        startNext(li);
        return;
    }
    failed(li, inv.result != InvokeResult::Success);
}

void Rules::finishBatch(std::uint32_t li, std::uint32_t end) {
    Lane& lane = m_d.lanes[li];
    Stream& s = m_d.streams[lane.stream];
    NodeCounters& c = m_e.mutableCounters(s.node);
    for (std::uint32_t k = lane.checkpoint; k < lane.batchEnd; ++k) {
        const std::uint32_t item = rec(li, k).item;
        if (m_e.items()[item].state == ItemState::Done) continue;
        if (k < end) {
            m_e.finishItem(item, ItemOutcome::Succeeded, kNone, Condition::None);
            ++c.deleted;
        } else {
            m_e.setItemState(item, ItemState::Visible);  // read again from the checkpoint
            ++s.unread;
            ++c.visible;
        }
        --s.inBatches;
        --c.inFlight;
    }
    if (m_e.metrics().enabled())
        m_e.mutableMetrics().queueAt(s.node, m_e.now(), s.unread, s.inBatches, 0).deleted += end - lane.checkpoint;
    if (s.tumbling > 0) {  // the returned state now aggregates these records
        lane.windowRecords += end - lane.checkpoint;
        lane.stateBytes += s.stateBytesPerRecord * (end - lane.checkpoint);
        if (lane.stateBytes > kMaxWindowStateBytes) lane.terminateEarly = true;
    }
    lane.checkpoint = end;
    resetBatch(lane);
    while (!lane.splitEnds.empty() && lane.splitEnds.back() <= lane.checkpoint) lane.splitEnds.pop_back();
    lane.state = LaneState::Idle;
}

void Rules::failed(std::uint32_t li, bool functionError) {
    Lane& lane = m_d.lanes[li];
    const Stream& s = m_d.streams[lane.stream];
    const std::uint32_t size = lane.batchEnd - lane.checkpoint;
    // Bisect (FIDELITY 6.3, 7): halve recursively, no retry cost; the halves start afresh (model choice).
    if (s.bisect && functionError && size > 1) {
        if (lane.splitEnds.empty() || lane.splitEnds.back() != lane.batchEnd) lane.splitEnds.push_back(lane.batchEnd);
        const std::uint32_t mid = lane.checkpoint + size / 2;
        lane.splitEnds.push_back(mid);
        m_e.record(TraceKind::Bisected, rec(li, lane.checkpoint).item, s.node, 0, 0,
                   static_cast<std::uint16_t>(std::min<std::uint32_t>(size / 2, 65535)));
        NodeCounters& c = m_e.mutableCounters(s.node);
        for (std::uint32_t k = lane.checkpoint; k < lane.batchEnd; ++k)
            if (m_e.items()[rec(li, k).item].state != ItemState::Done) {
                m_e.setItemState(rec(li, k).item, ItemState::Visible);
                ++m_d.streams[lane.stream].unread;
                --m_d.streams[lane.stream].inBatches;
                ++c.visible;
                --c.inFlight;
            }
        resetBatch(lane);
        lane.state = LaneState::Idle;
        startNext(li);
        return;
    }
    ++lane.retries;
    if (s.maxRetry >= 0 && lane.retries > static_cast<std::uint32_t>(s.maxRetry)) {
        discard(li, Condition::RetryAttemptsExhausted);
        return;
    }
    lane.state = LaneState::RetryWait;
    lane.nextRetryAt = m_e.now() + streamRetryBackoff(static_cast<int>(lane.retries));
    m_e.record(TraceKind::RetryScheduled, rec(li, lane.checkpoint).item, s.node, 0, 0,
               static_cast<std::uint16_t>(std::min<SimTime>((lane.nextRetryAt - m_e.now()) / kSecond, 65535)));
    m_e.schedule(lane.nextRetryAt, m_handler, kRetry, li, lane.generation);
}

void Rules::retry(std::uint32_t li) {
    Lane& lane = m_d.lanes[li];
    const Stream& s = m_d.streams[lane.stream];
    // Records trimmed by retention while waiting leave the batch (model choice stream_retention_in_batch).
    while (lane.checkpoint < lane.batchEnd && done(li, lane.checkpoint)) ++lane.checkpoint;
    if (lane.checkpoint >= lane.batchEnd) {
        resetBatch(lane);
        startNext(li);
        return;
    }
    if (s.maxRecordAge >= 0 && m_e.now() - rec(li, lane.checkpoint).arrival > s.maxRecordAge) {
        discard(li, Condition::RecordAgeExceeded);
        return;
    }
    invoke(li);
}

void Rules::discard(std::uint32_t li, Condition condition) {
    // After a discard Lambda sends batch metadata to the on-failure destination and goes on with the shard
    // (FIDELITY 6.3 DG-KIN-OFD).
    Lane& lane = m_d.lanes[li];
    Stream& s = m_d.streams[lane.stream];
    NodeCounters& c = m_e.mutableCounters(s.node);
    const StreamRecord& first = rec(li, lane.checkpoint);
    const StreamRecord& last = rec(li, lane.batchEnd - 1);
    m_e.record(TraceKind::FailureHandled, first.item, s.node, static_cast<std::uint16_t>(lane.invokes), 0,
               static_cast<std::uint16_t>(condition));
    if (s.onFailure != kNone) {
        DeliveredRecord r;
        r.node = s.onFailure;
        r.item = first.item;
        r.function = s.function;
        r.requestId = m_e.items()[first.item].requestId;
        r.approximateInvokeCount =
            static_cast<std::uint16_t>(std::min<std::uint32_t>(std::max(1u, lane.invokes), 65535));
        r.kind = DeliveryKind::StreamBatchInfo;
        r.condition = condition;
        r.lastResult = condition == Condition::RecordAgeExceeded ? InvokeResult::None : lane.lastResult;
        StreamBatchInfo batch;
        batch.source = s.node;
        batch.lastItem = last.item;
        batch.shard = first.shard;
        batch.batchSize = lane.batchEnd - lane.checkpoint;
        batch.startSequence = first.sequence;
        batch.endSequence = last.sequence;
        batch.firstArrival = first.arrival;
        batch.lastArrival = last.arrival;
        m_e.deliver(r, &batch);
    }
    ItemOutcome outcome = ItemOutcome::SentToDestination;
    if (s.onFailure == kNone)
        outcome = condition == Condition::RecordAgeExceeded ? ItemOutcome::Expired
                  : lane.lastResult == InvokeResult::Timeout ? ItemOutcome::TimedOut
                                                             : ItemOutcome::ErrorReturned;
    for (std::uint32_t k = lane.checkpoint; k < lane.batchEnd; ++k) {
        const std::uint32_t item = rec(li, k).item;
        if (m_e.items()[item].state == ItemState::Done) continue;
        m_e.item(item).lastResult = lane.lastResult;
        m_e.finishItem(item, outcome, s.onFailure, condition);
        ++c.deadLettered;
        --s.inBatches;
        --c.inFlight;
    }
    lane.checkpoint = lane.batchEnd;
    resetBatch(lane);
    lane.state = LaneState::Idle;
    startNext(li);
}

}  // namespace pg::sim
