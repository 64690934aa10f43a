// Synchronous invocation (FIDELITY 4; 8.11 for client retries' request ids).
#include <fstream>
#include <set>
#include <sstream>

#include "scenario/scenario_json.hpp"
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
    // Lex documents no status of its own: it shows Lambda's answer (model choice caller_status_codes).
    Node fn = functionNode("f");
    fn.function.behavior = {rule(RuleOutcome::Error)};
    Engine e(scenarioOf({sourceNode("lex", NodeType::Lex, 1), fn}, {{"lex", "f"}}));
    runChecked(e);
    CHECK(statuses(e) == std::vector<std::uint16_t>{200});
    CHECK(e.items()[0].outcome == ItemOutcome::ErrorReturned);
    CHECK(e.items()[0].attempts == 1);  // "Lambda's own retries on a function error: none"
    CHECK(countersOf(e, "f").invocations == 1);
}

TEST_CASE("FIDELITY 3/4: a throttled sync invoke returns 429 straight to the caller - nothing queued") {
    Node fn = functionNode("f");
    fn.function.reservedConcurrency = 0;
    Engine e(scenarioOf({sourceNode("alexa", NodeType::Alexa, 1), fn}, {{"alexa", "f"}}));
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

static std::vector<SimTime> timesOf(const Engine& e, TraceKind kind) {
    std::vector<SimTime> out;
    for (const TraceRecord& r : e.trace().records())
        if (r.kind == kind) out.push_back(r.time);
    return out;
}

TEST_CASE("ALB answers 502 when its Lambda target fails, times out or is throttled") {
    // https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-troubleshooting.html
    // (HTTP 502: the Lambda target's error); a throttle as 502 is model choice caller_status_codes.
    Node fn = functionNode("f", 1 * kSecond, 3 * kSecond);
    fn.function.reservedConcurrency = 1;
    RuleCondition first, second;
    first.itemModulo = 3;
    first.itemRemainder = 1;  // alb#1 fails
    second.itemModulo = 3;
    second.itemRemainder = 2;  // alb#2 times out
    fn.function.behavior = {rule(RuleOutcome::Error, first), rule(RuleOutcome::Timeout, second)};
    // 1 request per 5 s: alb#1 (error at 1 s) at 0, alb#2 (timeout at 8 s) at 5 s, alb#3 (success, 10-11 s) at
    // 10 s; a request of a second ALB at 10.5 s finds the single slot taken: throttled.
    Node alb = sourceNode("alb", NodeType::Alb, 3, 0.2);
    Node other = sourceNode("alb2", NodeType::Alb, 1, 1.0, 10500 * kMillisecond);
    Engine e(scenarioOf({alb, other, fn}, {{"alb", "f"}, {"alb2", "f"}}));
    runChecked(e);
    CHECK(countersOf(e, "alb").responses502 == 2);  // the error and the timeout
    CHECK(countersOf(e, "alb").responses2xx == 1);
    CHECK(countersOf(e, "alb2").responses502 == 1);  // throttled behind alb#3
    CHECK(countersOf(e, "alb2").responses429 == 0);  // ALB does not pass Lambda's 429 on
}

TEST_CASE("CloudFront answers 503 for a Lambda@Edge execution error and for a Lambda limit exceeded") {
    // https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/troubleshooting-response-errors.html:
    // "HTTP 503 status code (function execution error)", "HTTP 503 status code (Lambda limit exceeded)".
    Node fn = functionNode("f", 1 * kSecond);
    fn.function.reservedConcurrency = 1;
    fn.function.behavior = {rule(RuleOutcome::Error)};
    // two requests 1 ms apart: the first runs and fails, the second finds no concurrency left.
    Engine e(scenarioOf({sourceNode("cdn", NodeType::CloudFront, 2, 1000.0), fn}, {{"cdn", "f"}}));
    runChecked(e);
    CHECK(statuses(e) == std::vector<std::uint16_t>{503, 503});  // the throttle answers first, at 1 ms
    CHECK(countersOf(e, "cdn").responses503 == 2);
    CHECK(e.items()[0].outcome == ItemOutcome::ErrorReturned);
    CHECK(e.items()[1].outcome == ItemOutcome::Throttled);
}

TEST_CASE("Cognito: a trigger answering within 5 s is one call; a function error is 400, not retried") {
    // https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pools-working-with-lambda-triggers.html
    // (the function "must respond within 5 seconds"); a failed trigger is UserLambdaValidationException, HTTP 400
    // (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_SignUp.html).
    Node fn = functionNode("f", 4 * kSecond, 10 * kSecond);
    RuleCondition second;
    second.itemModulo = 2;
    second.itemRemainder = 0;  // cognito#2 fails
    fn.function.behavior = {rule(RuleOutcome::Error, second)};
    Engine e(scenarioOf({sourceNode("cognito", NodeType::Cognito, 2, 0.1), fn}, {{"cognito", "f"}}));
    runChecked(e);
    CHECK(statuses(e) == std::vector<std::uint16_t>{200, 400});
    CHECK(timesOf(e, TraceKind::Response) == std::vector<SimTime>{4 * kSecond, 14 * kSecond});  // 0 + 4, 10 + 4
    CHECK(countersOf(e, "f").invocations == 2);  // answered within 5 s: no retry
    CHECK(countersOf(e, "cognito").responses400 == 1);
    CHECK(timesOf(e, TraceKind::IntegrationTimeout).empty());
}

TEST_CASE("Cognito: a trigger still running after 5 s is called again, three attempts in all, then 400") {
    // Same page: "If it does not, Amazon Cognito retries the call. After 3 unsuccessful attempts, the function
    // times out." Each run takes 8 s (< its 10 s timeout): Cognito stops waiting at 5, 10 and 15 s, calling again
    // at 5 and 10 s (at once: model choice caller_status_codes), and answers 400 at 15 s. The detached runs go on
    // and end at 8, 13 and 18 s, each holding its own concurrency.
    Node fn = functionNode("f", 8 * kSecond, 10 * kSecond);
    Engine e(scenarioOf({sourceNode("cognito", NodeType::Cognito, 1), fn}, {{"cognito", "f"}}));
    runChecked(e);
    CHECK(timesOf(e, TraceKind::InvokeStart) == std::vector<SimTime>{0, 5 * kSecond, 10 * kSecond});
    CHECK(timesOf(e, TraceKind::IntegrationTimeout) == std::vector<SimTime>{5 * kSecond, 10 * kSecond, 15 * kSecond});
    std::vector<std::uint16_t> attemptInCall;
    for (const TraceRecord& r : e.trace().records())
        if (r.kind == TraceKind::IntegrationTimeout) attemptInCall.push_back(r.detail);
    CHECK(attemptInCall == std::vector<std::uint16_t>{1, 2, 3});
    CHECK(statuses(e) == std::vector<std::uint16_t>{400});
    CHECK(timesOf(e, TraceKind::Response) == std::vector<SimTime>{15 * kSecond});
    CHECK(e.items()[0].outcome == ItemOutcome::TimedOut);
    CHECK(countersOf(e, "f").invocations == 3);
    CHECK(countersOf(e, "f").peakConcurrency == 2);  // 5-8 s: runs 1 and 2; 10-13 s: runs 2 and 3
    CHECK(e.lastEventTime() == 18 * kSecond);
}

TEST_CASE("Cognito: a throttled call is retried, and after three throttled attempts Cognito answers 400") {
    // A throttle is a call Cognito can retry; retried at once (model choice caller_status_codes).
    Node fn = functionNode("f");
    fn.function.reservedConcurrency = 0;
    Engine e(scenarioOf({sourceNode("cognito", NodeType::Cognito, 1), fn}, {{"cognito", "f"}}));
    runChecked(e);
    CHECK(countersOf(e, "f").throttles == 3);
    CHECK(statuses(e) == std::vector<std::uint16_t>{400});
    CHECK(e.items()[0].outcome == ItemOutcome::Throttled);
    CHECK(e.items()[0].tries == 3);  // three requests, each with its own request id
}

TEST_CASE("Cognito with a client retry policy: each client request gets its own three attempts") {
    // The client retries 429 and 5xx only (model choice client_retry_statuses): Cognito's 400 is final.
    Node fn = functionNode("f");
    fn.function.reservedConcurrency = 0;
    Node cognito = sourceNode("cognito", NodeType::Cognito, 1);
    cognito.clientRetry.count = 2;
    Engine e(scenarioOf({cognito, fn}, {{"cognito", "f"}}));
    runChecked(e);
    CHECK(countersOf(e, "f").throttles == 3);
    CHECK(countersOf(e, "cognito").clientRetries == 0);
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

TEST_CASE("preset callers_answer_differently: the same failing function, three callers, three sets of statuses") {
    // Every third request of each caller fails (item_modulo 3) and runs above 9 concurrent are throttled: Lambda
    // answers all three callers alike; API Gateway says 502/500 (FIDELITY 4), the ALB 502 for both (ELB guide,
    // load-balancer-troubleshooting), CloudFront 503 for both (CloudFront troubleshooting-response-errors).
    std::ifstream in(std::string(PG_SOURCE_DIR) + "/assets/scenarios/callers_answer_differently.json");
    std::stringstream text;
    text << in.rdbuf();
    const pg::scenario::ParseResult parsed = pg::scenario::parseScenario(text.str());
    REQUIRE(parsed.ok());
    Engine e(parsed.scenario);
    runChecked(e, parsed.scenario.runFor);
    const NodeCounters api = countersOf(e, "api"), alb = countersOf(e, "alb"), cdn = countersOf(e, "cdn");
    CHECK(api.responses502 > 0);  // its failures
    CHECK(api.responses500 > 0);  // its throttles
    CHECK(alb.responses502 > 0);
    CHECK(alb.responses429 + alb.responses500 + alb.responses503 == 0);
    CHECK(cdn.responses503 > 0);
    CHECK(cdn.responses429 + cdn.responses500 + cdn.responses502 == 0);
    CHECK(countersOf(e, "render").errors > 0);
    CHECK(countersOf(e, "render").throttles > 0);
    // Every request was answered once: 30 per caller.
    for (const NodeCounters* c : {&api, &alb, &cdn})
        CHECK(c->responses2xx + c->responses400 + c->responses429 + c->responses500 + c->responses502 +
                  c->responses503 + c->responses504 ==
              30);
}
