// Synchronous invocation (FIDELITY 4; 8.11 for client retries' request ids).
#include <set>

#include "test_helpers.hpp"

using namespace pg::sim;
using namespace pg::sim::test;

static std::vector<std::uint16_t> statuses(const Engine& e) {
    std::vector<std::uint16_t> out;
    for (const TraceRecord& r : e.trace().records())
        if (r.kind == TraceKind::Response) out.push_back(r.detail);
    return out;
}

TEST_CASE("FIDELITY 4: a sync caller gets the response - success is 200") {
    Engine e(scenarioOf({sourceNode("lex", NodeType::Lex, 1), functionNode("f")}, {{"lex", "f"}}));
    runChecked(e);
    CHECK(statuses(e) == std::vector<std::uint16_t>{200});
    CHECK(e.items()[0].outcome == ItemOutcome::Succeeded);
    CHECK(e.lastEventTime() == 100 * kMillisecond);
}

TEST_CASE("FIDELITY 2/4: a function error on a direct sync invoke is status 200 + FunctionError - no Lambda retry") {
    Node fn = functionNode("f");
    fn.function.behavior = {rule(RuleOutcome::Error)};
    Engine e(scenarioOf({sourceNode("alb", NodeType::Alb, 1), fn}, {{"alb", "f"}}));
    runChecked(e);
    CHECK(statuses(e) == std::vector<std::uint16_t>{200});
    CHECK(e.items()[0].outcome == ItemOutcome::ErrorReturned);
    CHECK(e.items()[0].attempts == 1);  // "Lambda's own retries on a function error: none"
    CHECK(countersOf(e, "f").invocations == 1);
}

TEST_CASE("FIDELITY 3/4: a throttled sync invoke returns 429 straight to the caller - nothing queued") {
    Node fn = functionNode("f");
    fn.function.reservedConcurrency = 0;
    Engine e(scenarioOf({sourceNode("cognito", NodeType::Cognito, 1), fn}, {{"cognito", "f"}}));
    runChecked(e);
    CHECK(statuses(e) == std::vector<std::uint16_t>{429});
    CHECK(e.items()[0].outcome == ItemOutcome::Throttled);
    CHECK(e.functions()[0].asyncQueue.empty());
    CHECK(e.idle());
}

TEST_CASE("FIDELITY 4 API Gateway: function error -> 502 - throttled -> 500") {
    Node fn = functionNode("f", 1 * kSecond);
    fn.function.reservedConcurrency = 1;
    fn.function.behavior = {rule(RuleOutcome::Error)};
    // two requests 1 ms apart: the first runs (and errors), the second is throttled.
    Engine e(scenarioOf({sourceNode("api", NodeType::ApiGateway, 2, 1000.0), fn}, {{"api", "f"}}));
    runChecked(e);
    CHECK(statuses(e) == std::vector<std::uint16_t>{500, 502});
    CHECK(countersOf(e, "api").responses502 == 1);
    CHECK(countersOf(e, "api").responses500 == 1);
}

TEST_CASE("FIDELITY 4 API Gateway: 504 at the integration timeout while the function runs on (model choice)") {
    Node fn = functionNode("f", 40 * kSecond, 60 * kSecond);
    Node api = sourceNode("api", NodeType::ApiGateway, 1);
    Engine e(scenarioOf({api, fn}, {{"api", "f"}}));
    CHECK(api.integrationTimeout == 29 * kSecond);  // default (FIDELITY 4)
    e.runUntil(29 * kSecond + 1);
    CHECK(statuses(e) == std::vector<std::uint16_t>{504});
    CHECK(e.items()[0].outcome == ItemOutcome::TimedOut);
    CHECK(e.functions()[0].inFlight == 1);  // still running after the 504
    runChecked(e);
    CHECK(e.lastEventTime() == 40 * kSecond);
    CHECK(e.functions()[0].inFlight == 0);
    CHECK(statuses(e).size() == 1);  // nobody gets a second answer
    CHECK(countersOf(e, "f").invocations == 1);
}

