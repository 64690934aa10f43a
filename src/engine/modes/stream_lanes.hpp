// StreamMapping's private data, shared by stream_mapping.cpp, stream_batches.cpp, stream_windows.cpp and
// stream_views.cpp only: records, lanes, streams, the mapping's Impl and StreamLanes, the bookkeeping run on
// the lanes (its small hot helpers inline). Included by nothing outside those files.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "../chunked_vector.hpp"
#include "../engine.hpp"
#include "stream_mapping.hpp"

namespace pg::sim {

struct StreamRecord {
    SimTime arrival = 0;
    std::uint32_t item = kNone;
    std::uint32_t lane = kNone;  // global lane index, kNone if never read (AT_TIMESTAMP skipped)
    std::uint32_t sequence = 0;  // per shard, from 1
    std::uint32_t shard = 0;
};  // item kNone: let go (keepFinishedItems off), never read again

/// FinalWait / FinalInvoking: a tumbling window's final invoke waits (for the window end, a retry or a
/// throttle backoff) or runs; the lane reads nothing meanwhile.
enum class StreamLaneState : std::uint8_t { Idle, PollScheduled, Invoking, RetryWait, FinalWait, FinalInvoking };

struct StreamLane {
    std::uint32_t stream = 0, shard = 0, sub = 0;
    ChunkedVector<std::uint32_t> records;  // record indices in order
    std::uint32_t checkpoint = 0;  // records before it are done
    // Letting go (keepFinishedItems off): positions before `released` were let go; `expiryPassed` of the
    // lane's records (the first ones: the stream's order lists them in lane order) are behind the expiry cursor.
    std::uint32_t released = 0, expiryPassed = 0, windowLastPosition = 0;
    std::uint32_t batchEnd = kNone;  // current batch [checkpoint, batchEnd), kNone if none
    std::vector<std::uint32_t> splitEnds;  // bisect: ends of the halves still to process (top = next)
    std::vector<RuleOutcome> outcomes;
    SimTime lastPollAt = -kNever;
    SimTime nextRetryAt = -1;
    std::uint32_t invokes = 0, retries = 0, throttles = 0, generation = 0;
    StreamLaneState state = StreamLaneState::Idle;
    InvokeResult lastResult = InvokeResult::None;
    // tumbling window (MappedStream::tumbling > 0)
    std::int64_t window = -1;  // open window: arrival / window length; -1 none
    std::uint32_t windowLastItem = kNone;  // last record read in the window (the final invoke's trace item)
    std::uint32_t windowRecords = 0, finalTries = 0, windowsClosed = 0;
    std::uint64_t stateBytes = 0;
    bool terminateEarly = false;  // state over kMaxWindowStateBytes: the next final invoke ends it early
};

/// One event source mapping of a stream (one per edge to a function; one without a function if there is none).
/// Every mapping reads every record (its own copy, own item) with its own lanes, checkpoints and settings.
struct MappedStream {
    std::uint32_t node = kNone;
    std::uint32_t mapping = 0, mappings = 1;  // this mapping's place among its node's (consecutive streams)
    bool dynamoDb = false;
    std::uint32_t shards = 1, parallelizationFactor = 1;
    SimTime retention = 24 * kHour, interval = kKinesisPollInterval;
    std::uint32_t function = kNone, onFailure = kNone;
    std::uint32_t batchSize = 100;
    SimTime window = 0, maxRecordAge = -1, startAt = 0;
    SimTime tumbling = 0;  // TumblingWindowInSeconds, 0 = off
    std::uint64_t stateBytesPerRecord = 0;
    int maxRetry = -1;
    bool bisect = false, reportBatchItemFailures = false;
    std::uint32_t firstLane = 0;
    ChunkedVector<std::uint32_t> order;  // every record, in arrival order (retention)
    std::size_t expiryCursor = 0, orderReleasedChunks = 0;
    std::vector<std::uint32_t> shardSequence;
    std::uint32_t unread = 0, inBatches = 0;
    SimTime lastIteratorAge = 0;
    bool expiryPending = false;
};

struct StreamMapping::Impl {
    std::vector<MappedStream> streams;
    std::vector<std::uint32_t> streamOfNode;
    std::vector<StreamLane> lanes;
    // Chunked: a burst of records is listed lazily (appendLazy) and finished records are let go without
    // keepFinishedItems (once behind their lane's checkpoint and the expiry cursor; letGo).
    ChunkedVector<StreamRecord> records;
    ChunkedVector<std::uint32_t> recordOfItem;
    // Per chunk of records: how many were let go (a chunk is released whole: lanes let go in order, and a chunk
    // compacted half-way would make each later record a search). Per chunk of recordOfItem: written (not lazy).
    std::vector<std::uint16_t> recordsLetGo;
    std::vector<bool> linksWritten;
    bool retiring = false;
    std::vector<std::uint32_t> scratchItems;
    std::vector<std::uint16_t> scratchAttempts;
};

// The bookkeeping of a mapping's lanes (reading, batches, checkpoints, windows, retention), made for one call
// from the engine's mode dispatch over the mode's data. Defined in stream_mapping.cpp (lanes, polling,
// retention), stream_batches.cpp (batches, retries, bisect) and stream_windows.cpp (tumbling windows).
class StreamLanes {
public:
    StreamLanes(ModeContext context, StreamMapping::Impl& data) : m_context(context), m_data(data) {}
    enum EventKind : std::uint16_t { kPoll = 0, kRetry = 1, kExpiry = 2, kFinal = 3 };

