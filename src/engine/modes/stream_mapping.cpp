// Kinesis / DynamoDB Streams event source mappings. Model choices (model_choices.cpp): stream_poll_ticks,
// stream_retry_backoff, stream_bisect, stream_partial_failure_batch, stream_record_age_check,
// stream_starting_position, stream_retention_in_batch, stream_invalid_response, invalid_batch_response,
// stream_tumbling_window.
//
// Index: [SECTION] data  [SECTION] setup  [SECTION] arrivals and polling  [SECTION] invoking
//        [SECTION] results  [SECTION] tumbling windows  [SECTION] retention  [SECTION] views  [SECTION] invariants
#include "stream_mapping.hpp"

#include <algorithm>

#include "../engine.hpp"
#include "batch_response.hpp"
#include "key_template.hpp"

namespace pg::sim {

SimTime streamRetryBackoff(int retry) {
    SimTime wait = 500 * kMillisecond;
    for (int i = 1; i < retry && wait < 60 * kSecond; ++i) wait = wait * 3 / 2;
    return std::min<SimTime>(wait, 60 * kSecond);
}

// [SECTION] data

namespace {

struct StreamRecord {
    SimTime arrival = 0;
    std::uint32_t item = kNone;
    std::uint32_t lane = kNone;      // global lane index, kNone if never read (AT_TIMESTAMP skipped)
    std::uint32_t sequence = 0;      // per shard, from 1
    std::uint32_t shard = 0;
};

/// FinalWait / FinalInvoking: a tumbling window's final invoke waits (for the window end, a retry or a
/// throttle backoff) or runs; the lane reads nothing meanwhile.
enum class LaneState : std::uint8_t { Idle, PollScheduled, Invoking, RetryWait, FinalWait, FinalInvoking };

struct Lane {
    std::uint32_t stream = 0, shard = 0, sub = 0;
    std::vector<std::uint32_t> records;  // record indices in order
    std::uint32_t checkpoint = 0;        // records before it are done
    std::uint32_t batchEnd = kNone;      // current batch [checkpoint, batchEnd), kNone if none
    std::vector<std::uint32_t> splitEnds;  // bisect: ends of the halves still to process (top = next)
    std::vector<RuleOutcome> outcomes;
    SimTime lastPollAt = -kNever;
    SimTime nextRetryAt = -1;
    std::uint32_t invokes = 0, retries = 0, throttles = 0, generation = 0;
    LaneState state = LaneState::Idle;
    InvokeResult lastResult = InvokeResult::None;
    // tumbling window (Stream::tumbling > 0)
    std::int64_t window = -1;            // open window: arrival / window length; -1 none
    std::uint32_t windowLastItem = kNone;  // last record read in the window (the final invoke's trace item)
    std::uint32_t windowRecords = 0, finalTries = 0, windowsClosed = 0;
    std::uint64_t stateBytes = 0;
    bool terminateEarly = false;         // state over kMaxWindowStateBytes: the next final invoke ends it early
};

struct Stream {
    std::uint32_t node = kNone;
    bool dynamoDb = false;
    std::uint32_t shards = 1, pf = 1;
    SimTime retention = 24 * kHour, interval = kKinesisPollInterval;
    std::uint32_t function = kNone, onFailure = kNone;
    std::uint32_t batchSize = 100;
    SimTime window = 0, maxRecordAge = -1, startAt = 0;
    SimTime tumbling = 0;                // TumblingWindowInSeconds, 0 = off
    std::uint64_t stateBytesPerRecord = 0;
    int maxRetry = -1;
    bool bisect = false, rbif = false;
    std::uint32_t firstLane = 0;
    std::vector<std::uint32_t> order;  // every record, in arrival order (retention)
    std::size_t expiryCursor = 0;
    std::vector<std::uint32_t> shardSequence;
    std::uint32_t unread = 0, inBatches = 0;
    SimTime lastIteratorAge = 0;
    bool expiryPending = false;
};

}  // namespace

struct StreamMapping::Impl {
    std::vector<Stream> streams;
    std::vector<std::uint32_t> streamOfNode;
    std::vector<Lane> lanes;
    std::vector<StreamRecord> records;
    std::vector<std::uint32_t> recordOfItem;
    std::vector<std::uint32_t> scratchItems;
    std::vector<std::uint16_t> scratchAttempts;
};

StreamMapping::StreamMapping(Engine& engine, std::uint16_t handlerId)
    : ModeHandler(engine, handlerId), m_impl(std::make_unique<Impl>()) {}
StreamMapping::~StreamMapping() = default;

// File-local rules, given the mode's engine, handler id and data.
namespace {

class Rules {
public:
    Rules(Engine& e, std::uint16_t handler, StreamMapping::Impl& d) : m_e(e), m_handler(handler), m_d(d) {}
    enum Kind : std::uint16_t { kPoll = 0, kRetry = 1, kExpiry = 2, kFinal = 3 };

