// Asynchronous fan-out: a source wired to several functions invokes each with every event, each copy with its
// own internal queue, retries and destinations (issue 23).
#include <map>

#include "test_helpers.hpp"

using namespace pg::sim;
using namespace pg::sim::test;

namespace {

Node failingFunction(const std::string& id) {
    Node fn = functionNode(id, 100 * kMillisecond);
    fn.function.behavior = {rule(RuleOutcome::Error)};
    return fn;
}

/// Items per target function name (the copy's Item::function).
std::map<std::string, std::vector<std::uint32_t>> itemsByFunction(const Engine& e) {
    std::map<std::string, std::vector<std::uint32_t>> out;
    for (std::uint32_t i = 0; i < e.items().size(); ++i) {
        const Item& it = e.items()[i];
        if (it.function != kNone) out[e.node(e.functions()[it.function].node).id].push_back(i);
    }
    return out;
}

}  // namespace

TEST_CASE("fan-out: an SNS topic wired to two functions invokes each with every event") {
    // Lambda DG "Invoking Lambda functions with Amazon SNS notifications"
    // (https://docs.aws.amazon.com/lambda/latest/dg/with-sns.html): every subscription receives every message;
    // each subscribed function is invoked asynchronously.
    Engine e(scenarioOf({sourceNode("topic", NodeType::Sns, 5, 10.0), functionNode("a"), functionNode("b")},
                        {{"topic", "a"}, {"topic", "b"}}));
    runChecked(e);
    CHECK(countersOf(e, "a").invocations == 5);
    CHECK(countersOf(e, "b").invocations == 5);
    CHECK(countersOf(e, "topic").items == 5);      // events produced once each
    CHECK(countersOf(e, "topic").accepted == 10);  // one 202 per function invoked
    CHECK(countersOf(e, "topic").unrouted == 0);
    const auto byFunction = itemsByFunction(e);
    REQUIRE(byFunction.at("a").size() == 5);
    REQUIRE(byFunction.at("b").size() == 5);
    for (std::size_t k = 0; k < 5; ++k) {
        // The copies of one event share its id and body; the item's function tells them apart.
        CHECK(e.itemId(byFunction.at("a")[k]) == e.itemId(byFunction.at("b")[k]));
        CHECK(e.itemBody(byFunction.at("a")[k]) == e.itemBody(byFunction.at("b")[k]));
        CHECK(e.items()[byFunction.at("a")[k]].outcome == ItemOutcome::Succeeded);
        CHECK(e.items()[byFunction.at("b")[k]].outcome == ItemOutcome::Succeeded);
        // each copy is its own async invoke: its own request id
        CHECK(e.items()[byFunction.at("a")[k]].requestId != e.items()[byFunction.at("b")[k]].requestId);
    }
    // The first target's copy keeps the event's item index order (numbering as with one target).
    CHECK(e.items()[0].function == e.functionOfNode(e.nodeIndex("a")));
    CHECK(e.itemId(0) == "topic#1");
}

TEST_CASE("fan-out: EventBridge with two targets retries each target on its own") {
    // EventBridge invokes each target of a rule asynchronously and independently; each async invoke has its own
    // retries (Lambda DG "How Lambda handles errors and retries with asynchronous invocation",
    // https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-error-handling.html).
    Engine e(scenarioOf({sourceNode("bus", NodeType::EventBridge, 3, 1.0), failingFunction("bad"),
                         functionNode("good")},
                        {{"bus", "bad"}, {"bus", "good"}}));
    runChecked(e);
    CHECK(countersOf(e, "bad").invocations == 9);  // 3 events x (1 + 2 retries)
    CHECK(countersOf(e, "bad").asyncRetries == 6);
    CHECK(countersOf(e, "good").invocations == 3);  // the failing target's retries never touch this one
    CHECK(countersOf(e, "good").asyncRetries == 0);
    const auto byFunction = itemsByFunction(e);
    for (std::uint32_t i : byFunction.at("bad")) {
        CHECK(e.items()[i].attempts == 3);
        CHECK(e.items()[i].condition == Condition::RetriesExhausted);
    }
    for (std::uint32_t i : byFunction.at("good")) {
        CHECK(e.items()[i].attempts == 1);
        CHECK(e.items()[i].outcome == ItemOutcome::Succeeded);
    }
}