    /// Lists stream `streamIndex`'s new record of `item` (number `number`, arriving now): shard and lane from the
    /// hash of its partition key, in the stream's order and, when the stream is read, its lane. Returns that
    /// lane, kNone when unread.
    std::uint32_t addRecord(std::uint32_t streamIndex, std::uint32_t item, std::uint32_t number);
    /// addRecord for `count` records of items `item`... numbered `number`... of a stream with one lane, listed
    /// lazily (nothing is written until read); the caller has added one record of the burst before.
    void addRecordRun(std::uint32_t streamIndex, std::uint32_t item, std::uint32_t number, std::uint32_t count);
    /// Without keepFinishedItems: moves the expiry cursor of the lane's stream past finished records (as
    /// armExpiry does) and lets go of the lane's records that nothing reads any more, with their items.
    void letGo(std::uint32_t laneIndex);
    void startNext(std::uint32_t laneIndex);
    void poll(std::uint32_t laneIndex);
    void onPoll(std::uint32_t laneIndex);
    void markRead(std::uint32_t laneIndex, std::uint32_t end);
    void invoke(std::uint32_t laneIndex);
    void onEnd(std::uint32_t laneIndex, const ExecutionEnvironment& invocation);
    void retry(std::uint32_t laneIndex);
    void expire(std::uint32_t streamIndex);
    void armExpiry(std::uint32_t streamIndex);
    /// The node's queue gauges (records unread / in batches, every mapping's copies) into the metrics.
    void noteMetrics(std::uint32_t streamIndex);
    /// Records of stream `streamIndex`'s node unread / in batches, summed over its mappings.
    std::uint32_t nodeUnread(std::uint32_t streamIndex) const;
    std::uint32_t nodeInBatches(std::uint32_t streamIndex) const;
    bool windowDue(std::uint32_t laneIndex);
    void finalInvoke(std::uint32_t laneIndex);
    void onFinalEnd(std::uint32_t laneIndex, const ExecutionEnvironment& invocation);
    void closeWindow(std::uint32_t laneIndex, bool succeeded);
    std::int64_t windowOf(const MappedStream& s, const StreamRecord& r) const { return r.arrival / s.tumbling; }

private:
    /// The record at `position` in lane `laneIndex`'s list.
    StreamRecord& recordAt(std::uint32_t laneIndex, std::uint32_t position) {
        return m_data.records[m_data.lanes[laneIndex].records[position]];
    }
    bool recordDone(std::uint32_t laneIndex, std::uint32_t position) {
        return m_context.items()[recordAt(laneIndex, position).item].state == ItemState::Done;
    }
    void skipDone(std::uint32_t laneIndex);
    /// The expiry cursor of `streamIndex` moved past record `recordIndex` (finished).
    void passedExpiry(std::uint32_t streamIndex, std::uint32_t recordIndex);
    void releaseLane(std::uint32_t laneIndex);
    void retireRecord(std::uint32_t recordIndex);
    void noteLinkWritten(std::uint32_t item);
    void finishBatch(std::uint32_t laneIndex, std::uint32_t end);
    void failed(std::uint32_t laneIndex, bool functionError);
    void discard(std::uint32_t laneIndex, Condition condition);
    void resetBatch(StreamLane& lane) {
        lane.batchEnd = kNone;
        lane.invokes = lane.retries = lane.throttles = 0;
        lane.nextRetryAt = -1;
        ++lane.generation;
    }

    ModeContext m_context;
    StreamMapping::Impl& m_data;
};

}  // namespace pg::sim