    /// Lists stream `si`'s new record of `item` (number `number`, arriving now): shard and lane from the hash
    /// of its partition key, in the stream's order and, when the stream is read, its lane. Returns that lane,
    /// kNone when unread.
    std::uint32_t addRecord(std::uint32_t si, std::uint32_t item, std::uint32_t number);
    void startNext(std::uint32_t li);
    void poll(std::uint32_t li);
    void onPoll(std::uint32_t li);
    void markRead(std::uint32_t li, std::uint32_t end);
    void invoke(std::uint32_t li);
    void onEnd(std::uint32_t li, const ExecutionEnvironment& inv);
    void retry(std::uint32_t li);
    void expire(std::uint32_t si);
    void armExpiry(std::uint32_t si);
    void note(std::uint32_t si);
    bool windowDue(std::uint32_t li);
    void finalInvoke(std::uint32_t li);
    void onFinalEnd(std::uint32_t li, const ExecutionEnvironment& inv);
    void closeWindow(std::uint32_t li, bool succeeded);
    std::int64_t windowOf(const Stream& s, const StreamRecord& r) const { return r.arrival / s.tumbling; }

private:
    StreamRecord& rec(std::uint32_t li, std::uint32_t k) { return m_d.records[m_d.lanes[li].records[k]]; }
    bool done(std::uint32_t li, std::uint32_t k) {
        return m_e.items()[rec(li, k).item].state == ItemState::Done;
    }
    void skipDone(std::uint32_t li);
    void finishBatch(std::uint32_t li, std::uint32_t end);
    void failed(std::uint32_t li, bool allowBisect);
    void discard(std::uint32_t li, Condition condition);
    void resetBatch(Lane& lane) {
        lane.batchEnd = kNone;
        lane.invokes = lane.retries = lane.throttles = 0;
        lane.nextRetryAt = -1;
        ++lane.generation;
    }

