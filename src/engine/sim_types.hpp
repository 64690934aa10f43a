// Small typed vocabulary shared by the engine: item states and outcomes, failure conditions, trace kinds,
// throttle reasons. Plain enums with stable spellings (names in sim_types.cpp); no strings in the hot path.
#pragma once
#include <cstddef>
#include <cstdint>

namespace pg::sim {

constexpr std::uint32_t kNone = UINT32_MAX;  // "no index" for item/node/function/record references

/// Where an item is right now. Every item is in exactly one state (checked by Engine::checkInvariants).
enum class ItemState : std::uint8_t {
    Queued,   // ready in a function's asynchronous internal queue
    Waiting,  // waiting on a timer: async retry wait, async throttle backoff, client retry backoff
    Running,  // carried by an in-flight invocation (synchronous caller waiting, or async attempt)
    Done,     // final outcome decided
    Visible,  // poll-based: an SQS message visible in its queue, or a stream record not yet read
    InFlight, // poll-based: received (hidden by the visibility timeout) or in a stream batch being processed
};
constexpr int kItemStateCount = 6;

/// The invocation modes (modes/), in the order they register: the owner of a source node, of an invocation and
/// of a scheduled event. None: a node no mode owns or, as the owner of an event or an invocation, the engine core.
enum class ModeId : std::uint16_t { None, Sync, Async, Sqs, Stream };
constexpr std::size_t kModeCount = 4;  // Sync .. Stream
/// A mode's position in registration order (0 for Sync).
constexpr std::size_t modeSlot(ModeId mode) { return static_cast<std::size_t>(mode) - 1; }

/// Final fate of an item (issue 3 summary contract). Pending while not Done.
enum class ItemOutcome : std::uint8_t {
    Pending,
    Succeeded,
    ErrorReturned,
    Throttled,
    TimedOut,
    DeadLettered,
    SentToDestination,
    Expired,
    Dropped,
};
constexpr int kItemOutcomeCount = 9;

/// Invocation record condition (FIDELITY 5.2). None when the item never produced a record.
enum class Condition : std::uint8_t {
    None, Success, RetriesExhausted, EventAgeExceeded, ZeroReservedConcurrency,
    RetryAttemptsExhausted,  // stream on-failure (FIDELITY 6.3)
    RecordAgeExceeded,       // stream on-failure (FIDELITY 6.3)
    RecursiveLoop,           // recursive loop detection stopped the invocation (model choice recursion_condition)
};

/// What one invocation returned.
enum class InvokeResult : std::uint8_t { None, Success, Error, Timeout };

/// Why an invoke was rejected with 429 (FIDELITY 3).
enum class ThrottleReason : std::uint8_t {
    None,
    ReservedConcurrency,  // ReservedFunctionConcurrentInvocationLimitExceeded
    AccountConcurrency,   // ConcurrentInvocationLimitExceeded
    ScalingRate,          // 1,000 environments per 10 s exhausted ("Rate Exceeded.")
};

/// Trace record kinds. `detail` meaning per kind is given in the comment.
enum class TraceKind : std::uint8_t {
    Arrival,             // source produced the item; node = source
    Accepted,            // async: 202, event placed in the function's internal queue; node = function
    InvokeStart,         // node = function; detail bit 0 = cold start, bits 1-15 = the behaviour rule that
                         // decided (1-based, 0 = none matched; see invokeStartCold / invokeStartRule);
                         // outcome = rule result decided; TraceRecord::environment = its execution environment
    InvokeEnd,           // node = function; outcome = InvokeResult
    Throttled,           // node = function; detail = ThrottleReason
    Response,            // sync: response to the caller; node = source; detail = HTTP status
    IntegrationTimeout,  // API Gateway gave up (504); node = source
    RetryScheduled,      // async retry or client retry timer set; detail = seconds to wait
    Requeued,            // async: timer fired, event back in the internal queue; node = function
    FailureHandled,      // async: final failure; detail = Condition
    Delivered,           // record or message delivered; node = destination/DLQ; detail = Condition
    Finished,            // item reached its final outcome; outcome = ItemOutcome
    // poll-based (modes/sqs_mapping, modes/stream_mapping)
    Received,            // SQS: received by a poller (hidden); node = queue; attempt = receive count
    ReturnedVisible,     // SQS: visibility timeout over, visible again; node = queue; attempt = receive count
    BatchRead,           // stream: record read into a batch; node = stream; detail = shard
    Bisected,            // stream: failed batch split in two; node = stream; detail = records in the first half
    // function code sending messages and Lambda's recursive loop detection (AWS DG invocation-recursion)
    Sent,                // the invocation carrying the item sent a message; node = target sqs/sns; the new
                         // message's Arrival has this record as its cause; detail = the new item's chain depth
    RecursionStopped,    // recursive loop detection stopped the invocation; node = function; detail = chain depth
    WindowFinal,         // stream tumbling window: the final invoke (isFinalInvokeForWindow, no records) started
                         // (outcome 0) or ended (outcome = InvokeResult); item = the window's last record read;
                         // node = function; attempt = try of this final invoke; detail = 1 terminated early
};

const char* itemOutcomeName(ItemOutcome outcome);  // "succeeded", "error_returned", ...
const char* itemStateName(ItemState state);
const char* conditionName(Condition condition);    // "RetriesExhausted", ...; "" for None
const char* invokeResultName(InvokeResult result);
const char* throttleReasonName(ThrottleReason reason);  // AWS Reason code
const char* traceKindName(TraceKind kind);

}  // namespace pg::sim