TEST_CASE("fan-out: each target's copy goes to that function's own destination") {
    // Each subscribed function has its own destinations (https://docs.aws.amazon.com/lambda/latest/dg/with-sns.html
    // and invocation-async-retain-records.html).
    Node bad = failingFunction("bad");
    bad.function.async.maxRetryAttempts = 0;
    bad.function.async.onFailure = "failures";
    Node good = functionNode("good");
    good.function.async.onSuccess = "successes";
    Engine e(scenarioOf({sourceNode("topic", NodeType::Sns, 4, 10.0), bad, good, plainNode("failures", NodeType::Sqs),
                         plainNode("successes", NodeType::Sqs)},
                        {{"topic", "bad"}, {"topic", "good"}}));
    runChecked(e);
    CHECK(countersOf(e, "failures").received == 4);
    CHECK(countersOf(e, "successes").received == 4);
}

TEST_CASE("fan-out: a record delivered to a topic with two functions invokes both, one chain hop further") {
    // A function DLQ topic wired to two functions: each gets the record (with-sns.html); the copies share the
    // chain link of the delivery (one hop, model choice chain_metadata).
    Node f = failingFunction("f");
    f.function.async.maxRetryAttempts = 0;
    f.function.async.deadLetterQueue = "dlq";
    Engine e(scenarioOf({sourceNode("s3", NodeType::S3, 2, 1.0), f, plainNode("dlq", NodeType::Sns),
                         functionNode("a"), functionNode("b")},
                        {{"s3", "f"}, {"dlq", "a"}, {"dlq", "b"}}));
    runChecked(e);
    CHECK(countersOf(e, "a").invocations == 2);
    CHECK(countersOf(e, "b").invocations == 2);
    for (const auto& [name, items] : itemsByFunction(e)) {
        if (name == "f") continue;
        for (std::uint32_t i : items) {
            CHECK(e.chainDepth(i) == 1);
            CHECK(e.chainParent(i) != kNone);
            CHECK(e.itemBody(i) == e.itemBody(e.chainParent(i)));
        }
    }
}

TEST_CASE("function destination: invoked asynchronously once per record with the invocation record") {
    // Lambda DG "Capturing records of asynchronous invocations"
    // (https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-retain-records.html): a function destination
    // is invoked asynchronously with the invocation record as its payload.
    Node f = failingFunction("f");
    f.function.async.maxRetryAttempts = 0;
    f.function.async.onFailure = "handler";
    Node handler = functionNode("handler");
    Node src = sourceNode("bus", NodeType::EventBridge, 3, 1.0);
    src.traffic.body = "order-{n}";
    RuleCondition two;
    two.bodyContains = "order-2";  // matches the record's requestPayload (model choice function_destination_payload)
    handler.function.behavior = {rule(RuleOutcome::Error, two)};
    Engine e(scenarioOf({src, f, handler}, {{"bus", "f"}}));
    runChecked(e);
    CHECK(countersOf(e, "handler").received == 3);  // one invocation record per event
    // once per record, plus the handler's own async retries of the record for order-2 (1 + 2 retries)
    CHECK(countersOf(e, "handler").invocations == 5);
    CHECK(countersOf(e, "handler").asyncRetries == 2);
    std::size_t handled = 0;
    for (std::uint32_t i = 0; i < e.items().size(); ++i) {
        const Item& it = e.items()[i];
        if (it.origin != e.nodeIndex("handler")) continue;
        ++handled;
        const std::uint32_t parent = e.chainParent(i);
        REQUIRE(parent != kNone);
        CHECK(e.items()[parent].origin == e.nodeIndex("bus"));
        CHECK(e.items()[parent].outcome == ItemOutcome::SentToDestination);
        CHECK(e.chainDepth(i) == 1);
        CHECK(e.itemBody(i) == e.itemBody(parent));  // the requestPayload
    }
    CHECK(handled == 3);
}

