// Asynchronous invocation (FIDELITY 5.1-5.3 and the model choices of section 7).
#include <set>

#include "engine/modes/async_invoke.hpp"
#include "engine/model_choices.hpp"
#include "test_helpers.hpp"

using namespace pg::sim;
using namespace pg::sim::test;

static Node failingFunction(const std::string& id) {
    Node fn = functionNode(id, 100 * kMillisecond);
    fn.function.behavior = {rule(RuleOutcome::Error)};
    return fn;
}

static std::vector<const DeliveredRecord*> deliveredTo(const Engine& e, const std::string& node) {
    std::vector<const DeliveredRecord*> out;
    for (const DeliveredRecord& r : e.deliveries())
        if (r.node == e.nodeIndex(node)) out.push_back(&r);
    return out;
}

TEST_CASE("FIDELITY 5.1: the async caller gets 202 at once - the event waits in the internal queue") {
    Node fn = functionNode("f", 1 * kSecond);
    fn.function.reservedConcurrency = 1;
    Engine e(scenarioOf({sourceNode("sns", NodeType::Sns, 3, 1000.0), fn}, {{"sns", "f"}}));
    e.runUntil(3 * kMillisecond);
    CHECK(countersOf(e, "sns").accepted == 3);
    CHECK(countersOf(e, "sns").responses2xx == 3);
    runChecked(e);
    // With reserved concurrency 1 all three eventually run (FIDELITY 5.1 [O] queue + reserved 1).
    CHECK(countersOf(e, "f").invocations == 3);
    for (const Item& it : e.items().all()) CHECK(it.outcome == ItemOutcome::Succeeded);
}

TEST_CASE("FIDELITY 5.1: default retries: 3 attempts - waits of 1 min then 2 min after each failed attempt") {
    Engine e(scenarioOf({sourceNode("s3", NodeType::S3, 1), failingFunction("f")}, {{"s3", "f"}}));
    runChecked(e);
    const Item& it = e.items()[0];
    CHECK(it.attempts == 3);
    // starts: 0; 0.1 + 60 = 60.1; 60.2 + 120 = 180.2 (inside the observed 30/91/213 s windows)
    CHECK(attemptSeconds(e, 0) == std::vector<double>{0.0, 60.1, 180.2});
    CHECK(it.condition == Condition::RetriesExhausted);
    // No destination, no DLQ: Lambda discards the event; nobody receives its error (issue 23, https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-error-handling.html)
    CHECK(it.outcome == ItemOutcome::Dropped);
    CHECK(countersOf(e, "f").asyncRetries == 2);
}

TEST_CASE("FIDELITY 5.1: the observed retry windows hold (1 attempt by 30.5 s - 2 by 91.5 s - 3 by 213.5 s)") {
    Engine e(scenarioOf({sourceNode("sns", NodeType::Sns, 1), failingFunction("f")}, {{"sns", "f"}}));
    e.runUntil(30500 * kMillisecond);
    CHECK(countersOf(e, "f").invocations == 1);
    e.runUntil(91500 * kMillisecond);
    CHECK(countersOf(e, "f").invocations == 2);
    e.runUntil(213500 * kMillisecond);
    CHECK(countersOf(e, "f").invocations == 3);
}

TEST_CASE("FIDELITY 5.2: max retry attempts 0 -> 1 attempt - RetriesExhausted with approximateInvokeCount 1") {
    Node fn = failingFunction("f");
    fn.function.async.maxRetryAttempts = 0;
    fn.function.async.onFailure = "failed";
    Engine e(scenarioOf({sourceNode("eb", NodeType::EventBridge, 1), fn, plainNode("failed", NodeType::Sqs)},
                        {{"eb", "f"}}));
    runChecked(e);
    auto records = deliveredTo(e, "failed");
    REQUIRE(records.size() == 1);
    CHECK(records[0]->condition == Condition::RetriesExhausted);
    CHECK(records[0]->approximateInvokeCount == 1);
    CHECK(e.items()[0].outcome == ItemOutcome::SentToDestination);
    CHECK(e.items()[0].endedIn == e.nodeIndex("failed"));
}

