// Synchronous sources (FIDELITY 1 and 4): api_gateway, alb, cognito, lex, alexa, cloudfront, firehose.
// The caller waits for the function and answers its own client in its own terms (callerStatus): API Gateway
// 200/502/500 and 504 at its integration timeout, ALB 502, CloudFront 503, Cognito 400 after its 5 s wait and up
// to three attempts; the others pass on Lambda's answer (200 + FunctionError, 429). Lambda never retries. An
// optional client retry policy (count, doubling backoff) sends new requests for the same item with a new request
// id each (FIDELITY 8.11).
#pragma once
#include <unordered_map>

#include "mode_handler.hpp"

namespace pg::sim {

class SyncInvoke final : public ModeHandler {
public:
    using ModeHandler::ModeHandler;
    const char* name() const override { return "sync"; }
    bool handlesNodeType(NodeType type) const override;
    void start() override { m_cognitoCalls.clear(); }
    void onArrival(std::uint32_t node, std::uint32_t number) override;
    void onEvent(const Event& event) override;
    void onInvocationEnd(std::uint32_t function, const ExecutionEnvironment& invocation) override;

    /// HTTP status the `caller` answers its client with, for an invocation that ended with `result` or was
    /// throttled (model choice caller_status_codes; the sources are in sync_invoke.cpp).
    static int statusFor(InvokeResult result, bool throttled, NodeType caller);
    /// How long `source` waits for one invocation before it stops waiting: API Gateway's integration timeout,
    /// Cognito's 5 s; 0 when it waits for the function's own end.
    static SimTime callerWait(const Node& source);
    /// Cognito's invocations per call: it retries a call that can be retried, three attempts in all.
    static constexpr int kCognitoAttempts = 3;

private:
    enum Kind : std::uint16_t { kClientRetry = 0, kIntegrationTimeout = 1 };
    /// A Cognito item's invocations beyond its client's requests: `inCall` in the current call, `total` so far.
    struct CognitoCall {
        std::uint16_t inCall = 0, total = 0;
    };
    void sendRequest(std::uint32_t item);
    /// Cognito retries the current call if it has attempts left (true: a new request went out).
    bool cognitoRetries(std::uint32_t item);
    void respond(std::uint32_t item, int status, ItemOutcome outcome);

    std::unordered_map<std::uint32_t, CognitoCall> m_cognitoCalls;  ///< Cognito items with a retried call
};

}  // namespace pg::sim
