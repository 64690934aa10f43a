// Kinesis Data Streams and DynamoDB Streams with their event source mappings (FIDELITY 6.1, 6.3, 6.4, 7, 8.7):
// shards (records placed by partition-key hash), polling once per second (Kinesis) or 4 times per second
// (DynamoDB) per shard, in-order batches from one shard, a failing batch blocking its shard, retries with a
// capped exponential interval, MaximumRetryAttempts, MaximumRecordAgeInSeconds, BisectBatchOnFunctionError,
// ParallelizationFactor (order per partition key), ReportBatchItemFailures (checkpoint at the lowest failed
// record), on-failure destinations receiving batch metadata, retention, iterator age, tumbling windows
// (state carried across a window's invocations, one final invoke per window per shard). Several mappings on one
// stream each read every record (own copy, lanes, checkpoints, retries; model choice stream_several_mappings).
#pragma once
#include <memory>
#include <optional>

#include "mode_handler.hpp"

namespace pg::sim {

/// Wait before stream retry number `retry` (1-based) after a function error, and before re-invoking after the
/// n-th consecutive throttle: 0.5 s x 1.5^(retry-1), capped at 60 s, no jitter (FIDELITY 7 [M] LocalStack
/// backoff without its +-50 % jitter, so runs stay easy to read).
SimTime streamRetryBackoff(int retry);

constexpr SimTime kKinesisPollInterval = 1 * kSecond;        // FIDELITY 6.3 DG-KIN-2022
constexpr SimTime kDynamoDbPollInterval = 250 * kMillisecond;  // FIDELITY 6.4 DG-DDB-2022 "4 times per second"
/// Tumbling window state limit per shard: above it Lambda terminates the window early (FIDELITY 6.3, "1 MB";
/// read as 1 MiB).
constexpr std::uint64_t kMaxWindowStateBytes = 1024 * 1024;

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

class StreamMapping final : public ModeHandler {
public:
    StreamMapping(Engine& engine, std::uint16_t handlerId);
    ~StreamMapping() override;
    const char* name() const override { return "stream"; }
    bool handlesNodeType(NodeType type) const override {
        return type == NodeType::Kinesis || type == NodeType::DynamoDbStream;
    }
    void start() override;
    void onArrival(std::uint32_t node, std::uint32_t number) override;
    void onArrivals(std::uint32_t node, std::uint32_t first, std::uint32_t count) override;
    void onEvent(const Event& event) override;
    void onInvocationEnd(std::uint32_t function, const ExecutionEnvironment& invocation) override;
    void checkInvariants(std::vector<std::string>& problems) const override;

    /// Shards of the stream at `node` as its mapping number `mapping` (0: the first function edge) reads them;
    /// nullopt if it is not a kinesis / dynamodb_stream node or has no such mapping.
    std::optional<StreamView> streamView(std::uint32_t node, std::uint32_t mapping = 0) const;
    /// Event source mappings of the stream at `node` (edges to functions; 1 when it has none, 0 if no stream).
    std::uint32_t mappingCount(std::uint32_t node) const;
    /// Shard (0-based) and per-shard sequence number of a stream record; false if `item` is not one.
    bool recordPosition(std::uint32_t item, std::uint32_t& shard, std::uint64_t& sequence) const;

    struct Impl;  ///< opaque: lanes, records, batches (stream_lanes.hpp)

private:
    /// Record `number` arrives at mapping `streamIndex` (its own item; the first mapping counts it as sent).
    void arriveAt(std::uint32_t streamIndex, std::uint32_t number);
    std::unique_ptr<Impl> m_impl;
};

}  // namespace pg::sim