    Engine& m_e;
    std::uint16_t m_handler;
    StreamMapping::Impl& m_d;
};

void Rules::skipDone(std::uint32_t li) {
    Lane& lane = m_d.lanes[li];
    while (lane.checkpoint < lane.records.size() && done(li, lane.checkpoint)) {
        ++lane.checkpoint;
        if (lane.batchEnd != kNone && lane.checkpoint >= lane.batchEnd) lane.batchEnd = kNone;
    }
    while (!lane.splitEnds.empty() && lane.splitEnds.back() <= lane.checkpoint) lane.splitEnds.pop_back();
}

std::uint32_t Rules::addRecord(std::uint32_t si, std::uint32_t item, std::uint32_t number) {
    Stream& s = m_d.streams[si];
    static const std::string kNumberKey = "{n}";  // no partition key template: the record number
    const std::string& keyTemplate = m_e.node(s.node).traffic.partitionKey;
    const std::uint32_t h = keyTemplateHash(keyTemplate.empty() ? kNumberKey : keyTemplate, number);
    StreamRecord r;
    r.arrival = m_e.now();
    r.item = item;
    r.shard = h % s.shards;
    r.sequence = ++s.shardSequence[r.shard];
    const bool read = s.function != kNone && r.arrival >= s.startAt;
    if (read) r.lane = s.firstLane + r.shard * s.pf + (h / s.shards) % s.pf;
    const auto index = static_cast<std::uint32_t>(m_d.records.size());
    m_d.records.push_back(r);
    if (m_d.recordOfItem.size() <= item) m_d.recordOfItem.resize(item + 1, kNone);
    m_d.recordOfItem[item] = index;
    s.order.push_back(index);
    if (!read) return kNone;
    m_d.lanes[r.lane].records.push_back(index);
    return r.lane;
}

void Rules::startNext(std::uint32_t li) {
    skipDone(li);
    if (windowDue(li)) return;  // a tumbling window's final invoke comes before the next window's records
    Lane& lane = m_d.lanes[li];
    const Stream& s = m_d.streams[lane.stream];
    if (lane.checkpoint >= lane.records.size()) {
        lane.state = LaneState::Idle;
        return;
    }
    if (rec(li, lane.checkpoint).arrival <= lane.lastPollAt) {  // already fetched by the last poll
        poll(li);
        return;
    }
    // Next poll tick (model choice stream_poll_ticks): polls run at multiples of the interval, at most one
    // per interval; a record is read at the first tick strictly after its arrival.
    const SimTime afterNow = m_e.now() / s.interval + 1;
    const SimTime afterLast = lane.lastPollAt <= -s.interval ? 0 : (lane.lastPollAt + s.interval + s.interval - 1) / s.interval;
    const SimTime tick = std::max(afterNow, afterLast) * s.interval;
    lane.state = LaneState::PollScheduled;
    m_e.schedule(tick, m_handler, kPoll, li, lane.generation);
}

void Rules::poll(std::uint32_t li) {
    Lane& lane = m_d.lanes[li];
    Stream& s = m_d.streams[lane.stream];
    const SimTime now = m_e.now();
    // Batch bounds: a pending bisect half, else up to batch_size records fetched by the last poll.
    std::uint32_t end = lane.checkpoint;
    const std::uint32_t cap = lane.splitEnds.empty()
                                  ? static_cast<std::uint32_t>(std::min<std::size_t>(lane.records.size(),
                                                                                      lane.checkpoint + s.batchSize))
                                  : lane.splitEnds.back();
    while (end < cap && rec(li, end).arrival <= lane.lastPollAt) ++end;
    // Tumbling window: a batch holds records of one window (model choice stream_tumbling_window).
    bool cut = false;
    if (s.tumbling > 0) {
        const std::int64_t w = windowOf(s, rec(li, lane.checkpoint));
        for (std::uint32_t k = lane.checkpoint; k < end; ++k)
            if (windowOf(s, rec(li, k)) != w) {
                end = k;
                cut = true;
                break;
            }
    }
    // Batching window: wait for a full batch or the window after the first record.
    if (s.window > 0 && !cut && lane.splitEnds.empty() && end - lane.checkpoint < s.batchSize &&
        now < rec(li, lane.checkpoint).arrival + s.window) {
        lane.state = LaneState::PollScheduled;
        m_e.schedule(rec(li, lane.checkpoint).arrival + s.window, m_handler, kPoll, li, lane.generation);
        lane.lastPollAt = -kNever;  // the window's poll fetches again
        return;
    }
    lane.invokes = lane.retries = lane.throttles = 0;
    // MaximumRecordAge: records already too old when read are discarded without an invocation; the
    // on-failure record still says approximateInvokeCount 1 (FIDELITY 6.3 [O] discard_records). The rest of
    // the fetched records go on at once (discard starts the next batch).
    if (s.maxRecordAge >= 0 && now - rec(li, lane.checkpoint).arrival > s.maxRecordAge) {
        std::uint32_t old = lane.checkpoint;
        while (old < end && now - rec(li, old).arrival > s.maxRecordAge) ++old;
        markRead(li, old);
        lane.lastResult = InvokeResult::None;
        discard(li, Condition::RecordAgeExceeded);
        return;
    }
    markRead(li, end);
    invoke(li);
}

void Rules::markRead(std::uint32_t li, std::uint32_t end) {
    Lane& lane = m_d.lanes[li];
    Stream& s = m_d.streams[lane.stream];
    lane.batchEnd = end;
    if (s.tumbling > 0 && end > lane.checkpoint) {
        lane.window = windowOf(s, rec(li, lane.checkpoint));
        lane.windowLastItem = rec(li, end - 1).item;
    }
    NodeCounters& c = m_e.mutableCounters(s.node);
    for (std::uint32_t k = lane.checkpoint; k < end; ++k) {
        const std::uint32_t item = rec(li, k).item;
        m_e.setItemState(item, ItemState::InFlight);
        m_e.record(TraceKind::BatchRead, item, s.node, 0, 0, static_cast<std::uint16_t>(rec(li, k).shard));
        --s.unread;
        ++s.inBatches;
        --c.visible;
        ++c.inFlight;
        ++c.receives;
    }
}

void Rules::onPoll(std::uint32_t li) {
    skipDone(li);
    Lane& lane = m_d.lanes[li];
    if (lane.checkpoint >= lane.records.size()) {
        lane.state = LaneState::Idle;
        startNext(li);  // a tumbling window may still owe its final invoke
        return;
    }
    lane.state = LaneState::Idle;
    if (windowDue(li)) return;
    lane.lastPollAt = m_e.now();
    poll(li);
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

// [SECTION] tumbling windows

// Tumbling windows (FIDELITY 6.3; DG-KIN-2022 "Time windows"): windows of `tumbling` length aligned to virtual
// time 0 by record arrival; every invocation of a window carries its state; once the window has ended and all
// its records are done, one final invoke (isFinalInvokeForWindow, no records) runs before the shard reads on.
// It must succeed: the shard waits and retries (model: up to MaximumRetryAttempts, then the state is dropped).
// Returns true when the lane is taken by the final invoke (started now, or waiting: FinalWait).
bool Rules::windowDue(std::uint32_t li) {
    Lane& lane = m_d.lanes[li];
    const Stream& s = m_d.streams[lane.stream];
    if (s.tumbling == 0 || lane.window < 0) return false;
    const bool more = lane.checkpoint < lane.records.size() && windowOf(s, rec(li, lane.checkpoint)) == lane.window;
    if (more && !lane.terminateEarly) return false;
    // At the first poll tick at or after the window's end; an early termination (state over the limit) at once.
    SimTime at = m_e.now();
    if (!lane.terminateEarly) {
        const SimTime end = (lane.window + 1) * s.tumbling;
        at = std::max(at, (end + s.interval - 1) / s.interval * s.interval);
    }
    if (at <= m_e.now()) {
        finalInvoke(li);
        return true;
    }
    lane.state = LaneState::FinalWait;
    m_e.schedule(at, m_handler, kFinal, li, lane.generation);
    return true;
}

void Rules::finalInvoke(std::uint32_t li) {
    const Stream& s = m_d.streams[m_d.lanes[li].stream];
    // Retry policies apply to windows too (DG-KIN-2022 "fully support ... maxRetryAttempts and maxRecordAge"):
    // a final invoke still throttled or failing when the window's end is older than MaximumRecordAge (or the
    // stream's retention) is given up and the state dropped (model choice stream_tumbling_window).
    const SimTime age = m_e.now() - (m_d.lanes[li].window + 1) * s.tumbling;
    if (age > s.retention || (s.maxRecordAge >= 0 && age > s.maxRecordAge)) {
        closeWindow(li, false);
        return;
    }
    m_d.scratchItems.clear();
    m_d.scratchAttempts.clear();
    std::vector<RuleOutcome> outcomes;
    const ThrottleReason throttle =
        m_e.startBatch(s.function, m_d.scratchItems, m_d.scratchAttempts, m_handler, li, outcomes);
    Lane& lane = m_d.lanes[li];
    if (throttle == ThrottleReason::None) {
        lane.state = LaneState::FinalInvoking;
        ++lane.finalTries;
        lane.throttles = 0;
        if (lane.windowLastItem != kNone)
            m_e.record(TraceKind::WindowFinal, lane.windowLastItem, m_e.functions()[s.function].node,
                       static_cast<std::uint16_t>(std::min<std::uint32_t>(lane.finalTries, 65535)), 0,
                       lane.terminateEarly ? 1 : 0);
        return;
    }
    ++lane.throttles;  // throttles are not tries (as for batches, FIDELITY 6.3)
    lane.state = LaneState::FinalWait;
    m_e.schedule(m_e.now() + streamRetryBackoff(static_cast<int>(lane.throttles)), m_handler, kFinal, li,
                 lane.generation);
}

void Rules::onFinalEnd(std::uint32_t li, const ExecutionEnvironment& inv) {
    Lane& lane = m_d.lanes[li];
    const Stream& s = m_d.streams[lane.stream];
    if (lane.windowLastItem != kNone)
        m_e.record(TraceKind::WindowFinal, lane.windowLastItem, m_e.functions()[s.function].node,
                   static_cast<std::uint16_t>(std::min<std::uint32_t>(lane.finalTries, 65535)),
                   static_cast<std::uint8_t>(inv.result), lane.terminateEarly ? 1 : 0);
    const bool exhausted = s.maxRetry >= 0 && lane.finalTries > static_cast<std::uint32_t>(s.maxRetry);
    if (inv.result != InvokeResult::Success && !exhausted) {
        // "If invocation is unsuccessful, your Lambda function suspends further processing until a successful
        // invocation" (DG-KIN-2022): the shard waits and tries the final invoke again.
        lane.state = LaneState::FinalWait;
        m_e.schedule(m_e.now() + streamRetryBackoff(static_cast<int>(lane.finalTries)), m_handler, kFinal, li,
                     lane.generation);
        return;
    }
    closeWindow(li, inv.result == InvokeResult::Success);
}

void Rules::closeWindow(std::uint32_t li, bool succeeded) {
    Lane& lane = m_d.lanes[li];
    if (succeeded) ++lane.windowsClosed;
    lane.stateBytes = 0;
    lane.windowRecords = 0;
    lane.finalTries = lane.throttles = 0;
    if (lane.terminateEarly) {
        lane.terminateEarly = false;  // the same window goes on with a fresh state
    } else {
        lane.window = -1;
        lane.windowLastItem = kNone;
    }
    lane.state = LaneState::Idle;
    startNext(li);
}

// [SECTION] retention

void Rules::armExpiry(std::uint32_t si) {
    Stream& s = m_d.streams[si];
    while (s.expiryCursor < s.order.size() &&
           m_e.items()[m_d.records[s.order[s.expiryCursor]].item].state == ItemState::Done)
        ++s.expiryCursor;
    if (s.expiryPending || s.expiryCursor >= s.order.size()) return;
    s.expiryPending = true;
    m_e.schedule(m_d.records[s.order[s.expiryCursor]].arrival + s.retention, m_handler, kExpiry, si);
}

void Rules::expire(std::uint32_t si) {
    Stream& s = m_d.streams[si];
    s.expiryPending = false;
    NodeCounters& c = m_e.mutableCounters(s.node);
    while (s.expiryCursor < s.order.size()) {
        const StreamRecord& r = m_d.records[s.order[s.expiryCursor]];
        if (r.arrival + s.retention > m_e.now()) break;
        ++s.expiryCursor;
        const ItemState state = m_e.items()[r.item].state;
        if (state == ItemState::Done) continue;
        if (state == ItemState::Visible) {
            --s.unread;
            --c.visible;
        } else {
            --s.inBatches;
            --c.inFlight;
        }
        ++c.expired;
        m_e.finishItem(r.item, ItemOutcome::Expired, kNone, Condition::None);
        if (r.lane != kNone && m_d.lanes[r.lane].state == LaneState::Idle) startNext(r.lane);
    }
    armExpiry(si);
    note(si);
}

void Rules::note(std::uint32_t si) {
    if (!m_e.metrics().enabled()) return;
    const Stream& s = m_d.streams[si];
    m_e.mutableMetrics().queueAt(s.node, m_e.now(), s.unread, s.inBatches, 0);
}

}  // namespace

// [SECTION] setup

void StreamMapping::start() {
    Impl& d = *m_impl;
    d.streams.clear();
    d.lanes.clear();
    d.records.clear();
    d.recordOfItem.clear();
    const std::size_t n = m_engine.nodeCount();
    d.streamOfNode.assign(n, kNone);
    for (std::uint32_t i = 0; i < n; ++i) {
        const Node& node = m_engine.node(i);
        if (!handlesNodeType(node.type)) continue;
        Stream s;
        s.node = i;
        s.dynamoDb = node.type == NodeType::DynamoDbStream;
        s.shards = static_cast<std::uint32_t>(std::max(1, node.stream.shards));
        s.retention = node.stream.retention;
        s.interval = s.dynamoDb ? kDynamoDbPollInterval : kKinesisPollInterval;
        s.function = m_engine.targetFunction(i);
        if (s.function != kNone) {
            const std::string& fnId = m_engine.node(m_engine.functions()[s.function].node).id;
            for (const Edge& e : m_engine.scenario().edges) {
                if (e.from != node.id || e.to != fnId) continue;
                s.batchSize = static_cast<std::uint32_t>(std::max(1, e.batchSize.value_or(100)));
                s.window = std::max<SimTime>(0, e.batchingWindow);
                s.maxRetry = e.maximumRetryAttempts;
                s.maxRecordAge = e.maximumRecordAge;
                s.bisect = e.bisectBatchOnFunctionError;
                s.pf = static_cast<std::uint32_t>(std::min(10, std::max(1, e.parallelizationFactor)));
                s.rbif = e.reportBatchItemFailures;
                s.onFailure = m_engine.nodeIndex(e.onFailure);
                s.tumbling = std::max<SimTime>(0, e.tumblingWindow);
                s.stateBytesPerRecord = static_cast<std::uint64_t>(std::max<std::int64_t>(0, e.windowStateBytesPerRecord));
                // AT_TIMESTAMP (Kinesis only): records before the timestamp are never read. TRIM_HORIZON and
                // LATEST read everything: the mapping exists from time 0 (model choice stream_starting_position).
                if (e.startingPosition == StartingPosition::AtTimestamp && !s.dynamoDb)
                    s.startAt = e.startingPositionTimestamp;
                break;
            }
        }
        s.firstLane = static_cast<std::uint32_t>(d.lanes.size());
        s.shardSequence.assign(s.shards, 0);
        for (std::uint32_t sh = 0; sh < s.shards; ++sh)
            for (std::uint32_t p = 0; p < s.pf; ++p) {
                Lane lane;
                lane.stream = static_cast<std::uint32_t>(d.streams.size());
                lane.shard = sh;
                lane.sub = p;
                d.lanes.push_back(std::move(lane));
            }
        d.streamOfNode[i] = static_cast<std::uint32_t>(d.streams.size());
        d.streams.push_back(std::move(s));
    }
    if (!d.streams.empty()) m_engine.mutableMetrics().resetQueues(n);
}

// [SECTION] arrivals and polling

void StreamMapping::onArrival(std::uint32_t node, std::uint32_t number) {
    Impl& d = *m_impl;
    const std::uint32_t si = d.streamOfNode[node];
    Stream& s = d.streams[si];
    const std::uint32_t item = m_engine.createItem(node, number, s.function, ItemState::Visible);
    NodeCounters& c = m_engine.mutableCounters(node);
    ++c.sent;
    ++c.visible;
    ++s.unread;
    Rules rules(m_engine, m_handlerId, d);
    const std::uint32_t li = rules.addRecord(si, item, number);
    rules.armExpiry(si);
    if (li != kNone) {
        Lane& lane = d.lanes[li];
        // A record of the open tumbling window, arriving while its final invoke waits for the window's end, is
        // read first: the final invoke comes after it.
        if (lane.state == LaneState::FinalWait && s.tumbling > 0 && lane.finalTries == 0 && !lane.terminateEarly &&
            m_engine.now() / s.tumbling == lane.window) {
            ++lane.generation;
            lane.state = LaneState::Idle;
        }
        if (lane.state == LaneState::Idle) rules.startNext(li);
    }
    rules.note(si);
}

/// Room for `size` elements in `v`, growing at least geometrically (so several bursts stay linear).
template <typename T>
static void reserveAtLeast(std::vector<T>& v, std::size_t size) {
    if (v.capacity() < size) v.reserve(std::max(size, 2 * v.capacity()));
}

void StreamMapping::onArrivals(std::uint32_t node, std::uint32_t first, std::uint32_t count) {
    // A burst: the growing lists are sized once, not doubled (and copied) again and again as records arrive.
    Impl& d = *m_impl;
    const std::uint32_t si = d.streamOfNode[node];
    Stream& s = d.streams[si];
    reserveAtLeast(d.records, d.records.size() + count);
    reserveAtLeast(d.recordOfItem, m_engine.items().size() + count);
    reserveAtLeast(s.order, s.order.size() + count);
    if (count == 0) return;
    // Record by record (onArrival) when a lane could read at once (a poll already ran at this instant) or a
    // tumbling window could close: the first record would be read before the next arrives. Otherwise arriving
    // records only queue and schedule polls, so the items are made together and lazily (createItems), the
    // rest per record in the same order as onArrival: the same trace, events and metrics.
    const SimTime now = m_engine.now();
    bool oneByOne = s.tumbling > 0;
    for (std::uint32_t l = 0; l < s.shards * s.pf && !oneByOne; ++l)
        oneByOne = d.lanes[s.firstLane + l].lastPollAt >= now;
    if (oneByOne) {
        for (std::uint32_t k = 0; k < count; ++k) onArrival(node, first + k);
        return;
    }
    const std::uint32_t base = m_engine.createItems(node, first, count, s.function, ItemState::Visible);
    NodeCounters& c = m_engine.mutableCounters(node);
    c.sent += count;
    c.visible += count;
    Rules rules(m_engine, m_handlerId, d);
    for (std::uint32_t k = 0; k < count; ++k) {
        ++s.unread;
        const std::uint32_t li = rules.addRecord(si, base + k, first + k);
        if (k == 0) rules.armExpiry(si);  // later records expire no earlier: only the first can arm it
        if (li != kNone && d.lanes[li].state == LaneState::Idle) rules.startNext(li);  // schedules a poll only
        if (k == 0) rules.note(si);  // a new metrics second is filled from the first record's gauges
    }
    rules.note(si);
}

void StreamMapping::onEvent(const Event& event) {
    Impl& d = *m_impl;
    Rules rules(m_engine, m_handlerId, d);
    switch (event.kind) {
    case Rules::kPoll: {
        Lane& lane = d.lanes[event.a];
        if (lane.generation != event.b || lane.state != LaneState::PollScheduled) return;
        rules.onPoll(event.a);
        rules.note(lane.stream);
        return;
    }
    case Rules::kRetry: {
        Lane& lane = d.lanes[event.a];
        if (lane.generation != event.b || lane.state != LaneState::RetryWait) return;
        rules.retry(event.a);
        rules.note(lane.stream);
        return;
    }
    case Rules::kExpiry:
        rules.expire(event.a);
        return;
    case Rules::kFinal: {
        Lane& lane = d.lanes[event.a];
        if (lane.generation != event.b || lane.state != LaneState::FinalWait) return;
        lane.state = LaneState::Idle;
        rules.startNext(event.a);
        rules.note(lane.stream);
        return;
    }
    default:
        return;
    }
}

void StreamMapping::onInvocationEnd(std::uint32_t function, const ExecutionEnvironment& invocation) {
    (void)function;
    Rules rules(m_engine, m_handlerId, *m_impl);
    rules.onEnd(invocation.token, invocation);
    rules.note(m_impl->lanes[invocation.token].stream);
}

// [SECTION] views

std::optional<StreamView> StreamMapping::streamView(std::uint32_t node) const {
    const Impl& d = *m_impl;
    if (node >= d.streamOfNode.size() || d.streamOfNode[node] == kNone) return std::nullopt;
    const Stream& s = d.streams[d.streamOfNode[node]];
    StreamView v;
    v.node = node;
    v.dynamoDb = s.dynamoDb;
    v.shards = s.shards;
    v.parallelizationFactor = s.pf;
    v.unread = s.unread;
    v.inBatches = s.inBatches;
    v.lastIteratorAge = s.lastIteratorAge;
    if (s.function == kNone) return v;
    for (std::uint32_t li = s.firstLane; li < s.firstLane + s.shards * s.pf; ++li) {
        const Lane& lane = d.lanes[li];
        StreamLaneView l;
        l.shard = lane.shard;
        l.lane = lane.sub;
        for (std::uint32_t k = lane.checkpoint; k < lane.records.size(); ++k)
            if (m_engine.items()[d.records[lane.records[k]].item].state != ItemState::Done) {
                if (l.pending == 0) l.oldestPendingAge = m_engine.now() - d.records[lane.records[k]].arrival;
                ++l.pending;
            }
        l.batchSize = lane.batchEnd == kNone ? 0 : lane.batchEnd - lane.checkpoint;
        l.invokes = lane.invokes;
        l.retries = lane.retries;
        l.blocked = lane.state == LaneState::RetryWait ||
                    (lane.state == LaneState::FinalWait && lane.finalTries + lane.throttles > 0);
        l.nextRetryAt = lane.nextRetryAt;
        l.checkpointSequence =
            lane.checkpoint < lane.records.size() ? d.records[lane.records[lane.checkpoint]].sequence : 0;
        if (s.tumbling > 0 && lane.window >= 0) {
            l.windowStart = lane.window * s.tumbling;
            l.windowEnd = l.windowStart + s.tumbling;
        }
        l.windowRecords = lane.windowRecords;
        l.windowStateBytes = lane.stateBytes;
        l.windowsClosed = lane.windowsClosed;
        l.finalInvoke = lane.state == LaneState::FinalInvoking || (lane.state == LaneState::FinalWait && lane.finalTries + lane.throttles > 0);
        l.terminatedEarly = lane.terminateEarly;
        v.lanes.push_back(l);
    }
    return v;
}

bool StreamMapping::recordPosition(std::uint32_t item, std::uint32_t& shard, std::uint64_t& sequence) const {
    const Impl& d = *m_impl;
    if (item >= d.recordOfItem.size() || d.recordOfItem[item] == kNone) return false;
    shard = d.records[d.recordOfItem[item]].shard;
    sequence = d.records[d.recordOfItem[item]].sequence;
    return true;
}

// [SECTION] invariants

void StreamMapping::checkInvariants(std::vector<std::string>& problems) const {
    const Impl& d = *m_impl;
    const auto& items = m_engine.items().all();
    for (std::uint32_t li = 0; li < d.lanes.size(); ++li) {
        const Lane& lane = d.lanes[li];
        for (std::uint32_t k = 0; k < lane.records.size(); ++k) {
            const ItemState st = items[d.records[lane.records[k]].item].state;
            const bool inBatch = lane.batchEnd != kNone && k >= lane.checkpoint && k < lane.batchEnd;
            const bool ok = k < lane.checkpoint ? st == ItemState::Done
                            : inBatch          ? (st == ItemState::InFlight || st == ItemState::Done)
                                               : (st == ItemState::Visible || st == ItemState::Done);
            if (!ok) {
                problems.push_back("stream record " + m_engine.itemId(d.records[lane.records[k]].item) + ": state " +
                                   itemStateName(st) + " at lane position " + std::to_string(k));
                return;
            }
        }
        if ((lane.state == LaneState::Invoking || lane.state == LaneState::RetryWait) && lane.batchEnd == kNone)
            problems.push_back("stream lane " + std::to_string(li) + ": busy without a batch");
    }
    for (const Stream& s : d.streams) {
        std::uint32_t unread = 0, inBatches = 0;
        for (std::uint32_t r : s.order) {
            const ItemState st = items[d.records[r].item].state;
            if (st == ItemState::Visible) ++unread;
            if (st == ItemState::InFlight) ++inBatches;
        }
        const NodeCounters& c = m_engine.counters(s.node);
        if (unread != s.unread || c.visible != unread)
            problems.push_back("stream " + m_engine.node(s.node).id + ": unread count off");
        if (inBatches != s.inBatches || c.inFlight != inBatches)
            problems.push_back("stream " + m_engine.node(s.node).id + ": in-batch count off");
    }
}

}  // namespace pg::sim
