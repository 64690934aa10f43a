// Several event source mappings on one stream or queue (issue 23): stream mappings each read every record,
// SQS mappings compete for the messages. Invariants checked after every step.
#include <map>
#include <set>

#include "test_helpers.hpp"

using namespace pg::sim;
using namespace pg::sim::test;

namespace {

Edge mapping(const std::string& from, const std::string& to, int batchSize) {
    Edge e;
    e.from = from;
    e.to = to;
    e.batchSize = batchSize;
    return e;
}

/// Items of `origin` that ended `outcome`, by the function they belong to.
std::map<std::string, int> outcomesByFunction(const Engine& e, const std::string& origin, ItemOutcome outcome) {
    std::map<std::string, int> counts;
    e.items().all().forEachHeld([&](std::size_t, const Item& it) {
        if (e.node(it.origin).id == origin && it.outcome == outcome && it.function != kNone)
            ++counts[e.node(e.functions()[it.function].node).id];
    });
    return counts;
}

/// Per item, the functions whose invocations ended successfully while carrying it.
std::map<std::uint32_t, std::multiset<std::string>> successfulRuns(const Engine& e) {
    std::map<std::uint32_t, std::multiset<std::string>> runs;
    for (const TraceRecord& r : e.trace().records())
        if (r.kind == TraceKind::InvokeEnd && r.outcome == static_cast<std::uint8_t>(InvokeResult::Success))
            runs[r.item].insert(e.node(r.node).id);
    return runs;
}

}  // namespace

// Lambda DG "Using Lambda with Kinesis" (https://docs.aws.amazon.com/lambda/latest/dg/with-kinesis.html): each
// event source mapping reads the stream with its own iterator per shard; model choice stream_several_mappings.
TEST_CASE("two Kinesis mappings each process every record; a poison record in one does not block the other") {
    Node ks = sourceNode("ks", NodeType::Kinesis, 100, 1e12);
    ks.stream.shards = 2;
    Node f = functionNode("f"), g = functionNode("g");
    f.function.behavior = {rule(RuleOutcome::Error, itemIs("ks#5"))};  // poison for f only, retried until expiry
    Engine e(build({ks, f, g}, {mapping("ks", "f", 10), mapping("ks", "g", 10)}));
    runChecked(e, 10 * kMinute);
    // g read all 100 records and finished them: its checkpoints never wait for f's blocked shard.
    CHECK(outcomesByFunction(e, "ks", ItemOutcome::Succeeded)["g"] == 100);
    CHECK(countersOf(e, "g").invocations >= 10);
    CHECK(countersOf(e, "g").errors == 0);
    // f's shard holding ks#5 is blocked (maximum_retry_attempts -1: retried until the record expires); the other
    // shard's records went through. Every f copy is either done or waits behind the poison batch.
    const int fDone = outcomesByFunction(e, "ks", ItemOutcome::Succeeded)["f"];
    CHECK(fDone > 0);
    CHECK(fDone < 100);
    CHECK(countersOf(e, "f").errors > 10);  // retried on its own
    // The stream counts each record once as sent, every mapping's copy in its other counters.
    CHECK(countersOf(e, "ks").sent == 100);
    CHECK(countersOf(e, "ks").deleted == 100 + fDone);
    // Views: one per mapping, the first by default.
    REQUIRE(e.streamMappingCount(e.nodeIndex("ks")) == 2);
    const auto first = e.streamView(e.nodeIndex("ks"));
    const auto second = e.streamView(e.nodeIndex("ks"), 1);
    REQUIRE(first);
    REQUIRE(second);
    CHECK(first->function == e.functionOfNode(e.nodeIndex("f")));
    CHECK(second->function == e.functionOfNode(e.nodeIndex("g")));
    std::uint32_t blocked = 0, pendingSecond = 0;
    for (const StreamLaneView& lane : first->lanes) blocked += lane.blocked ? 1 : 0;
    for (const StreamLaneView& lane : second->lanes) pendingSecond += lane.pending;
    CHECK(blocked == 1);
    CHECK(pendingSecond == 0);
    CHECK_FALSE(e.streamView(e.nodeIndex("ks"), 2));
}