TEST_CASE("FIDELITY 4 API Gateway: a configured shorter integration timeout") {
    Node fn = functionNode("f", 2 * kSecond);
    Node api = sourceNode("api", NodeType::ApiGateway, 1);
    api.integrationTimeout = 500 * kMillisecond;
    Engine e(scenarioOf({api, fn}, {{"api", "f"}}));
    runChecked(e);
    CHECK(statuses(e) == std::vector<std::uint16_t>{504});
}

TEST_CASE("FIDELITY 4 + 8.11: client retries make new requests with new request ids - backoff doubling") {
    Node fn = functionNode("f", 100 * kMillisecond);
    fn.function.reservedConcurrency = 0;
    Node src = sourceNode("alb", NodeType::Alb, 1);
    src.clientRetry.count = 3;
    src.clientRetry.backoff = 1 * kSecond;
    Engine e(scenarioOf({src, fn}, {{"alb", "f"}}));
    runChecked(e);
    // tries at 0, 1, 3, 7 s; all throttled
    std::vector<SimTime> throttleTimes;
    for (const TraceRecord& r : e.trace().records())
        if (r.kind == TraceKind::Throttled) throttleTimes.push_back(r.time);
    CHECK(throttleTimes == std::vector<SimTime>{0, 1 * kSecond, 3 * kSecond, 7 * kSecond});
    CHECK(countersOf(e, "alb").clientRetries == 3);
    CHECK(e.items()[0].outcome == ItemOutcome::Throttled);
    CHECK(e.items()[0].tries == 4);
}

TEST_CASE("FIDELITY 8.11: each retried request that runs carries a different request id - same item") {
    Node fn = functionNode("f", 100 * kMillisecond);
    RuleCondition firstTwo;
    firstTwo.attemptAtMost = 2;
    fn.function.behavior = {rule(RuleOutcome::Error, firstTwo)};
    Node api = sourceNode("api", NodeType::ApiGateway, 1);
    api.clientRetry.count = 2;
    api.clientRetry.backoff = 200 * kMillisecond;
    Engine e(scenarioOf({api, fn}, {{"api", "f"}}));
    runChecked(e);
    CHECK(e.items().size() == 1);
    CHECK(e.items()[0].attempts == 3);
    CHECK(e.items()[0].outcome == ItemOutcome::Succeeded);
    std::set<std::uint32_t> ids;
    for (const AttemptRecord& a : e.items().attempts()) ids.insert(a.requestId);
    CHECK(ids.size() == 3);
    // starts: 0; 100 ms end + 200 ms = 300 ms; 400 ms end + 400 ms = 800 ms
    CHECK(attemptSeconds(e, 0) == std::vector<double>{0.0, 0.3, 0.8});
    CHECK(statuses(e) == std::vector<std::uint16_t>{502, 502, 200});
}

TEST_CASE("client retry policy does not retry a direct invoke's function error (200 + FunctionError)") {
    Node fn = functionNode("f");
    fn.function.behavior = {rule(RuleOutcome::Error)};
    Node src = sourceNode("alexa", NodeType::Alexa, 1);
    src.clientRetry.count = 2;
    Engine e(scenarioOf({src, fn}, {{"alexa", "f"}}));
    runChecked(e);
    CHECK(e.items()[0].attempts == 1);
    CHECK(e.items()[0].outcome == ItemOutcome::ErrorReturned);
}

TEST_CASE("a source that is wired to nothing drops its items") {
    Engine e(scenarioOf({sourceNode("api", NodeType::ApiGateway, 2)}, {}));
    runChecked(e);
    CHECK(e.items()[0].outcome == ItemOutcome::Dropped);
    CHECK(countersOf(e, "api").unrouted == 2);
}

TEST_CASE("items are named <origin node id>#<n> from 1") {
    Engine e(scenarioOf({sourceNode("api", NodeType::ApiGateway, 3), functionNode("f")}, {{"api", "f"}}));
    runChecked(e);
    CHECK(e.itemId(0) == "api#1");
    CHECK(e.itemId(2) == "api#3");
}
