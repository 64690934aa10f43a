// Kinesis / DynamoDB Streams event source mappings. Model choices (model_choices.cpp): stream_poll_ticks,
// stream_retry_backoff, stream_bisect, stream_partial_failure_batch, stream_record_age_check,
// stream_starting_position, stream_retention_in_batch, stream_invalid_response, invalid_batch_response,
// stream_tumbling_window.
//
// Batches, retries and bisect are in stream_batches.cpp, tumbling windows in stream_windows.cpp, views and
// invariants in stream_views.cpp; the data in stream_lanes.hpp.
//
// Index: [SECTION] lanes and polling  [SECTION] retention  [SECTION] setup  [SECTION] arrivals and events
#include "stream_mapping.hpp"

#include <algorithm>

#include "../engine.hpp"
#include "key_template.hpp"
#include "stream_lanes.hpp"

namespace pg::sim {

StreamMapping::StreamMapping(Engine& engine, std::uint16_t handlerId)
    : ModeHandler(engine, handlerId), m_impl(std::make_unique<Impl>()) {}
StreamMapping::~StreamMapping() = default;

// [SECTION] lanes and polling

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

// [SECTION] arrivals and events

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

}  // namespace pg::sim
