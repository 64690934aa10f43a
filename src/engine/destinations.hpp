// What destination and DLQ nodes received, kept as structured records (rendered to AWS's JSON shapes by
// src/scenario/delivered_record_json), and the per-node counters every node type reports.
#pragma once
#include <cstdint>
#include <vector>

#include "sim_time.hpp"
#include "sim_types.hpp"

namespace pg::sim {

enum class DeliveryKind : std::uint8_t {
    InvocationRecord,  ///< on-success / on-failure destination: the FIDELITY 5.2 invocation record
    DeadLetter,        ///< function DLQ: the original event + RequestID/ErrorCode/ErrorMessage (FIDELITY 5.3)
    SqsRedrive,        ///< SQS redrive: the same message (same id and body) moved to the queue's DLQ (FIDELITY 6.2)
    StreamBatchInfo,   ///< stream on-failure: KinesisBatchInfo / DDBStreamBatchInfo metadata (FIDELITY 6.3)
};

/// StreamBatchInfo deliveries only: the discarded batch (its first record is DeliveredRecord::item).
struct StreamBatchInfo {
    std::uint32_t source = kNone;      ///< stream node index
    std::uint32_t lastItem = kNone;    ///< last record of the batch
    std::uint32_t shard = 0;           ///< shardId-<shard, 12 digits>
    std::uint32_t batchSize = 0;
    std::uint64_t startSequence = 0;   ///< per-shard sequence numbers (rendered as Kinesis-style digits)
    std::uint64_t endSequence = 0;
    SimTime firstArrival = 0, lastArrival = 0;
};

/// 56 bytes: one per dead-lettered message of a long run, so kept small (stream batch metadata lives apart).
struct DeliveredRecord {
    SimTime time = 0;
    std::uint32_t node = kNone;      ///< receiving node index
    std::uint32_t item = kNone;
    std::uint32_t function = kNone;  ///< function index the record is about
    std::uint32_t requestId = 0;
    /// The item's id "<origin id>#<number>" and the body it carries, as delivered (Engine::deliver fills them):
    /// rendered later, also once a run that keeps no finished items has let the item itself go.
    std::uint32_t itemOrigin = kNone, itemNumber = 0, bodyOrigin = kNone, bodyNumber = 0;
    std::uint32_t batchInfo = kNone;  ///< StreamBatchInfo kind: index into Engine::batchInfos()
    std::uint16_t approximateInvokeCount = 0;
    DeliveryKind kind = DeliveryKind::InvocationRecord;
    Condition condition = Condition::None;
    InvokeResult lastResult = InvokeResult::None;  ///< result of the last attempt (None: no attempt)
};
static_assert(sizeof(DeliveredRecord) <= 56, "one per delivery: keep it small");

/// Counters per node. Each node type reports the subset that applies (see the runner's summary).
struct NodeCounters {
    // sources
    std::int64_t items = 0;        ///< items produced
    std::int64_t accepted = 0;     ///< async: 202 Accepted
    std::int64_t responses2xx = 0, responses429 = 0, responses500 = 0, responses502 = 0, responses504 = 0;
    std::int64_t clientRetries = 0;
    std::int64_t unrouted = 0;     ///< items produced with no function wired (dropped)
    // functions
    std::int64_t invocations = 0, errors = 0, timeouts = 0, throttles = 0, coldStarts = 0;
    std::int64_t peakConcurrency = 0;
    std::int64_t asyncRetries = 0;       ///< function-error retries scheduled
    std::int64_t asyncThrottleRetries = 0;
    std::int64_t eventAgeExceeded = 0;
    std::int64_t partialFailures = 0;    ///< successful batch invocations whose response listed failed items
    std::int64_t messagesSent = 0;       ///< messages the function's code sent on its send edges
    std::int64_t recursionStopped = 0;   ///< RecursiveInvocationsDropped: invocations stopped by loop detection
    std::int64_t rejectedResponses = 0;  ///< batch invocations that returned normally but whose response the
                                         ///< mapping rejected (invalid batchItemFailures, missing window state)
    // destinations and queues
    std::int64_t received = 0;     ///< records or messages delivered to this node
    std::int64_t sent = 0, receives = 0, deleted = 0, deadLettered = 0, expired = 0, visible = 0, inFlight = 0;
    // sources again, kept last so the blocks before them read as they did: Cognito's 400, CloudFront's 503
    std::int64_t responses400 = 0, responses503 = 0;
};

}  // namespace pg::sim
