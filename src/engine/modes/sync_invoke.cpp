// Synchronous invocation: request/response, API Gateway status mapping and integration timeout, client
// retries. Model choices: "api_gateway_function_runs_on", "client_retry_statuses" (model_choices.cpp).
#include "sync_invoke.hpp"

#include <algorithm>

#include "../engine.hpp"

namespace pg::sim {

bool SyncInvoke::handlesNodeType(NodeType type) const {
    return invocationModeOf(type) == InvocationMode::Synchronous;
}

int SyncInvoke::statusFor(InvokeResult result, bool throttled, bool apiGateway) {
    if (throttled) return apiGateway ? 500 : 429;                 // FIDELITY 3, 4
    if (result == InvokeResult::Success) return 200;
    return apiGateway ? 502 : 200;  // function error or timeout: 200 + FunctionError "Unhandled" (FIDELITY 2)
}

void SyncInvoke::onArrival(std::uint32_t node, std::uint32_t number) {
    const std::uint32_t item = m_context.createRoutedItem(node, number);
    if (item == kNone) return;
    sendRequest(item);
}

void SyncInvoke::sendRequest(std::uint32_t itemIndex) {
    Item& it = m_context.item(itemIndex);
    ++it.tries;
    it.requestId = m_context.newRequestId();  // every request, retries included, gets a new id
    const Node& source = m_context.node(it.origin);
    const bool apiGateway = source.type == NodeType::ApiGateway;
    SimTime endsAt = 0;
    const ThrottleReason throttle = m_context.startSingle(it.function, itemIndex, it.tries, &endsAt);
    if (throttle != ThrottleReason::None) {
        respond(itemIndex, statusFor(InvokeResult::None, true, apiGateway), ItemOutcome::Throttled);
        return;
    }
    const SimTime now = m_context.now();
    if (apiGateway && endsAt - now > source.integrationTimeout)
        m_context.schedule(now + source.integrationTimeout, kIntegrationTimeout, itemIndex,
                          m_context.item(itemIndex).tries);
}

void SyncInvoke::onInvocationEnd(std::uint32_t /*function*/, const ExecutionEnvironment& invocation) {
    const Item& it = m_context.item(invocation.item);
    // Nobody waits any more if API Gateway already answered 504 (and maybe retried): the run is detached.
    if (it.state != ItemState::Running || it.tries != invocation.token) return;
    const bool apiGateway = m_context.node(it.origin).type == NodeType::ApiGateway;
    ItemOutcome outcome = ItemOutcome::Succeeded;
    if (invocation.result == InvokeResult::Error) outcome = ItemOutcome::ErrorReturned;
    if (invocation.result == InvokeResult::Timeout) outcome = ItemOutcome::TimedOut;
    m_context.item(invocation.item).lastResult = invocation.result;
    respond(invocation.item, statusFor(invocation.result, false, apiGateway), outcome);
}

void SyncInvoke::onEvent(const Event& event) {
    const std::uint32_t itemIndex = event.a;
    if (event.kind == kClientRetry) {
        sendRequest(itemIndex);
    } else if (event.kind == kIntegrationTimeout) {
        const Item& it = m_context.item(itemIndex);
        if (it.state != ItemState::Running || it.tries != event.b) return;
        m_context.record(TraceKind::IntegrationTimeout, itemIndex, it.origin, it.attempts);
        m_context.pinItem(itemIndex);  // the detached run still ends on this item later: never retired
        respond(itemIndex, 504, ItemOutcome::TimedOut);  // INTEGRATION_TIMEOUT (FIDELITY 4)
    }
}

void SyncInvoke::respond(std::uint32_t itemIndex, int status, ItemOutcome outcome) {
    Item& it = m_context.item(itemIndex);
    const Node& source = m_context.node(it.origin);
    NodeCounters& c = m_context.mutableCounters(it.origin);
    switch (status) {
    case 429: ++c.responses429; break;
    case 500: ++c.responses500; break;
    case 502: ++c.responses502; break;
    case 504: ++c.responses504; break;
    default: ++c.responses2xx; break;
    }
    m_context.record(TraceKind::Response, itemIndex, it.origin, it.attempts, static_cast<std::uint8_t>(outcome),
                    static_cast<std::uint16_t>(status));
    const bool retryable = status == 429 || status >= 500;
    if (retryable && it.tries <= source.clientRetry.count) {
        const SimTime wait = source.clientRetry.backoff << (it.tries - 1);  // doubled after each retry
        ++c.clientRetries;
        m_context.setItemState(itemIndex, ItemState::Waiting);
        m_context.record(TraceKind::RetryScheduled, itemIndex, it.origin, it.attempts, 0,
                        static_cast<std::uint16_t>(std::min<SimTime>(wait / kSecond, 65535)));
        m_context.schedule(m_context.now() + wait, kClientRetry, itemIndex);
        return;
    }
    m_context.finishItem(itemIndex, outcome, kNone, Condition::None);
    m_context.retireItem(itemIndex);  // no run, timer or retry refers to it any more (a detached one pinned it)
}

}  // namespace pg::sim
