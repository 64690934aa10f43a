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

void StreamLanes::invoke(std::uint32_t laneIndex) {
    StreamLane& lane = m_data.lanes[laneIndex];
    const MappedStream& s = m_data.streams[lane.stream];
    m_data.scratchItems.clear();
    m_data.scratchAttempts.clear();
    for (std::uint32_t k = lane.checkpoint; k < lane.batchEnd; ++k) {
        m_data.scratchItems.push_back(recordAt(laneIndex, k).item);
        m_data.scratchAttempts.push_back(static_cast<std::uint16_t>(std::min<std::uint32_t>(lane.invokes + 1, 65535)));
    }
    std::vector<RuleOutcome> outcomes;
    const ThrottleReason throttle =
        m_context.startBatch(s.function, m_data.scratchItems, m_data.scratchAttempts, laneIndex, outcomes);
    StreamLane& again = m_data.lanes[laneIndex];
    if (throttle == ThrottleReason::None) {
        again.state = StreamLaneState::Invoking;
        again.outcomes = std::move(outcomes);
        ++again.invokes;
        again.throttles = 0;
        return;
    }
    // Throttles do not count as retries (FIDELITY 6.3 DG-KIN-OFD); the shard waits and tries again.
    ++again.throttles;
    again.state = StreamLaneState::RetryWait;
    again.nextRetryAt = m_context.now() + streamRetryBackoff(static_cast<int>(again.throttles));
    m_context.schedule(again.nextRetryAt, kRetry, laneIndex, again.generation);
}

// [SECTION] results

void StreamLanes::onEnd(std::uint32_t laneIndex, const ExecutionEnvironment& invocation) {
    if (m_data.lanes[laneIndex].state == StreamLaneState::FinalInvoking) {
        onFinalEnd(laneIndex, invocation);
        return;
    }
    StreamLane& lane = m_data.lanes[laneIndex];
    MappedStream& s = m_data.streams[lane.stream];
    const std::uint32_t functionNode = m_context.functions()[s.function].node;
    lane.lastResult = invocation.result;
    std::uint32_t firstListed = kNone;
    for (std::uint32_t k = lane.checkpoint; k < lane.batchEnd; ++k) {
        const std::uint32_t item = recordAt(laneIndex, k).item;
        // Every record the invocation carried ends its attempt, also one retention trimmed while it ran (as SQS,
        // model choice sqs_retention_in_flight): the invocation runs to its end and reports its outcome.
        m_context.record(TraceKind::InvokeEnd, item, functionNode,
                        static_cast<std::uint16_t>(std::min<std::uint32_t>(lane.invokes, 65535)),
                        static_cast<std::uint8_t>(invocation.result), invocation.cold ? 1 : 0);
        if (m_context.items()[item].state == ItemState::Done) continue;  // trimmed by retention while running
        m_context.item(item).lastResult = invocation.result;
        if (firstListed == kNone && s.reportBatchItemFailures &&
            lane.outcomes[k - lane.checkpoint] == RuleOutcome::ReportFailure)
            firstListed = k;
    }
    // IteratorAge: the age of the last record of the batch when it finishes (FIDELITY 6.3 DG-KIN-2022).
    s.lastIteratorAge = m_context.now() - recordAt(laneIndex, lane.batchEnd - 1).arrival;
    if (m_context.metrics().enabled()) {
        QueueSecond& q = m_context.mutableMetrics().queueAt(s.node, m_context.now(), nodeUnread(lane.stream),
                                                                      nodeInBatches(lane.stream), 0);
        q.iteratorAge = std::max(q.iteratorAge, s.lastIteratorAge);
    }
    // An invalid batchItemFailures response fails the whole batch with ReportBatchItemFailures on (ignored with
    // it off): retried whole, counted against MaximumRetryAttempts, not bisected (no function error), and the
    // on-failure record says functionError null (FIDELITY 6.3 tables, [O] MaxRetry 2 -> count 3). With a
    // tumbling window a response without `state` is a failed invocation in the same way (FIDELITY 6.3).
    if (invocation.result == InvokeResult::Success &&
        judgeResponse(lane.outcomes, lane.batchEnd - lane.checkpoint, s.reportBatchItemFailures, s.tumbling > 0) !=
            ResponseVerdict::Accepted) {
        ++m_context.mutableCounters(functionNode).rejectedResponses;
        failed(laneIndex, false);
        return;
    }
    if (invocation.result == InvokeResult::Success && firstListed == kNone) {
        finishBatch(laneIndex, lane.batchEnd);
        startNext(laneIndex);
        return;
    }
    if (invocation.result == InvokeResult::Success && firstListed > lane.checkpoint) {
        // ReportBatchItemFailures: checkpoint at the lowest listed record; it and everything after it is
        // read again as a new batch (FIDELITY 6.3 [D]; [O] 5 deliveries / approximateInvokeCount 4).
        finishBatch(laneIndex, firstListed);
        startNext(laneIndex);
        return;
    }
    failed(laneIndex, invocation.result != InvokeResult::Success);
}

