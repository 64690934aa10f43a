// Synchronous invocation: request/response, each caller's status codes, API Gateway's integration timeout,
// Cognito's 5 s wait and retries, client retries. Model choices: "api_gateway_function_runs_on",
// "client_retry_statuses", "caller_status_codes" (model_choices.cpp).
#include "sync_invoke.hpp"

#include <algorithm>

#include "../engine.hpp"

namespace pg::sim {

bool SyncInvoke::handlesNodeType(NodeType type) const {
    return invocationModeOf(type) == InvocationMode::Synchronous;
}

int SyncInvoke::statusFor(InvokeResult result, bool throttled, NodeType caller) {
    if (!throttled && result == InvokeResult::Success) return 200;
    switch (caller) {
    case NodeType::ApiGateway: return throttled ? 500 : 502;  // FIDELITY 4
    case NodeType::Alb:
        // https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-troubleshooting.html
        // (HTTP 502: the Lambda target failed or returned an invalid response). A throttle is an error from the
        // Lambda target too: 502 (model choice caller_status_codes).
        return 502;
    case NodeType::CloudFront:
        // https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/troubleshooting-response-errors.html:
        // "HTTP 503 status code (function execution error)" and "(Lambda limit exceeded)".
        return 503;
    case NodeType::Cognito:
        // Cognito's API answers a failed trigger with UserLambdaValidationException or UnexpectedLambdaException,
        // both HTTP 400 (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/
        // API_SignUp.html#API_SignUp_Errors).
        return 400;
    default: return throttled ? 429 : 200;  // Lambda's own answer: 429, or 200 + FunctionError (FIDELITY 2, 3)
    }
}

SimTime SyncInvoke::callerWait(const Node& source) {
    if (source.type == NodeType::ApiGateway) return source.integrationTimeout;  // FIDELITY 4
    // https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pools-working-with-lambda-triggers.html
    // (things to know): the function "must respond within 5 seconds"; this timeout can't be changed.
    if (source.type == NodeType::Cognito) return 5 * kSecond;
    return 0;
}

bool SyncInvoke::cognitoRetries(std::uint32_t itemIndex) {
    CognitoCall& call = m_cognitoCalls[itemIndex];
    if (call.inCall + 1 >= kCognitoAttempts) return false;  // "After three unsuccessful attempts" it gives up
    ++call.inCall;
    ++call.total;
    sendRequest(itemIndex);  // at once: Cognito documents no wait between attempts (model choice)
    return true;
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
    SimTime endsAt = 0;
    const ThrottleReason throttle = m_context.startSingle(it.function, itemIndex, it.tries, &endsAt);
    if (throttle != ThrottleReason::None) {
        // A throttle is a call Cognito can retry (model choice caller_status_codes).
        if (source.type == NodeType::Cognito && cognitoRetries(itemIndex)) return;
        respond(itemIndex, statusFor(InvokeResult::None, true, source.type), ItemOutcome::Throttled);
        return;
    }
    const SimTime now = m_context.now(), wait = callerWait(source);
    if (wait > 0 && endsAt - now > wait)
        m_context.schedule(now + wait, kIntegrationTimeout, itemIndex, m_context.item(itemIndex).tries);
}

void SyncInvoke::onInvocationEnd(std::uint32_t /*function*/, const ExecutionEnvironment& invocation) {
    const Item& it = m_context.item(invocation.item);
    // Nobody waits any more if API Gateway already answered 504 (and maybe retried): the run is detached.
    if (it.state != ItemState::Running || it.tries != invocation.token) return;
    ItemOutcome outcome = ItemOutcome::Succeeded;
    if (invocation.result == InvokeResult::Error) outcome = ItemOutcome::ErrorReturned;
    if (invocation.result == InvokeResult::Timeout) outcome = ItemOutcome::TimedOut;
    m_context.item(invocation.item).lastResult = invocation.result;
    respond(invocation.item, statusFor(invocation.result, false, m_context.node(it.origin).type), outcome);
}

void SyncInvoke::onEvent(const Event& event) {
    const std::uint32_t itemIndex = event.a;
    if (event.kind == kClientRetry) {
        sendRequest(itemIndex);
    } else if (event.kind == kIntegrationTimeout) {
        const Item& it = m_context.item(itemIndex);
        if (it.state != ItemState::Running || it.tries != event.b) return;
        const bool cognito = m_context.node(it.origin).type == NodeType::Cognito;
        // detail: 0 for API Gateway; Cognito's attempt in the call (1..3), which the journey tells.
        const auto attemptInCall = static_cast<std::uint16_t>(cognito ? m_cognitoCalls[itemIndex].inCall + 1 : 0);
        m_context.record(TraceKind::IntegrationTimeout, itemIndex, it.origin, it.attempts, 0, attemptInCall);
        m_context.pinItem(itemIndex);  // the detached run still ends on this item later: never retired
        if (!cognito)
            respond(itemIndex, 504, ItemOutcome::TimedOut);  // INTEGRATION_TIMEOUT (FIDELITY 4)
        else if (!cognitoRetries(itemIndex))  // "If it doesn't, Amazon Cognito retries the call"
            respond(itemIndex, statusFor(InvokeResult::Timeout, false, NodeType::Cognito), ItemOutcome::TimedOut);
    }
}

void SyncInvoke::respond(std::uint32_t itemIndex, int status, ItemOutcome outcome) {
    Item& it = m_context.item(itemIndex);
    const Node& source = m_context.node(it.origin);
    NodeCounters& c = m_context.mutableCounters(it.origin);
    switch (status) {
    case 400: ++c.responses400; break;
    case 429: ++c.responses429; break;
    case 500: ++c.responses500; break;
    case 502: ++c.responses502; break;
    case 503: ++c.responses503; break;
    case 504: ++c.responses504; break;
    default: ++c.responses2xx; break;
    }
    m_context.record(TraceKind::Response, itemIndex, it.origin, it.attempts, static_cast<std::uint8_t>(outcome),
                    static_cast<std::uint16_t>(status));
    const bool retryable = status == 429 || status >= 500;
    const auto cognito = m_cognitoCalls.find(itemIndex);
    const int requests = it.tries - (cognito == m_cognitoCalls.end() ? 0 : cognito->second.total);  // the client's
    if (retryable && requests <= source.clientRetry.count) {
        if (cognito != m_cognitoCalls.end()) cognito->second.inCall = 0;  // the client's next call starts afresh
        const SimTime wait = source.clientRetry.backoff << (requests - 1);  // doubled after each retry
        ++c.clientRetries;
        m_context.setItemState(itemIndex, ItemState::Waiting);
        m_context.record(TraceKind::RetryScheduled, itemIndex, it.origin, it.attempts, 0,
                        static_cast<std::uint16_t>(std::min<SimTime>(wait / kSecond, 65535)));
        m_context.schedule(m_context.now() + wait, kClientRetry, itemIndex);
        return;
    }
    if (cognito != m_cognitoCalls.end()) m_cognitoCalls.erase(cognito);
    m_context.finishItem(itemIndex, outcome, kNone, Condition::None);
    m_context.retireItem(itemIndex);  // no run, timer or retry refers to it any more (a detached one pinned it)
}

}  // namespace pg::sim