TEST_CASE("FIDELITY 5.1 (O) test_maxeventage: MaxAge 60 s + always failing -> 1 attempt - EventAgeExceeded well before 60 s") {
    Node fn = failingFunction("f");
    fn.function.async.maxEventAge = 60 * kSecond;
    fn.function.async.onFailure = "failed";
    Engine e(scenarioOf({sourceNode("sns", NodeType::Sns, 1), fn, plainNode("failed", NodeType::Sns)}, {{"sns", "f"}}));
    runChecked(e);
    auto records = deliveredTo(e, "failed");
    REQUIRE(records.size() == 1);
    CHECK(records[0]->condition == Condition::EventAgeExceeded);
    CHECK(records[0]->approximateInvokeCount == 1);
    CHECK(records[0]->time < 60 * kSecond);
    CHECK(e.items()[0].attempts == 1);
}

TEST_CASE("FIDELITY 5.1 (O) test_maxeventage: MaxAge 90 s -> 2 attempts - EventAgeExceeded - approximateInvokeCount 2") {
    Node fn = failingFunction("f");
    fn.function.async.maxEventAge = 90 * kSecond;
    fn.function.async.onFailure = "failed";
    Engine e(scenarioOf({sourceNode("sns", NodeType::Sns, 1), fn, plainNode("failed", NodeType::Sqs)}, {{"sns", "f"}}));
    runChecked(e);
    auto records = deliveredTo(e, "failed");
    REQUIRE(records.size() == 1);
    CHECK(records[0]->condition == Condition::EventAgeExceeded);
    CHECK(records[0]->approximateInvokeCount == 2);
    CHECK(e.items()[0].attempts == 2);
    CHECK(countersOf(e, "f").eventAgeExceeded == 1);
}

TEST_CASE("FIDELITY 5.1 look-ahead: retry only if elapsed + next wait <= max age (boundary)") {
    // attempt 1 ends at 0.1 s; retry wait 60 s: 60.1 s needed. MaxAge 61 s allows it, 60 s does not.
    Node fn = failingFunction("f");
    fn.function.async.maxRetryAttempts = 1;
    fn.function.async.maxEventAge = 61 * kSecond;
    Engine e(scenarioOf({sourceNode("sns", NodeType::Sns, 1), fn}, {{"sns", "f"}}));
    runChecked(e);
    CHECK(e.items()[0].attempts == 2);
    CHECK(e.items()[0].condition == Condition::RetriesExhausted);
}

TEST_CASE("FIDELITY 5.1 (O): the same request id on every attempt") {
    Engine e(scenarioOf({sourceNode("sns", NodeType::Sns, 1), failingFunction("f")}, {{"sns", "f"}}));
    runChecked(e);
    std::set<std::uint32_t> ids;
    for (const AttemptRecord& a : e.items().attempts()) ids.insert(a.requestId);
    CHECK(e.items().attempts().size() == 3);
    CHECK(ids.size() == 1);
    CHECK(e.requestIdText(*ids.begin()).size() == 36);
}

TEST_CASE("FIDELITY 5.1/5.2 (O): reserved concurrency 0 -> straight to failure handling - no attempt - count 0") {
    Node fn = functionNode("f");
    fn.function.reservedConcurrency = 0;
    fn.function.async.onFailure = "failed";
    fn.function.async.deadLetterQueue = "dlq";
    Engine e(scenarioOf({sourceNode("sns", NodeType::Sns, 2), fn, plainNode("failed", NodeType::Sqs),
                         plainNode("dlq", NodeType::Sqs)},
                        {{"sns", "f"}}));
    runChecked(e);
    CHECK(countersOf(e, "f").invocations == 0);
    auto records = deliveredTo(e, "failed");
    REQUIRE(records.size() == 2);
    CHECK(records[0]->condition == Condition::ZeroReservedConcurrency);
    CHECK(records[0]->approximateInvokeCount == 0);
    CHECK(records[0]->lastResult == InvokeResult::None);
    CHECK(deliveredTo(e, "dlq").size() == 2);  // "without any retries" to the DLQ or on-failure destination
    CHECK(e.items()[0].condition == Condition::ZeroReservedConcurrency);
    CHECK(e.lastEventTime() == 1 * kSecond);
}