// Lambda DG with-kinesis, on-failure destinations per mapping
// (https://docs.aws.amazon.com/lambda/latest/dg/kinesis-on-failure-destination.html): each mapping discards
// its own failed batch to its own destination and goes on.
TEST_CASE("two DynamoDB stream mappings: own retries and on-failure destination, 100 records each") {
    Node ds = sourceNode("ds", NodeType::DynamoDbStream, 100, 1e12);
    Node f = functionNode("f"), g = functionNode("g");
    f.function.behavior = {rule(RuleOutcome::Error, itemIs("ds#7"))};
    Edge toF = mapping("ds", "f", 10);
    toF.maximumRetryAttempts = 2;
    toF.bisectBatchOnFunctionError = true;
    toF.onFailure = "dest";
    Engine e(build({ds, f, g, plainNode("dest", NodeType::Sqs)}, {toF, mapping("ds", "g", 25)}));
    runChecked(e);
    CHECK(outcomesByFunction(e, "ds", ItemOutcome::Succeeded)["g"] == 100);
    CHECK(outcomesByFunction(e, "ds", ItemOutcome::Succeeded)["f"] == 99);  // bisected down to ds#7 alone
    CHECK(outcomesByFunction(e, "ds", ItemOutcome::SentToDestination)["f"] == 1);
    CHECK(countersOf(e, "dest").received == 1);
    CHECK(countersOf(e, "g").errors == 0);
    CHECK(countersOf(e, "ds").sent == 100);
}

// Lambda DG "Using Lambda with Amazon SQS" (https://docs.aws.amazon.com/lambda/latest/dg/with-sqs.html) and the
// SQS visibility timeout guide (https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/
// sqs-visibility-timeout.html): a received message is invisible to every other consumer until its timeout.
TEST_CASE("two SQS mappings on one queue split the messages, none processed twice") {
    Node q = sourceNode("q", NodeType::Sqs, 100, 1e12);
    q.queue.visibilityTimeout = 30 * kSecond;  // far longer than the 100 ms runs
    Node f = functionNode("f"), g = functionNode("g");
    Engine e(build({q, f, g}, {mapping("q", "f", 10), mapping("q", "g", 10)}));
    runChecked(e);
    const auto succeeded = outcomesByFunction(e, "q", ItemOutcome::Succeeded);
    CHECK(succeeded.at("f") + succeeded.at("g") == 100);
    // Pollers take turns (model choice sqs_competing_mappings): both get a fair share.
    CHECK(succeeded.at("f") >= 40);
    CHECK(succeeded.at("g") >= 40);
    for (const auto& [item, functions] : successfulRuns(e)) CHECK(functions.size() == 1);  // no id in both
    CHECK(successfulRuns(e).size() == 100);
    CHECK(countersOf(e, "q").receives == 100);  // each message received once
    CHECK(countersOf(e, "q").deleted == 100);
}

// SQS visibility timeout guide (at-least-once: a message not deleted before its timeout is received again, by
// any consumer); Lambda DG with-sqs (a failed batch's messages return after the visibility timeout).
TEST_CASE("SQS: a message one mapping failed is received by the other after the visibility timeout") {
    Node q = sourceNode("q", NodeType::Sqs, 10, 1e12);
    q.queue.visibilityTimeout = 10 * kSecond;
    Node f = functionNode("f"), g = functionNode("g");
    f.function.behavior = {rule(RuleOutcome::Error)};  // f fails every batch it receives
    Engine e(build({q, f, g}, {mapping("q", "f", 10), mapping("q", "g", 10)}));
    runChecked(e);
    // Every message f's pollers received failed there, came back at its visibility timeout and was then
    // received by g (the turn goes on), which processed it: g ends with all 10, none processed twice.
    int carriedByF = 0;
    for (const TraceRecord& r : e.trace().records())
        carriedByF += r.kind == TraceKind::InvokeEnd && r.node == e.nodeIndex("f") ? 1 : 0;
    CHECK(carriedByF > 0);
    CHECK(countersOf(e, "f").errors == countersOf(e, "f").invocations);
    CHECK(outcomesByFunction(e, "q", ItemOutcome::Succeeded)["g"] == 10);
    CHECK(countersOf(e, "q").receives == 10 + carriedByF);  // the queue's receives: both mappings'
    for (const auto& [item, functions] : successfulRuns(e)) CHECK(functions == std::multiset<std::string>{"g"});
}

// SQS DG dead-letter queues: maxReceiveCount counts receives of the message, whoever received it.
TEST_CASE("SQS: receives by every mapping count toward the queue's max_receive_count") {
    Node q = sourceNode("q", NodeType::Sqs, 1, 1e12);
    q.queue.visibilityTimeout = 5 * kSecond;
    q.queue.redrive = Redrive{"dlq", 2};
    Node f = functionNode("f"), g = functionNode("g");
    f.function.behavior = {rule(RuleOutcome::Error)};
    g.function.behavior = {rule(RuleOutcome::Error)};
    Engine e(build({q, f, g, plainNode("dlq", NodeType::Sqs)}, {mapping("q", "f", 1), mapping("q", "g", 1)}));
    runChecked(e);
    CHECK(countersOf(e, "f").invocations == 1);  // receive 1 by f
    CHECK(countersOf(e, "g").invocations == 1);  // receive 2 by g; the third receive moves it to the DLQ
    CHECK(countersOf(e, "q").deadLettered == 1);
    CHECK(countersOf(e, "dlq").received == 1);
}