void StreamLanes::finishBatch(std::uint32_t laneIndex, std::uint32_t end) {
    StreamLane& lane = m_data.lanes[laneIndex];
    MappedStream& s = m_data.streams[lane.stream];
    NodeCounters& c = m_context.mutableCounters(s.node);
    for (std::uint32_t k = lane.checkpoint; k < lane.batchEnd; ++k) {
        const std::uint32_t item = recordAt(laneIndex, k).item;
        if (m_context.items()[item].state == ItemState::Done) continue;
        if (k < end) {
            m_context.finishItem(item, ItemOutcome::Succeeded, kNone, Condition::None);
            ++c.deleted;
        } else {
            m_context.setItemState(item, ItemState::Visible);  // read again from the checkpoint
            ++s.unread;
            ++c.visible;
        }
        --s.inBatches;
        --c.inFlight;
    }
    if (m_context.metrics().enabled())
        m_context.mutableMetrics()
            .queueAt(s.node, m_context.now(), nodeUnread(lane.stream), nodeInBatches(lane.stream), 0)
            .deleted += end - lane.checkpoint;
    if (s.tumbling > 0) {  // the returned state now aggregates these records
        lane.windowRecords += end - lane.checkpoint;
        lane.stateBytes += s.stateBytesPerRecord * (end - lane.checkpoint);
        if (lane.stateBytes > kMaxWindowStateBytes) lane.terminateEarly = true;
    }
    lane.checkpoint = end;
    resetBatch(lane);
    while (!lane.splitEnds.empty() && lane.splitEnds.back() <= lane.checkpoint) lane.splitEnds.pop_back();
    lane.state = StreamLaneState::Idle;
}

void StreamLanes::failed(std::uint32_t laneIndex, bool functionError) {
    StreamLane& lane = m_data.lanes[laneIndex];
    const MappedStream& s = m_data.streams[lane.stream];
    const std::uint32_t size = lane.batchEnd - lane.checkpoint;
    // Bisect (FIDELITY 6.3, 7): halve recursively, no retry cost; the halves start afresh (model choice).
    if (s.bisect && functionError && size > 1) {
        if (lane.splitEnds.empty() || lane.splitEnds.back() != lane.batchEnd) lane.splitEnds.push_back(lane.batchEnd);
        const std::uint32_t mid = lane.checkpoint + size / 2;
        lane.splitEnds.push_back(mid);
        m_context.record(TraceKind::Bisected, recordAt(laneIndex, lane.checkpoint).item, s.node, 0, 0,
                        static_cast<std::uint16_t>(std::min<std::uint32_t>(size / 2, 65535)));
        NodeCounters& c = m_context.mutableCounters(s.node);
        for (std::uint32_t k = lane.checkpoint; k < lane.batchEnd; ++k)
            if (m_context.items()[recordAt(laneIndex, k).item].state != ItemState::Done) {
                m_context.setItemState(recordAt(laneIndex, k).item, ItemState::Visible);
                ++m_data.streams[lane.stream].unread;
                --m_data.streams[lane.stream].inBatches;
                ++c.visible;
                --c.inFlight;
            }
        resetBatch(lane);
        lane.state = StreamLaneState::Idle;
        startNext(laneIndex);
        return;
    }
    ++lane.retries;
    if (s.maxRetry >= 0 && lane.retries > static_cast<std::uint32_t>(s.maxRetry)) {
        discard(laneIndex, Condition::RetryAttemptsExhausted);
        return;
    }
    lane.state = StreamLaneState::RetryWait;
    lane.nextRetryAt = m_context.now() + streamRetryBackoff(static_cast<int>(lane.retries));
    m_context.record(
        TraceKind::RetryScheduled, recordAt(laneIndex, lane.checkpoint).item, s.node, 0, 0,
        static_cast<std::uint16_t>(std::min<SimTime>((lane.nextRetryAt - m_context.now()) / kSecond, 65535)));
    m_context.schedule(lane.nextRetryAt, kRetry, laneIndex, lane.generation);
}

