// What the engine shows about its SQS queues and its streams: plain read-only structs the UI, the runner and the
// tests get from Engine's view API. No mode headers: src/ui reads these, never engine/modes/.
#pragma once
#include <cstdint>
#include <vector>

#include "sim_time.hpp"
#include "sim_types.hpp"

namespace pg::sim {

// [SECTION] SQS queues

enum class SqsMessageState : std::uint8_t {
    Visible,   ///< can be received
    InFlight,  ///< received: hidden until its batch's visibility timeout (or deleted)
    Gone,      ///< deleted, moved to the DLQ or expired
};

/// What the UI shows about one queue.
struct SqsQueueView {
    std::uint32_t node = kNone;
    bool fifo = false;
    std::uint32_t visible = 0, inFlight = 0;
    std::uint32_t dlqDepth = 0;        ///< visible messages in its redrive DLQ (0 without redrive)
    SimTime oldestAge = 0;             ///< ApproximateAgeOfOldestMessage: oldest message still in the queue
    std::uint32_t pollersBusy = 0, pollerLimit = 0;
    SimTime effectiveVisibility = 0;
    std::uint32_t function = kNone;    ///< consumer function index, kNone if none
};

/// The "will loop until ..." view of one message (FIDELITY 8.1).
struct SqsMessageView {
    std::uint32_t item = kNone;
    std::uint32_t queue = kNone;       ///< node index of the queue holding this copy
    std::uint32_t receiveCount = 0;
    SimTime enqueuedAt = 0;
    SimTime firstReceiveAt = -1;
    SimTime loopingFor = 0;            ///< now - first receive (0 before the first receive)
    SimTime retentionEndsAt = 0;       ///< enqueuedAt + retention: without redrive it loops until then
    SimTime visibleAgainAt = -1;       ///< in flight: when its batch's visibility timeout ends
    SqsMessageState state = SqsMessageState::Visible;
    bool willDeadLetter = false;       ///< has a redrive policy: it leaves for the DLQ after maxReceiveCount
    std::uint32_t receivesLeft = 0;    ///< with redrive: receives left before the move to the DLQ
};

// [SECTION] Kinesis and DynamoDB streams

/// One lane = one shard, or one of its ParallelizationFactor sub-shards (records of one partition key).
struct StreamLaneView {
    std::uint32_t shard = 0;
    std::uint32_t lane = 0;              ///< 0 .. ParallelizationFactor-1 within the shard
    std::uint32_t pending = 0;           ///< records at or after the checkpoint, not yet done
    std::uint32_t batchSize = 0;         ///< records in the batch being processed or retried (0: none)
    std::uint32_t invokes = 0;           ///< invocations of the current batch so far
    std::uint32_t retries = 0;           ///< retries used by the current batch
    bool blocked = false;                ///< the current batch failed and waits for a retry
    SimTime nextRetryAt = -1;
    SimTime oldestPendingAge = 0;        ///< age of the oldest record not yet processed
    std::uint64_t checkpointSequence = 0;  ///< sequence number of the next record to process
    // tumbling window (TumblingWindowInSeconds > 0; FIDELITY 6.3, DG-KIN-2022 "Time windows")
    SimTime windowStart = -1, windowEnd = -1;  ///< the open window [start, end); -1 when none is open
    std::uint32_t windowRecords = 0;     ///< records aggregated into the window's current state
    std::uint64_t windowStateBytes = 0;  ///< size of that state (windowStateBytesPerRecord x records)
    std::uint32_t windowsClosed = 0;     ///< final invokes that succeeded (early terminations included)
    bool finalInvoke = false;            ///< the final invoke (isFinalInvokeForWindow) runs or waits to retry
    bool terminatedEarly = false;        ///< the next final invoke ends the window early (state over the limit)
};

struct StreamView {
    std::uint32_t node = kNone;
    std::uint32_t function = kNone;      ///< the mapping's function index (kNone: the stream is not read)
    std::uint32_t mapping = 0, mappings = 1;  ///< this mapping's number and the stream's mapping count
    bool dynamoDb = false;
    std::uint32_t shards = 0, parallelizationFactor = 1;
    std::uint32_t unread = 0, inBatches = 0;
    SimTime lastIteratorAge = 0;         ///< IteratorAge of the last batch that finished
    std::vector<StreamLaneView> lanes;
};

}  // namespace pg::sim
