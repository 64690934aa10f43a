// Asynchronous sources (FIDELITY 1 and 5): sns, s3, ses, cloudformation, cloudwatch_logs, eventbridge,
// codecommit, config. 202 at once; the function's internal queue; retries after function errors (1 min,
// 2 min); max event age with look-ahead; throttle backoff that does not consume retries; reserved
// concurrency 0 straight to failure handling; on-success/on-failure destinations and the function DLQ.
#pragma once
#include "mode_handler.hpp"

namespace pg::sim {

/// Wait before async retry number `retry` (1-based) after a function error: 60 s x retry (FIDELITY 5.1/7).
constexpr SimTime asyncRetryWait(int retry) { return 60 * kSecond * retry; }
/// Backoff after the n-th consecutive throttle (1-based): min(2^(n-1), 300) s (FIDELITY 7).
SimTime asyncThrottleBackoff(int throttles);

class AsyncInvoke final : public ModeHandler {
public:
    using ModeHandler::ModeHandler;
    const char* name() const override { return "async"; }
    bool handlesNodeType(NodeType type) const override;
    void onArrival(std::uint32_t node, std::uint32_t number) override;
    void onEvent(const Event& event) override { onEvent(event.kind, event.a); }
    /// The event's fields as values (Engine::step calls it directly: no Event in memory).
    void onEvent(std::uint16_t kind, std::uint32_t a);
    void onInvocationEnd(std::uint32_t function, const ExecutionEnvironment& invocation) override;
    /// Some concurrency was released (by `function`): events waiting in the internal queue may start. The
    /// engine calls it after every invocation end (the only mode with work waiting for capacity).
    /// Inline: it runs after every invocation end, and its internal queue is most often empty.
    void onCapacityFreed(std::uint32_t function) {
        if (!m_context.function(function).asyncQueue.empty()) pump(function);
    }
    void onDelivered(std::uint32_t node, std::uint32_t deliveryIndex) override;
    /// An invocation record delivered to a function (an on-success / on-failure destination): Lambda invokes
    /// that function asynchronously with the record as its payload (Lambda DG invocation-async-retain-records).
    void onDeliveredToFunction(std::uint32_t functionNode, std::uint32_t deliveryIndex);
    void checkInvariants(std::vector<std::string>& problems) const override;

private:
    enum Kind : std::uint16_t { kRequeue = 0 };
    /// Lambda accepts one event for the item's function (202) and queues it.
    void accept(std::uint32_t item);
    /// Delivers topic event `event` to each subscribed sqs queue as a new message there.
    void publish(std::uint32_t event, const std::vector<std::uint32_t>& queues);
    void pump(std::uint32_t function);
    /// pump's body, inlined into accept and onEvent (once per async event and per retry: a call fewer).
    void pumpInline(std::uint32_t function);
    /// `it` is item `item` (one lookup per handler: see async_invoke.cpp).
    void waitThenRequeue(std::uint32_t item, Item& it, SimTime wait);
    void fail(std::uint32_t item, Condition condition);
    void succeed(std::uint32_t item, Item& it);
    /// succeed() with an on-success destination: out of line, so that its record is on no common path's frame.
    __attribute__((noinline)) void succeedToDestination(std::uint32_t item, const Item& it);
    /// onArrival for a source with subscribed queues or other than one function (fan-out).
    __attribute__((noinline)) void arriveFannedOut(std::uint32_t node, std::uint32_t number);
    SimTime age(const Item& it) const;
};

}  // namespace pg::sim
