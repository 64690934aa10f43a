// Synchronous sources (FIDELITY 1 and 4): api_gateway, alb, cognito, lex, alexa, cloudfront, firehose.
// The caller waits; the response, the function error (200 + FunctionError) or the throttle (429) goes back
// to it; Lambda never retries. API Gateway maps these to 200/502/500 and answers 504 at its integration
// timeout while the function runs on. An optional client retry policy (count, doubling backoff) sends new
// requests for the same item with a new request id each (FIDELITY 8.11).
#pragma once
#include "mode_handler.hpp"

namespace pg::sim {

class SyncInvoke final : public ModeHandler {
public:
    using ModeHandler::ModeHandler;
    const char* name() const override { return "sync"; }
    bool handlesNodeType(NodeType type) const override;
    void onArrival(std::uint32_t node, std::uint32_t number) override;
    void onEvent(const Event& event) override;
    void onInvocationEnd(std::uint32_t function, const ExecutionEnvironment& invocation) override;

    /// HTTP status the source's caller sees. `apiGateway` selects API Gateway's mapping (FIDELITY 4).
    static int statusFor(InvokeResult result, bool throttled, bool apiGateway);

private:
    enum Kind : std::uint16_t { kClientRetry = 0, kIntegrationTimeout = 1 };
    void sendRequest(std::uint32_t item);
    void respond(std::uint32_t item, int status, ItemOutcome outcome);
};

}  // namespace pg::sim