TEST_CASE("FIDELITY 5.1/7: throttle backoff min(2^n - 300) s does not consume retry attempts") {
    CHECK(asyncThrottleBackoff(1) == 1 * kSecond);
    CHECK(asyncThrottleBackoff(2) == 2 * kSecond);
    CHECK(asyncThrottleBackoff(9) == 256 * kSecond);
    CHECK(asyncThrottleBackoff(10) == 300 * kSecond);
    CHECK(asyncThrottleBackoff(40) == 300 * kSecond);
    // A long sync request holds the only slot for 10 s; an async event arriving meanwhile is throttled at
    // 0.5 s, then waits 1, 2, 4 s (retries at 1.5, 3.5, 7.5 s; all throttled), then runs at 15.5 s.
    Node fn = functionNode("f", 10 * kSecond, 20 * kSecond);
    fn.function.reservedConcurrency = 1;
    fn.function.async.maxRetryAttempts = 0;
    Engine e(scenarioOf({sourceNode("alb", NodeType::Alb, 1), sourceNode("sns", NodeType::Sns, 1, 1.0, 500 * kMillisecond), fn},
                        {{"alb", "f"}, {"sns", "f"}}));
    runChecked(e);
    const std::uint32_t ev = itemNamed(e, "sns#1");
    std::vector<SimTime> throttles;
    for (const TraceRecord& r : e.trace().records())
        if (r.kind == TraceKind::Throttled && r.item == ev) throttles.push_back(r.time);
    CHECK(throttles == std::vector<SimTime>{500 * kMillisecond, 1500 * kMillisecond, 3500 * kMillisecond,
                                            7500 * kMillisecond});
    CHECK(attemptSeconds(e, ev) == std::vector<double>{15.5});
    CHECK(e.items()[ev].outcome == ItemOutcome::Succeeded);  // max retry 0, yet it ran: throttles are free
}

TEST_CASE("FIDELITY 5.1/7: throttling until the max event age ends with EventAgeExceeded") {
    Node fn = functionNode("f", 1000 * kSecond, 900 * kSecond);
    fn.function.reservedConcurrency = 1;
    fn.function.async.maxEventAge = 60 * kSecond;
    Engine e(scenarioOf({sourceNode("alb", NodeType::Alb, 1), sourceNode("sns", NodeType::Sns, 1, 1.0, 1 * kSecond), fn},
                        {{"alb", "f"}, {"sns", "f"}}));
    runChecked(e);
    const Item& it = e.items()[itemNamed(e, "sns#1")];
    CHECK(it.condition == Condition::EventAgeExceeded);
    CHECK(it.outcome == ItemOutcome::Dropped);  // aged out, nowhere to go: discarded (https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-error-handling.html)
    CHECK(it.attempts == 0);
}

TEST_CASE("FIDELITY 5.2: on-success destination receives a Success record") {
    Node fn = functionNode("f");
    fn.function.async.onSuccess = "ok";
    Engine e(scenarioOf({sourceNode("sns", NodeType::Sns, 1), fn, plainNode("ok", NodeType::EventBridge)}, {{"sns", "f"}}));
    runChecked(e);
    auto records = deliveredTo(e, "ok");
    REQUIRE(records.size() == 1);
    CHECK(records[0]->condition == Condition::Success);
    CHECK(records[0]->approximateInvokeCount == 1);
    CHECK(records[0]->kind == DeliveryKind::InvocationRecord);
    CHECK(e.items()[0].outcome == ItemOutcome::Succeeded);
    CHECK(e.items()[0].endedIn == e.nodeIndex("ok"));
}

TEST_CASE("FIDELITY 5.3: the DLQ gets the event after all attempts - outcome dead_lettered") {
    Node fn = failingFunction("f");
    fn.function.async.deadLetterQueue = "dlq";
    Engine e(scenarioOf({sourceNode("s3", NodeType::S3, 1), fn, plainNode("dlq", NodeType::Sqs)}, {{"s3", "f"}}));
    runChecked(e);
    auto records = deliveredTo(e, "dlq");
    REQUIRE(records.size() == 1);
    CHECK(records[0]->kind == DeliveryKind::DeadLetter);
    CHECK(records[0]->approximateInvokeCount == 3);
    CHECK(e.items()[0].outcome == ItemOutcome::DeadLettered);
    CHECK(countersOf(e, "dlq").visible == 1);
    CHECK(countersOf(e, "dlq").sent == 1);
}

