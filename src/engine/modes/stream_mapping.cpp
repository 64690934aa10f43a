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
#include "../key_template.hpp"
#include "mapping_edges.hpp"
#include "stream_lanes.hpp"

namespace pg::sim {

StreamMapping::StreamMapping(ModeContext context) : ModeHandler(context), m_impl(std::make_unique<Impl>()) {}
StreamMapping::~StreamMapping() = default;

// [SECTION] lanes and polling

// Lazy runs of a burst's lists (ChunkedVector::appendLazy): consecutive indices, one value, consecutive records.
static void fillCounting(const std::uint32_t& first, std::uint32_t k0, std::uint32_t* out, std::size_t n) {
    for (std::size_t i = 0; i < n; ++i) out[i] = first + k0 + static_cast<std::uint32_t>(i);
}
static void fillSame(const std::uint32_t& value, std::uint32_t, std::uint32_t* out, std::size_t n) {
    std::fill_n(out, n, value);
}
static void fillRecords(const StreamRecord& first, std::uint32_t k0, StreamRecord* out, std::size_t n) {
    for (std::size_t i = 0; i < n; ++i) {
        out[i] = first;
        out[i].item += k0 + static_cast<std::uint32_t>(i);
        out[i].sequence += k0 + static_cast<std::uint32_t>(i);
    }
}

void StreamLanes::skipDone(std::uint32_t laneIndex) {
    StreamLane& lane = m_data.lanes[laneIndex];
    while (lane.checkpoint < lane.records.size() && recordDone(laneIndex, lane.checkpoint)) {
        ++lane.checkpoint;
        if (lane.batchEnd != kNone && lane.checkpoint >= lane.batchEnd) lane.batchEnd = kNone;
    }
    while (!lane.splitEnds.empty() && lane.splitEnds.back() <= lane.checkpoint) lane.splitEnds.pop_back();
}

std::uint32_t StreamLanes::addRecord(std::uint32_t streamIndex, std::uint32_t item, std::uint32_t number) {
    MappedStream& s = m_data.streams[streamIndex];
    static const std::string kNumberKey = "{n}";  // no partition key template: the record number
    const std::string& keyTemplate = m_context.node(s.node).traffic.partitionKey;
    const std::uint32_t keyHash = keyTemplateHash(keyTemplate.empty() ? kNumberKey : keyTemplate, number);
    StreamRecord r;
    r.arrival = m_context.now();
    r.item = item;
    r.shard = keyHash % s.shards;
    r.sequence = ++s.shardSequence[r.shard];
    const bool read = s.function != kNone && r.arrival >= s.startAt;
    if (read) r.lane = s.firstLane + r.shard * s.parallelizationFactor + (keyHash / s.shards) % s.parallelizationFactor;
    const auto index = static_cast<std::uint32_t>(m_data.records.size());
    m_data.records.push_back(r);
    if (m_data.recordOfItem.size() < item)
        m_data.recordOfItem.appendLazy(kNone, item - m_data.recordOfItem.size(), fillSame);
    if (m_data.recordOfItem.size() == item)
        m_data.recordOfItem.push_back(index);
    else
        m_data.recordOfItem[item] = index;
    noteLinkWritten(item);
    s.order.push_back(index);
    if (!read) return kNone;
    m_data.lanes[r.lane].records.push_back(index);
    return r.lane;
}

void StreamLanes::noteLinkWritten(std::uint32_t item) {
    const std::size_t c = item >> ChunkedVector<std::uint32_t>::kShift;
    if (m_data.linksWritten.size() <= c) m_data.linksWritten.resize(c + 1, false);
    m_data.linksWritten[c] = true;
}

void StreamLanes::addRecordRun(std::uint32_t streamIndex, std::uint32_t item, std::uint32_t number,
                               std::uint32_t count) {
    (void)number;  // one shard, one lane: the partition key's hash places nothing
    MappedStream& s = m_data.streams[streamIndex];
    StreamRecord r;
    r.arrival = m_context.now();
    r.item = item;
    r.shard = 0;
    r.sequence = s.shardSequence[0] + 1;
    s.shardSequence[0] += count;
    const bool read = s.function != kNone && r.arrival >= s.startAt;
    if (read) r.lane = s.firstLane;
    const auto index = static_cast<std::uint32_t>(m_data.records.size());
    m_data.records.appendLazy(r, count, fillRecords);
    if (m_data.recordOfItem.size() < item)
        m_data.recordOfItem.appendLazy(kNone, item - m_data.recordOfItem.size(), fillSame);
    if (m_data.recordOfItem.size() == item) {
        m_data.recordOfItem.appendLazy(index, count, fillCounting);
    } else {
        for (std::uint32_t k = 0; k < count; ++k) {
            if (m_data.recordOfItem.size() == item + k) m_data.recordOfItem.push_back(index + k);
            else m_data.recordOfItem[item + k] = index + k;
            noteLinkWritten(item + k);
        }
    }
    s.order.appendLazy(index, count, fillCounting);
    if (read) m_data.lanes[r.lane].records.appendLazy(index, count, fillCounting);
}

void StreamLanes::startNext(std::uint32_t laneIndex) {
    skipDone(laneIndex);
    letGo(laneIndex);
    if (windowDue(laneIndex)) return;  // a tumbling window's final invoke comes before the next window's records
    StreamLane& lane = m_data.lanes[laneIndex];
    const MappedStream& s = m_data.streams[lane.stream];
    if (lane.checkpoint >= lane.records.size()) {
        lane.state = StreamLaneState::Idle;
        return;
    }
    if (recordAt(laneIndex, lane.checkpoint).arrival <= lane.lastPollAt) {  // already fetched by the last poll
        poll(laneIndex);
        return;
    }
    // Next poll tick (model choice stream_poll_ticks): polls run at multiples of the interval, at most one
    // per interval; a record is read at the first tick strictly after its arrival.
    const SimTime afterNow = m_context.now() / s.interval + 1;
    const SimTime afterLast =
        lane.lastPollAt <= -s.interval ? 0 : (lane.lastPollAt + s.interval + s.interval - 1) / s.interval;
    const SimTime tick = std::max(afterNow, afterLast) * s.interval;
    lane.state = StreamLaneState::PollScheduled;
    m_context.schedule(tick, kPoll, laneIndex, lane.generation);
}

void StreamLanes::poll(std::uint32_t laneIndex) {
    StreamLane& lane = m_data.lanes[laneIndex];
    MappedStream& s = m_data.streams[lane.stream];
    const SimTime now = m_context.now();
    // Batch bounds: a pending bisect half, else up to batch_size records fetched by the last poll.
    std::uint32_t end = lane.checkpoint;
    const std::uint32_t cap =
        lane.splitEnds.empty()
            ? static_cast<std::uint32_t>(std::min<std::size_t>(lane.records.size(), lane.checkpoint + s.batchSize))
            : lane.splitEnds.back();
    while (end < cap && recordAt(laneIndex, end).arrival <= lane.lastPollAt) ++end;
    // Tumbling window: a batch holds records of one window (model choice stream_tumbling_window).
    bool cut = false;
    if (s.tumbling > 0) {
        const std::int64_t firstWindow = windowOf(s, recordAt(laneIndex, lane.checkpoint));
        for (std::uint32_t k = lane.checkpoint; k < end; ++k)
            if (windowOf(s, recordAt(laneIndex, k)) != firstWindow) {
                end = k;
                cut = true;
                break;
            }
    }
    // Batching window: wait for a full batch or the window after the first record.
    if (s.window > 0 && !cut && lane.splitEnds.empty() && end - lane.checkpoint < s.batchSize &&
        now < recordAt(laneIndex, lane.checkpoint).arrival + s.window) {
        lane.state = StreamLaneState::PollScheduled;
        m_context.schedule(recordAt(laneIndex, lane.checkpoint).arrival + s.window, kPoll, laneIndex,
                          lane.generation);
        lane.lastPollAt = -kNever;  // the window's poll fetches again
        return;
    }
    lane.invokes = lane.retries = lane.throttles = 0;
    // MaximumRecordAge: records already too old when read are discarded without an invocation; the
    // on-failure record still says approximateInvokeCount 1 (FIDELITY 6.3 [O] discard_records). The rest of
    // the fetched records go on at once (discard starts the next batch).
    if (s.maxRecordAge >= 0 && now - recordAt(laneIndex, lane.checkpoint).arrival > s.maxRecordAge) {
        std::uint32_t old = lane.checkpoint;
        while (old < end && now - recordAt(laneIndex, old).arrival > s.maxRecordAge) ++old;
        markRead(laneIndex, old);
        lane.lastResult = InvokeResult::None;
        discard(laneIndex, Condition::RecordAgeExceeded);
        return;
    }
    markRead(laneIndex, end);
    invoke(laneIndex);
}

void StreamLanes::markRead(std::uint32_t laneIndex, std::uint32_t end) {
    StreamLane& lane = m_data.lanes[laneIndex];
    MappedStream& s = m_data.streams[lane.stream];
    lane.batchEnd = end;
    if (s.tumbling > 0 && end > lane.checkpoint) {
        lane.window = windowOf(s, recordAt(laneIndex, lane.checkpoint));
        lane.windowLastItem = recordAt(laneIndex, end - 1).item;
        lane.windowLastPosition = end - 1;
    }
    NodeCounters& c = m_context.mutableCounters(s.node);
    for (std::uint32_t k = lane.checkpoint; k < end; ++k) {
        const std::uint32_t item = recordAt(laneIndex, k).item;
        m_context.setItemState(item, ItemState::InFlight);
        m_context.record(TraceKind::BatchRead, item, s.node, 0, 0,
                        static_cast<std::uint16_t>(recordAt(laneIndex, k).shard));
        --s.unread;
        ++s.inBatches;
        --c.visible;
        ++c.inFlight;
        ++c.receives;
    }
}

void StreamLanes::onPoll(std::uint32_t laneIndex) {
    skipDone(laneIndex);
    StreamLane& lane = m_data.lanes[laneIndex];
    if (lane.checkpoint >= lane.records.size()) {
        lane.state = StreamLaneState::Idle;
        startNext(laneIndex);  // a tumbling window may still owe its final invoke
        return;
    }
    lane.state = StreamLaneState::Idle;
    if (windowDue(laneIndex)) return;
    lane.lastPollAt = m_context.now();
    poll(laneIndex);
}

// [SECTION] retention

void StreamLanes::armExpiry(std::uint32_t streamIndex) {
    MappedStream& s = m_data.streams[streamIndex];
    while (s.expiryCursor < s.order.size() &&
           m_context.items()[m_data.records[s.order[s.expiryCursor]].item].state == ItemState::Done)
        passedExpiry(streamIndex, s.order[s.expiryCursor++]);
    if (s.expiryPending || s.expiryCursor >= s.order.size()) return;
    s.expiryPending = true;
    m_context.schedule(m_data.records[s.order[s.expiryCursor]].arrival + s.retention, kExpiry, streamIndex);
}

void StreamLanes::expire(std::uint32_t streamIndex) {
    MappedStream& s = m_data.streams[streamIndex];
    s.expiryPending = false;
    NodeCounters& c = m_context.mutableCounters(s.node);
    while (s.expiryCursor < s.order.size()) {
        const std::uint32_t recordIndex = s.order[s.expiryCursor];
        const StreamRecord r = m_data.records[recordIndex];  // a copy: letting go may free its chunk
        if (r.arrival + s.retention > m_context.now()) break;
        ++s.expiryCursor;
        const ItemState state = m_context.items()[r.item].state;
        if (state == ItemState::Done) {
            passedExpiry(streamIndex, recordIndex);
            continue;
        }
        if (state == ItemState::Visible) {
            --s.unread;
            --c.visible;
        } else {
            --s.inBatches;
            --c.inFlight;
        }
        ++c.expired;
        m_context.finishItem(r.item, ItemOutcome::Expired, kNone, Condition::None);
        passedExpiry(streamIndex, recordIndex);
        if (r.lane != kNone && m_data.lanes[r.lane].state == StreamLaneState::Idle) startNext(r.lane);
    }
    armExpiry(streamIndex);
    noteMetrics(streamIndex);
}

void StreamLanes::noteMetrics(std::uint32_t streamIndex) {
    if (!m_context.metrics().enabled()) return;
    m_context.mutableMetrics().queueAt(m_data.streams[streamIndex].node, m_context.now(), nodeUnread(streamIndex),
                                      nodeInBatches(streamIndex), 0);
}

std::uint32_t StreamLanes::nodeUnread(std::uint32_t streamIndex) const {
    const std::uint32_t first = streamIndex - m_data.streams[streamIndex].mapping;
    std::uint32_t sum = 0;
    for (std::uint32_t k = 0; k < m_data.streams[first].mappings; ++k) sum += m_data.streams[first + k].unread;
    return sum;
}

std::uint32_t StreamLanes::nodeInBatches(std::uint32_t streamIndex) const {
    const std::uint32_t first = streamIndex - m_data.streams[streamIndex].mapping;
    std::uint32_t sum = 0;
    for (std::uint32_t k = 0; k < m_data.streams[first].mappings; ++k) sum += m_data.streams[first + k].inBatches;
    return sum;
}

// [SECTION] letting go (keepFinishedItems off)

// A record is read by its lane until the checkpoint passes it (and, in a tumbling window, until the window's
// final invoke has named its last record) and by the retention scan until the expiry cursor passes it. Past
// both, it and its item are let go. Moving the expiry cursor past finished records early changes nothing:
// armExpiry and expire skip them the same way (records are in arrival order, finished stays finished).

void StreamLanes::letGo(std::uint32_t laneIndex) {
    if (!m_data.retiring) return;
    const std::uint32_t streamIndex = m_data.lanes[laneIndex].stream;
    MappedStream& s = m_data.streams[streamIndex];
    while (s.expiryCursor < s.order.size() &&
           m_context.items()[m_data.records[s.order[s.expiryCursor]].item].state == ItemState::Done)
        passedExpiry(streamIndex, s.order[s.expiryCursor++]);
    releaseLane(laneIndex);
}

void StreamLanes::passedExpiry(std::uint32_t streamIndex, std::uint32_t recordIndex) {
    if (!m_data.retiring) return;
    MappedStream& s = m_data.streams[streamIndex];
    constexpr std::size_t kShift = ChunkedVector<std::uint32_t>::kShift;
    while (((s.orderReleasedChunks + 1) << kShift) <= s.expiryCursor)
        s.order.releaseChunk(s.orderReleasedChunks++);
    const std::uint32_t lane = m_data.records[recordIndex].lane;
    if (lane == kNone) {
        retireRecord(recordIndex);  // never read: only the retention scan knew it
        return;
    }
    ++m_data.lanes[lane].expiryPassed;
    releaseLane(lane);
}

void StreamLanes::releaseLane(std::uint32_t laneIndex) {
    StreamLane& lane = m_data.lanes[laneIndex];
    std::uint32_t bound = std::min(lane.checkpoint, lane.expiryPassed);
    if (lane.windowLastItem != kNone) bound = std::min(bound, lane.windowLastPosition);
    // A chunk's worth behind: a burst's records and items fill chunks in lane order, and a chunk compacted
    // (ChunkRetirement) while the lane still reads its later elements would make each of those reads a search.
    constexpr std::uint32_t kLag = static_cast<std::uint32_t>(ChunkedVector<Item>::kChunk);
    if (bound <= kLag) return;
    bound -= kLag;
    if (lane.released >= bound) return;
    const std::uint32_t from = lane.released;
    for (; lane.released < bound; ++lane.released) retireRecord(lane.records[lane.released]);
    constexpr std::size_t kShift = ChunkedVector<std::uint32_t>::kShift;
    for (std::size_t c = from >> kShift; ((c + 1) << kShift) <= lane.released; ++c) lane.records.releaseChunk(c);
}

void StreamLanes::retireRecord(std::uint32_t recordIndex) {
    StreamRecord& r = m_data.records[recordIndex];
    const std::uint32_t item = r.item;
    r.item = kNone;  // (recordPosition tells a let-go record by it while its chunk is held)
    m_context.retireItem(item);
    const std::size_t c = recordIndex >> ChunkedVector<StreamRecord>::kShift;
    if (m_data.recordsLetGo.size() <= c) m_data.recordsLetGo.resize(c + 1, 0);
    if (++m_data.recordsLetGo[c] == ChunkedVector<StreamRecord>::kChunk) m_data.records.releaseChunk(c);
}

// [SECTION] setup

/// A mapping's settings from its edge (FIDELITY 6.1 defaults when unset).
static void configureMapping(MappedStream& s, const Edge& edge, std::uint32_t onFailure) {
    s.batchSize = static_cast<std::uint32_t>(std::max(1, edge.batchSize.value_or(100)));
    s.window = std::max<SimTime>(0, edge.batchingWindow);
    s.maxRetry = edge.maximumRetryAttempts;
    s.maxRecordAge = edge.maximumRecordAge;
    s.bisect = edge.bisectBatchOnFunctionError;
    s.parallelizationFactor = static_cast<std::uint32_t>(std::min(10, std::max(1, edge.parallelizationFactor)));
    s.reportBatchItemFailures = edge.reportBatchItemFailures;
    s.onFailure = onFailure;
    s.tumbling = std::max<SimTime>(0, edge.tumblingWindow);
    s.stateBytesPerRecord = static_cast<std::uint64_t>(std::max<std::int64_t>(0, edge.windowStateBytesPerRecord));
    // AT_TIMESTAMP (Kinesis only): records before the timestamp are never read. TRIM_HORIZON and LATEST read
    // everything: the mapping exists from time 0 (model choice stream_starting_position).
    if (edge.startingPosition == StartingPosition::AtTimestamp && !s.dynamoDb) s.startAt = edge.startingPositionTimestamp;
}

void StreamMapping::start() {
    Impl& d = *m_impl;
    d.streams.clear();
    d.lanes.clear();
    d.records.clear();
    d.recordOfItem.clear();
    d.recordsLetGo.clear();
    d.linksWritten.clear();
    d.retiring = !m_context.keepsFinishedItems();
    const std::size_t n = m_context.nodeCount();
    d.streamOfNode.assign(n, kNone);
    for (std::uint32_t i = 0; i < n; ++i) {
        const Node& node = m_context.node(i);
        if (!handlesNodeType(node.type)) continue;
        // One MappedStream per mapping (edge to a function, in edge order; mapping 0 = targetFunction), or one
        // that reads nothing when the stream has no function.
        const std::vector<MappingEdge> mappings = mappingEdgesOf(m_context, i);
        const auto count = static_cast<std::uint32_t>(std::max<std::size_t>(1, mappings.size()));
        d.streamOfNode[i] = static_cast<std::uint32_t>(d.streams.size());
        for (std::uint32_t mapping = 0; mapping < count; ++mapping) {
            MappedStream s;
            s.node = i;
            s.mapping = mapping;
            s.mappings = count;
            s.dynamoDb = node.type == NodeType::DynamoDbStream;
            s.shards = static_cast<std::uint32_t>(std::max(1, node.stream.shards));
            s.retention = node.stream.retention;
            s.interval = s.dynamoDb ? kDynamoDbPollInterval : kKinesisPollInterval;
            if (mapping < mappings.size()) {
                s.function = mappings[mapping].function;
                configureMapping(s, *mappings[mapping].edge, m_context.nodeIndex(mappings[mapping].edge->onFailure));
            }
            s.firstLane = static_cast<std::uint32_t>(d.lanes.size());
            s.shardSequence.assign(s.shards, 0);
            for (std::uint32_t shard = 0; shard < s.shards; ++shard)
                for (std::uint32_t sub = 0; sub < s.parallelizationFactor; ++sub) {
                    StreamLane lane;
                    lane.stream = static_cast<std::uint32_t>(d.streams.size());
                    lane.shard = shard;
                    lane.sub = sub;
                    d.lanes.push_back(std::move(lane));
                }
            d.streams.push_back(std::move(s));
        }
    }
    if (!d.streams.empty()) m_context.mutableMetrics().resetQueues(n);
}

// [SECTION] arrivals and events

void StreamMapping::onArrival(std::uint32_t node, std::uint32_t number) {
    // Every mapping reads every record: each gets its own copy, in mapping order (FIDELITY 10; Lambda DG
    // "Using Lambda with Kinesis": each event source mapping has its own iterator per shard).
    const std::uint32_t first = m_impl->streamOfNode[node];
    const std::uint32_t mappings = m_impl->streams[first].mappings;
    for (std::uint32_t mapping = 0; mapping < mappings; ++mapping) arriveAt(first + mapping, number);
}

void StreamMapping::arriveAt(std::uint32_t streamIndex, std::uint32_t number) {
    Impl& d = *m_impl;
    MappedStream& s = d.streams[streamIndex];
    const std::uint32_t node = s.node;
    const std::uint32_t item = m_context.createItem(node, number, s.function, ItemState::Visible);
    NodeCounters& c = m_context.mutableCounters(node);
    if (s.mapping == 0) ++c.sent;  // a record put to the stream once; every mapping's copy is visible to it
    ++c.visible;
    ++s.unread;
    StreamLanes streamLanes(m_context, d);
    const std::uint32_t laneIndex = streamLanes.addRecord(streamIndex, item, number);
    streamLanes.armExpiry(streamIndex);
    if (laneIndex != kNone) {
        StreamLane& lane = d.lanes[laneIndex];
        // A record of the open tumbling window, arriving while its final invoke waits for the window's end, is
        // read first: the final invoke comes after it.
        if (lane.state == StreamLaneState::FinalWait && s.tumbling > 0 && lane.finalTries == 0 &&
            !lane.terminateEarly && m_context.now() / s.tumbling == lane.window) {
            ++lane.generation;
            lane.state = StreamLaneState::Idle;
        }
        if (lane.state == StreamLaneState::Idle) streamLanes.startNext(laneIndex);
    }
    streamLanes.noteMetrics(streamIndex);
}

void StreamMapping::onArrivals(std::uint32_t node, std::uint32_t first, std::uint32_t count) {
    Impl& d = *m_impl;
    const std::uint32_t streamIndex = d.streamOfNode[node];
    MappedStream& s = d.streams[streamIndex];
    if (count == 0) return;
    // Record by record (onArrival) when a lane could read at once (a poll already ran at this instant) or a
    // tumbling window could close: the first record would be read before the next arrives. Otherwise arriving
    // records only queue and schedule polls, so the items are made together and lazily (createItems), the
    // rest per record in the same order as onArrival: the same trace, events and metrics.
    const SimTime now = m_context.now();
    bool oneByOne = s.tumbling > 0 || s.mappings > 1;  // several mappings: copies made record by record
    for (std::uint32_t offset = 0; offset < s.shards * s.parallelizationFactor && !oneByOne; ++offset)
        oneByOne = d.lanes[s.firstLane + offset].lastPollAt >= now;
    if (oneByOne) {
        for (std::uint32_t k = 0; k < count; ++k) onArrival(node, first + k);
        return;
    }
    const std::uint32_t base = m_context.createItems(node, first, count, s.function, ItemState::Visible);
    NodeCounters& c = m_context.mutableCounters(node);
    c.sent += count;
    c.visible += count;
    StreamLanes streamLanes(m_context, d);
    for (std::uint32_t k = 0; k < count; ++k) {
        ++s.unread;
        const std::uint32_t laneIndex = streamLanes.addRecord(streamIndex, base + k, first + k);
        if (k == 0) streamLanes.armExpiry(streamIndex);  // later records expire no earlier: only the first can arm it
        if (laneIndex != kNone && d.lanes[laneIndex].state == StreamLaneState::Idle)
            streamLanes.startNext(laneIndex);  // schedules a poll only
        if (k == 0)
            streamLanes.noteMetrics(streamIndex);  // a new metrics second is filled from the first record's gauges
        // The rest of a burst to a stream of one lane, busy now or unread: only listed (no poll, no gauge until
        // the one below), so listed at once and lazily; a million-record burst writes nothing until it is read.
        if (k == 0 && count >= 64 && s.shards * s.parallelizationFactor == 1 &&
            (laneIndex == kNone || d.lanes[laneIndex].state != StreamLaneState::Idle)) {
            s.unread += count - 1;
            streamLanes.addRecordRun(streamIndex, base + 1, first + 1, count - 1);
            break;
        }
    }
    streamLanes.noteMetrics(streamIndex);
}

void StreamMapping::onEvent(const Event& event) {
    Impl& d = *m_impl;
    StreamLanes streamLanes(m_context, d);
    switch (event.kind) {
    case StreamLanes::kPoll: {
        StreamLane& lane = d.lanes[event.a];
        if (lane.generation != event.b || lane.state != StreamLaneState::PollScheduled) return;
        streamLanes.onPoll(event.a);
        streamLanes.noteMetrics(lane.stream);
        return;
    }
    case StreamLanes::kRetry: {
        StreamLane& lane = d.lanes[event.a];
        if (lane.generation != event.b || lane.state != StreamLaneState::RetryWait) return;
        streamLanes.retry(event.a);
        streamLanes.noteMetrics(lane.stream);
        return;
    }
    case StreamLanes::kExpiry: streamLanes.expire(event.a); return;
    case StreamLanes::kFinal: {
        StreamLane& lane = d.lanes[event.a];
        if (lane.generation != event.b || lane.state != StreamLaneState::FinalWait) return;
        lane.state = StreamLaneState::Idle;
        streamLanes.startNext(event.a);
        streamLanes.noteMetrics(lane.stream);
        return;
    }
    default: return;
    }
}

void StreamMapping::onItemChunkReleased(std::size_t chunk) {
    // Every item of the chunk is gone for good: so is its record link (when the link array covers it whole).
    // A lazily listed chunk (a burst's) holds no memory: releasing it would only write it first.
    ChunkedVector<std::uint32_t>& links = m_impl->recordOfItem;
    if (chunk < m_impl->linksWritten.size() && m_impl->linksWritten[chunk] &&
        ((chunk + 1) << ChunkedVector<std::uint32_t>::kShift) <= links.size() && !links.compacted(chunk))
        links.releaseChunk(chunk);
}

void StreamMapping::onInvocationEnd(std::uint32_t function, const ExecutionEnvironment& invocation) {
    (void)function;
    StreamLanes streamLanes(m_context, *m_impl);
    streamLanes.onEnd(invocation.token, invocation);
    streamLanes.noteMetrics(m_impl->lanes[invocation.token].stream);
}

}  // namespace pg::sim