TEST_CASE("function destination: on success, and a chain of destinations stops at the recursion limit") {
    // invocation-async-retain-records.html (on-success records) and Lambda DG invocation-recursion.html: a
    // function that is its own destination is rejected, but two functions passing records back and forth form
    // a chain that loop detection stops after about 16 invocations.
    Node a = functionNode("a");
    a.function.async.onSuccess = "b";
    Node b = functionNode("b");
    b.function.async.onSuccess = "a";
    Engine e(scenarioOf({sourceNode("topic", NodeType::Sns, 1), a, b}, {{"topic", "a"}}));
    runChecked(e);
    CHECK(countersOf(e, "a").invocations + countersOf(e, "b").invocations == 16);
    CHECK(countersOf(e, "a").recursionStopped + countersOf(e, "b").recursionStopped == 1);
}

TEST_CASE("SNS -> SQS -> function: every message is delivered to the queue and processed once") {
    // SNS DG "Fanout to Amazon SQS queues" (https://docs.aws.amazon.com/sns/latest/dg/sns-sqs-as-subscriber.html):
    // each subscribed queue receives every message published to the topic; Lambda then consumes the queue.
    Edge subscription;
    subscription.from = "topic";
    subscription.to = "q";
    Edge consume;
    consume.from = "q";
    consume.to = "worker";
    consume.batchSize = 3;
    Edge direct;
    direct.from = "topic";
    direct.to = "direct";
    Engine e(build({sourceNode("topic", NodeType::Sns, 10, 20.0), plainNode("q", NodeType::Sqs), functionNode("worker"),
                    functionNode("direct")},
                   {subscription, consume, direct}));
    runChecked(e);
    CHECK(countersOf(e, "q").sent == 10);
    CHECK(countersOf(e, "q").deleted == 10);
    CHECK(countersOf(e, "direct").invocations == 10);  // the topic's function subscription gets them all too
    std::size_t messages = 0;
    for (std::uint32_t i = 0; i < e.items().size(); ++i) {
        const Item& it = e.items()[i];
        if (it.origin != e.nodeIndex("q")) continue;
        ++messages;
        CHECK(it.attempts == 1);  // processed exactly once
        CHECK(it.outcome == ItemOutcome::Succeeded);
        REQUIRE(e.chainParent(i) != kNone);
        CHECK(e.items()[e.chainParent(i)].origin == e.nodeIndex("topic"));
        CHECK(e.chainDepth(i) == 0);  // no function ran between topic and queue
        CHECK(e.itemBody(i) == e.itemBody(e.chainParent(i)));  // raw message delivery (sns_sqs_raw_delivery)
    }
    CHECK(messages == 10);
}

TEST_CASE("SNS -> SQS: a topic with only queue subscriptions publishes every event") {
    // sns-sqs-as-subscriber.html: two queues subscribed to one topic each get every message.
    Edge a, b, ca, cb;
    a.from = b.from = "topic";
    a.to = ca.from = "qa";
    b.to = cb.from = "qb";
    ca.to = "fa";
    cb.to = "fb";
    Engine e(build({sourceNode("topic", NodeType::Sns, 4, 10.0), plainNode("qa", NodeType::Sqs),
                    plainNode("qb", NodeType::Sqs), functionNode("fa"), functionNode("fb")},
                   {a, b, ca, cb}));
    runChecked(e);
    CHECK(countersOf(e, "topic").unrouted == 0);
    CHECK(countersOf(e, "qa").deleted == 4);
    CHECK(countersOf(e, "qb").deleted == 4);
    for (std::uint32_t i = 0; i < e.items().size(); ++i)
        if (e.items()[i].origin == e.nodeIndex("topic")) CHECK(e.items()[i].outcome == ItemOutcome::Succeeded);
}