TEST_CASE("FIDELITY 5.2: both a DLQ and an on-failure destination receive the failed event") {
    Node fn = failingFunction("f");
    fn.function.async.maxRetryAttempts = 1;
    fn.function.async.deadLetterQueue = "dlq";
    fn.function.async.onFailure = "failed";
    Engine e(scenarioOf({sourceNode("s3", NodeType::S3, 1), fn, plainNode("dlq", NodeType::Sqs),
                         plainNode("failed", NodeType::Sns)},
                        {{"s3", "f"}}));
    runChecked(e);
    CHECK(deliveredTo(e, "dlq").size() == 1);
    CHECK(deliveredTo(e, "failed").size() == 1);
    CHECK(e.items()[0].endedIn == e.nodeIndex("failed"));
}

TEST_CASE("FIDELITY 2: a timeout is a function error for async retries") {
    Node fn = functionNode("f", 5 * kSecond, 1 * kSecond);
    fn.function.async.maxRetryAttempts = 1;
    Engine e(scenarioOf({sourceNode("sns", NodeType::Sns, 1), fn}, {{"sns", "f"}}));
    runChecked(e);
    CHECK(e.items()[0].attempts == 2);
    CHECK(e.items()[0].outcome == ItemOutcome::Dropped);  // discarded after its retries (https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-error-handling.html)
    CHECK(e.items()[0].lastResult == InvokeResult::Timeout);
    CHECK(e.items()[0].condition == Condition::RetriesExhausted);
}

TEST_CASE("FIDELITY 5.1 dwell time: receipt to first invocation start - per event") {
    Node fn = functionNode("f", 1 * kSecond);
    fn.function.reservedConcurrency = 1;
    // 2 events at 0 and 1 ms: the second is throttled at 1 ms (reserved 1), backs off 1 s (FIDELITY 7),
    // and starts at 1.001 s, after the first ended at 1 s -> dwell 1,000 ms.
    Engine e(scenarioOf({sourceNode("sns", NodeType::Sns, 2, 1000.0), fn}, {{"sns", "f"}}));
    runChecked(e);
    const auto& series = e.metrics().series(0);
    std::int64_t sum = 0, count = 0;
    for (const FunctionSecond& s : series) {
        sum += s.dwellSum;
        count += s.dwellCount;
    }
    CHECK(count == 2);
    CHECK(sum == 1000 * kMillisecond);
    CHECK(series[0].peakAsyncQueueDepth == 1);
}

TEST_CASE("async events that failed rejoin the tail of the internal queue after their wait") {
    // Peer model check (bench PEER-SCENARIOS b): 10 events, concurrency 100, attempts fail by a modulo rule.
    Node fn = functionNode("f", 50 * kMillisecond);
    RuleCondition everyFifth;
    everyFifth.itemModulo = 5;
    fn.function.behavior = {rule(RuleOutcome::Error, everyFifth)};
    fn.function.async.deadLetterQueue = "dlq";
    Engine e(scenarioOf({sourceNode("sns", NodeType::Sns, 10, 1000.0), fn, plainNode("dlq", NodeType::Sqs)},
                        {{"sns", "f"}}));
    runChecked(e);
    CHECK(countersOf(e, "f").invocations == 8 + 2 * 3);
    CHECK(deliveredTo(e, "dlq").size() == 2);
}

TEST_CASE("FIDELITY 7: model choices are exposed as data - labelled undocumented") {
    const auto& choices = modelChoices();
    REQUIRE(choices.size() >= 4);
    bool hasLookahead = false;
    for (const auto& c : choices) {
        CHECK_FALSE(c.documented);
        hasLookahead |= std::string(c.topic) == "async_max_event_age_lookahead";
    }
    CHECK(hasLookahead);
}
