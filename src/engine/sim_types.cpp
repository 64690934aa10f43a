// Spellings of the engine's enums, as they appear in summaries, traces and AWS records.
#include "sim_types.hpp"

namespace pg::sim {

const char* itemOutcomeName(ItemOutcome outcome) {
    switch (outcome) {
    case ItemOutcome::Pending: return "pending";
    case ItemOutcome::Succeeded: return "succeeded";
    case ItemOutcome::ErrorReturned: return "error_returned";
    case ItemOutcome::Throttled: return "throttled";
    case ItemOutcome::TimedOut: return "timed_out";
    case ItemOutcome::DeadLettered: return "dead_lettered";
    case ItemOutcome::SentToDestination: return "sent_to_destination";
    case ItemOutcome::Expired: return "expired";
    case ItemOutcome::Dropped: return "dropped";
    }
    return "unknown";
}

const char* itemStateName(ItemState state) {
    switch (state) {
    case ItemState::Queued: return "queued";
    case ItemState::Waiting: return "waiting";
    case ItemState::Running: return "running";
    case ItemState::Done: return "done";
    case ItemState::Visible: return "visible";
    case ItemState::InFlight: return "in_flight";
    }
    return "unknown";
}

const char* conditionName(Condition condition) {
    switch (condition) {
    case Condition::None: return "";
    case Condition::Success: return "Success";
    case Condition::RetriesExhausted: return "RetriesExhausted";
    case Condition::EventAgeExceeded: return "EventAgeExceeded";
    case Condition::ZeroReservedConcurrency: return "ZeroReservedConcurrency";
    case Condition::RetryAttemptsExhausted: return "RetryAttemptsExhausted";
    case Condition::RecordAgeExceeded: return "RecordAgeExceeded";
    case Condition::RecursiveLoop: return "RecursiveInvocationException";
    }
    return "";
}

const char* invokeResultName(InvokeResult result) {
    switch (result) {
    case InvokeResult::None: return "none";
    case InvokeResult::Success: return "success";
    case InvokeResult::Error: return "error";
    case InvokeResult::Timeout: return "timeout";
    }
    return "none";
}

const char* throttleReasonName(ThrottleReason reason) {
    switch (reason) {
    case ThrottleReason::None: return "";
    case ThrottleReason::ReservedConcurrency: return "ReservedFunctionConcurrentInvocationLimitExceeded";
    case ThrottleReason::AccountConcurrency: return "ConcurrentInvocationLimitExceeded";
    case ThrottleReason::ScalingRate: return "ScalingRateExceeded";
    }
    return "";
}

const char* traceKindName(TraceKind kind) {
    switch (kind) {
    case TraceKind::Arrival: return "arrival";
    case TraceKind::Accepted: return "accepted";
    case TraceKind::InvokeStart: return "invoke_start";
    case TraceKind::InvokeEnd: return "invoke_end";
    case TraceKind::Throttled: return "throttled";
    case TraceKind::Response: return "response";
    case TraceKind::IntegrationTimeout: return "integration_timeout";
    case TraceKind::RetryScheduled: return "retry_scheduled";
    case TraceKind::Requeued: return "requeued";
    case TraceKind::FailureHandled: return "failure_handled";
    case TraceKind::Delivered: return "delivered";
    case TraceKind::Finished: return "finished";
    case TraceKind::Received: return "received";
    case TraceKind::ReturnedVisible: return "returned_visible";
    case TraceKind::BatchRead: return "batch_read";
    case TraceKind::Bisected: return "bisected";
    case TraceKind::Sent: return "sent";
    case TraceKind::RecursionStopped: return "recursion_stopped";
    case TraceKind::WindowFinal: return "window_final";
    }
    return "unknown";
}

}  // namespace pg::sim