void StreamLanes::retry(std::uint32_t laneIndex) {
    StreamLane& lane = m_data.lanes[laneIndex];
    const MappedStream& s = m_data.streams[lane.stream];
    // Records trimmed by retention while waiting leave the batch (model choice stream_retention_in_batch).
    while (lane.checkpoint < lane.batchEnd && recordDone(laneIndex, lane.checkpoint)) ++lane.checkpoint;
    if (lane.checkpoint >= lane.batchEnd) {
        resetBatch(lane);
        startNext(laneIndex);
        return;
    }
    if (s.maxRecordAge >= 0 && m_context.now() - recordAt(laneIndex, lane.checkpoint).arrival > s.maxRecordAge) {
        discard(laneIndex, Condition::RecordAgeExceeded);
        return;
    }
    invoke(laneIndex);
}

void StreamLanes::discard(std::uint32_t laneIndex, Condition condition) {
    // After a discard Lambda sends batch metadata to the on-failure destination and goes on with the shard
    // (FIDELITY 6.3 DG-KIN-OFD).
    StreamLane& lane = m_data.lanes[laneIndex];
    MappedStream& s = m_data.streams[lane.stream];
    NodeCounters& c = m_context.mutableCounters(s.node);
    const StreamRecord first = recordAt(laneIndex, lane.checkpoint);  // copies: letting go may free their chunk
    const StreamRecord last = recordAt(laneIndex, lane.batchEnd - 1);
    m_context.record(TraceKind::FailureHandled, first.item, s.node, static_cast<std::uint16_t>(lane.invokes), 0,
                    static_cast<std::uint16_t>(condition));
    if (s.onFailure != kNone) {
        DeliveredRecord r;
        r.node = s.onFailure;
        r.item = first.item;
        r.function = s.function;
        r.requestId = m_context.items()[first.item].requestId;
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
        m_context.deliver(r, &batch);
    }
    ItemOutcome outcome = ItemOutcome::SentToDestination;
    if (s.onFailure == kNone)
        outcome = condition == Condition::RecordAgeExceeded  ? ItemOutcome::Expired
                  : lane.lastResult == InvokeResult::Timeout ? ItemOutcome::TimedOut
                                                             : ItemOutcome::ErrorReturned;
    for (std::uint32_t k = lane.checkpoint; k < lane.batchEnd; ++k) {
        const std::uint32_t item = recordAt(laneIndex, k).item;
        if (m_context.items()[item].state == ItemState::Done) continue;
        m_context.item(item).lastResult = lane.lastResult;
        m_context.finishItem(item, outcome, s.onFailure, condition);
        ++c.deadLettered;
        --s.inBatches;
        --c.inFlight;
    }
    lane.checkpoint = lane.batchEnd;
    resetBatch(lane);
    lane.state = StreamLaneState::Idle;
    startNext(laneIndex);
}

}  // namespace pg::sim
