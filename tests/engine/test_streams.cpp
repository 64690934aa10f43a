// Kinesis and DynamoDB Streams event source mappings (FIDELITY 6.3, 6.4, 7, 8.7). Scenarios as plain structs;
// invariants checked after every step.
#include "engine/key_template.hpp"
#include "test_helpers.hpp"

using namespace pg::sim;
using namespace pg::sim::test;

namespace {

Node streamNode(const std::string& id, std::int64_t records, double rate = 1e12, int shards = 1,
                NodeType type = NodeType::Kinesis) {
    Node n = sourceNode(id, type, records, rate);
    n.stream.shards = shards;
    return n;
}

Edge esm(const std::string& from, const std::string& to, int batchSize = 100) {
    Edge e;
    e.from = from;
    e.to = to;
    e.batchSize = batchSize;
    return e;
}

std::vector<const DeliveredRecord*> deliveredTo(const Engine& e, const std::string& node) {
    std::vector<const DeliveredRecord*> out;
    for (const DeliveredRecord& r : e.deliveries())
        if (r.node == e.nodeIndex(node)) out.push_back(&r);
    return out;
}

int attemptsOf(const Engine& e, const std::string& id) { return e.items()[itemNamed(e, id)].attempts; }

}  // namespace

TEST_CASE("FIDELITY 6.3 [O]: Kinesis MaxRetry 1, BatchSize 1 -> on-failure record RetryAttemptsExhausted, count 2") {
    Node fn = functionNode("f");
    fn.function.behavior = {rule(RuleOutcome::Error)};
    Edge edge = esm("ks", "f", 1);
    edge.maximumRetryAttempts = 1;
    edge.onFailure = "dest";
    Engine e(build({streamNode("ks", 1), fn, plainNode("dest", NodeType::Sqs)}, {edge}));
    runChecked(e);
    const auto records = deliveredTo(e, "dest");
    REQUIRE(records.size() == 1);
    const DeliveredRecord& r = *records[0];
    CHECK(r.kind == DeliveryKind::StreamBatchInfo);
    CHECK(r.condition == Condition::RetryAttemptsExhausted);
    CHECK(r.approximateInvokeCount == 2);
    CHECK(e.batchInfo(r).batchSize == 1);
    CHECK(r.lastResult == InvokeResult::Error);  // functionError "Unhandled"
    CHECK(e.batchInfo(r).startSequence == 1);
    CHECK(e.batchInfo(r).endSequence == 1);
    CHECK(e.items()[0].attempts == 2);
    CHECK(e.items()[0].outcome == ItemOutcome::SentToDestination);
    CHECK(countersOf(e, "dest").visible == 1);  // the destination queue counts it
}

TEST_CASE("FIDELITY 6.3: records are read at the poll tick after they arrive, in order, one batch per shard") {
    Engine e(build({streamNode("ks", 250, 100.0), functionNode("f", 10 * kMillisecond)}, {esm("ks", "f", 100)}));
    runChecked(e, 3 * kSecond);
    // Poll at 1 s fetches arrivals 0..1.0 s (101 records): batches [1..100] at 1 s and [101] right after it
    // ends (already fetched); the poll at 2 s likewise: [102..200], then [201].
    CHECK(countersOf(e, "f").invocations == 4);
    std::uint32_t previous = 0;
    for (const TraceRecord& r : e.trace().records())
        if (r.kind == TraceKind::InvokeStart) {
            CHECK(e.items()[r.item].number > previous);
            previous = e.items()[r.item].number;
        }
    const auto view = e.streamView(e.nodeIndex("ks"));
    REQUIRE(view);
    CHECK(view->lastIteratorAge == 20 * kMillisecond);  // [201] arrived at 2.0 s, finished at 2.02 s
}

TEST_CASE("keyTemplateHash is the FNV-1a hash of the rendered partition key (shard choice unchanged)") {
    // Records pick their shard from this hash; computing it without rendering must give the same shard.
    std::string text;
    for (const std::string tmpl : {"", "{n}", "key-{n}", "user-{n%7}", "{n%1}", "{n%0}", "{n%}", "x{n", "{n}{n%3}-{n}",
                                   "{m}", "%{n%1000000007}"}) {
        for (std::uint32_t n : {0u, 1u, 9u, 10u, 99u, 12345u, 4294967295u}) {
            renderKeyTemplate(tmpl, n, text);
            CHECK_MESSAGE(keyTemplateHash(tmpl, n) == keyHash(text), tmpl << " / " << n);
        }
    }
    // FNV-1a 32 reference values: offset basis for "", and "a" -> 0xe40c292c.
    CHECK(keyHash("") == 2166136261u);
    CHECK(keyHash("a") == 0xe40c292cu);
}

TEST_CASE("FIDELITY 6.4: DynamoDB Streams poll 4 times per second") {
    Engine e(build({streamNode("ddb", 1, 1.0, 1, NodeType::DynamoDbStream), functionNode("f")}, {esm("ddb", "f")}));
    runChecked(e);
    CHECK(attemptSeconds(e, 0) == std::vector<double>{0.25});
}

TEST_CASE("FIDELITY 6.3/8.7: a poison record blocks its shard until it expires; other shards go on") {
    Node ks = streamNode("ks", 40, 1.0, 2);
    ks.traffic.partitionKey = "key-{n}";
    Node fn = functionNode("f");
    fn.function.behavior = {rule(RuleOutcome::Error, itemIs("ks#1"))};
    Engine e(build({ks, fn}, {esm("ks", "f", 10)}));
    runChecked(e, 10 * kMinute);
    std::uint32_t poisonShard = 0, shard = 0;
    std::uint64_t seq = 0;
    REQUIRE(e.streamRecordPosition(itemNamed(e, "ks#1"), poisonShard, seq));
    int sameShard = 0, otherShard = 0;
    for (std::uint32_t n = 2; n <= 40; ++n) {
        const std::uint32_t item = itemNamed(e, "ks#" + std::to_string(n));
        e.streamRecordPosition(item, shard, seq);
        if (shard == poisonShard) {
            ++sameShard;
            CHECK(e.items()[item].state == ItemState::Visible);  // blocked behind the poison record
            CHECK(e.items()[item].attempts == 0);
        } else {
            ++otherShard;
            CHECK(e.items()[item].outcome == ItemOutcome::Succeeded);
        }
    }
    CHECK(sameShard > 0);
    CHECK(otherShard > 0);
    CHECK(e.items()[0].attempts > 10);  // retried again and again (MaximumRetryAttempts -1)
    const auto view = e.streamView(e.nodeIndex("ks"));
    REQUIRE(view);
    CHECK(view->lanes[poisonShard].blocked);
    CHECK(view->lanes[poisonShard].oldestPendingAge >= 9 * kMinute);

    runChecked(e, 2 * kDay);
    // Retention (24 h) trims the poison record: outcome expired, the shard moves on.
    CHECK(e.items()[0].outcome == ItemOutcome::Expired);
    CHECK(countersOf(e, "ks").expired >= 1);
    CHECK(countersOf(e, "ks").deleted + countersOf(e, "ks").expired == 40);
    // The poison record expired during one of its invocations; that invocation still ended (model choice
    // stream retention, as SQS sqs_retention_in_flight).
    CHECK(unendedInvocations(e) == 0);
}

TEST_CASE("FIDELITY 6.3: a record trimmed by retention while its invocation runs still ends that attempt") {
    // A poison record retried for 24 h by a function that runs 10 min per attempt: retention ends while an
    // invocation carries it. The record expires (outcome expired) and the invocation still records its end.
    Node ks = streamNode("ks", 1, 1.0, 1);
    Node fn = functionNode("f", 10 * kMinute, 15 * kMinute);
    fn.function.behavior = {rule(RuleOutcome::Error)};
    Engine e(build({ks, fn}, {esm("ks", "f", 1)}));
    runChecked(e, 2 * kDay);
    CHECK(e.items()[0].outcome == ItemOutcome::Expired);
    bool expiredWhileRunning = false;
    SimTime lastStart = -1;
    for (const TraceRecord& r : e.trace().records()) {
        if (r.kind == TraceKind::InvokeStart) lastStart = r.time;
        if (r.kind == TraceKind::Finished) expiredWhileRunning = lastStart >= 0 && r.time < lastStart + 10 * kMinute;
    }
    CHECK(expiredWhileRunning);  // the situation under test
    CHECK(unendedInvocations(e) == 0);
    CHECK(e.functions()[0].inFlight == 0);
}

TEST_CASE("FIDELITY 6.3/7: bisect isolates the poison record without using retries; on-failure gets batch of 1") {
    Node fn = functionNode("f");
    fn.function.behavior = {rule(RuleOutcome::Error, itemIs("ks#5"))};
    Edge edge = esm("ks", "f", 10);
    edge.bisectBatchOnFunctionError = true;
    edge.maximumRetryAttempts = 2;
    edge.onFailure = "dest";
    Engine e(build({streamNode("ks", 10), fn, plainNode("dest", NodeType::Sns)}, {edge}));
    runChecked(e);
    for (std::uint32_t n = 1; n <= 10; ++n) {
        const std::uint32_t item = itemNamed(e, "ks#" + std::to_string(n));
        CHECK(e.items()[item].outcome == (n == 5 ? ItemOutcome::SentToDestination : ItemOutcome::Succeeded));
    }
    const auto records = deliveredTo(e, "dest");
    REQUIRE(records.size() == 1);
    CHECK(e.batchInfo(*records[0]).batchSize == 1);
    CHECK(e.batchInfo(*records[0]).startSequence == 5);
    CHECK(records[0]->approximateInvokeCount == 3);  // the batch [#5]: 1 + 2 retries; splits cost nothing
    // #5 ran in [1..10], [1..5], [3..5], [4..5], [5] x3
    CHECK(attemptsOf(e, "ks#5") == 7);
    CHECK(countersOf(e, "ks").deleted == 9);
}

TEST_CASE("FIDELITY 6.3 [O]: ReportBatchItemFailures, BatchSize 3, record #6 always failed, MaxRetry 3") {
    Node fn = functionNode("f");
    fn.function.behavior = {rule(RuleOutcome::ReportFailure, itemIs("ks#6"))};
    Edge edge = esm("ks", "f", 3);
    edge.reportBatchItemFailures = true;
    edge.maximumRetryAttempts = 3;
    edge.onFailure = "dest";
    Engine e(build({streamNode("ks", 6), fn, plainNode("dest", NodeType::Sqs)}, {edge}));
    runChecked(e);
    CHECK(attemptsOf(e, "ks#6") == 5);  // observed: 5 deliveries in total
    const auto records = deliveredTo(e, "dest");
    REQUIRE(records.size() == 1);
    CHECK(records[0]->approximateInvokeCount == 4);
    CHECK(e.batchInfo(*records[0]).batchSize == 1);
    CHECK(records[0]->lastResult == InvokeResult::Success);  // functionError null: the handler returned
    for (int n = 1; n <= 5; ++n) CHECK(attemptsOf(e, "ks#" + std::to_string(n)) == 1);
}

TEST_CASE("FIDELITY 6.3: checkpoint at the lowest failed record; records after it are retried too") {
    Node fn = functionNode("f");
    RuleCondition c = itemIs("ks#2");
    c.before = 1050 * kMillisecond;  // only in the first invocation (1 s; the re-read starts at 1.1 s)
    fn.function.behavior = {rule(RuleOutcome::ReportFailure, c)};
    Edge edge = esm("ks", "f", 4);
    edge.reportBatchItemFailures = true;
    Engine e(build({streamNode("ks", 4), fn}, {edge}));
    runChecked(e);
    CHECK(attemptsOf(e, "ks#1") == 1);
    CHECK(attemptsOf(e, "ks#2") == 2);
    CHECK(attemptsOf(e, "ks#3") == 2);  // succeeded, but after the checkpoint
    CHECK(attemptsOf(e, "ks#4") == 2);
}

TEST_CASE("FIDELITY 6.3 [O]: MaximumRecordAge with infinite retries -> RecordAgeExceeded, no response context") {
    Node fn = functionNode("f");
    fn.function.behavior = {rule(RuleOutcome::Error)};
    Edge edge = esm("ks", "f", 1);
    edge.maximumRecordAge = 60 * kSecond;
    edge.onFailure = "dest";
    Engine e(build({streamNode("ks", 1), fn, plainNode("dest", NodeType::Sqs)}, {edge}));
    runChecked(e);
    const auto records = deliveredTo(e, "dest");
    REQUIRE(records.size() == 1);
    CHECK(records[0]->condition == Condition::RecordAgeExceeded);
    CHECK(records[0]->lastResult == InvokeResult::None);
    // Invocations at 1 s, then 0.5 s x 1.5^(n-1) after each 100 ms run, while the age is <= 60 s: 11 here.
    // AWS observed 8 (FIDELITY 6.3 [O] approx, jittered backoff and slower runs); same order of magnitude.
    CHECK(records[0]->approximateInvokeCount == e.items()[0].attempts);
    CHECK(e.items()[0].attempts == 11);
}

TEST_CASE("FIDELITY 6.3: throttles do not count as retries") {
    Node fn = functionNode("f", 3 * kSecond, 5 * kSecond);
    fn.function.reservedConcurrency = 1;
    Node ks = streamNode("ks", 8, 1e12, 4);
    Edge edge = esm("ks", "f", 10);
    edge.maximumRetryAttempts = 0;
    edge.onFailure = "dest";
    Engine e(build({ks, fn, plainNode("dest", NodeType::Sqs)}, {edge}));
    runChecked(e);
    CHECK(countersOf(e, "f").throttles > 0);
    CHECK(deliveredTo(e, "dest").empty());
    CHECK(countersOf(e, "ks").deleted == 8);
}

TEST_CASE("FIDELITY 6.3/6.4: parallelization factor runs one shard's partition keys concurrently, in order per key") {
    Node ddb = streamNode("ddb", 20, 1e12, 1, NodeType::DynamoDbStream);
    ddb.traffic.partitionKey = "user-{n%4}";
    Edge edge = esm("ddb", "f", 2);
    edge.parallelizationFactor = 4;
    Engine e(build({ddb, functionNode("f", 1 * kSecond)}, {edge}));
    runChecked(e);
    CHECK(countersOf(e, "f").peakConcurrency > 1);
    CHECK(countersOf(e, "f").peakConcurrency <= 4);
    // per key, invocation start times grow with the record number
    for (std::uint32_t key = 0; key < 4; ++key) {
        double last = -1;
        for (std::uint32_t n = 1; n <= 20; ++n) {
            if (n % 4 != key) continue;
            const auto t = attemptSeconds(e, itemNamed(e, "ddb#" + std::to_string(n)));
            REQUIRE(t.size() == 1);
            CHECK(t[0] >= last);
            last = t[0];
        }
    }
    SUBCASE("factor 1: one batch at a time for the shard") {
        Edge one = esm("ddb", "f", 2);
        Engine e1(build({ddb, functionNode("f", 1 * kSecond)}, {one}));
        runChecked(e1);
        CHECK(countersOf(e1, "f").peakConcurrency == 1);
    }
}

TEST_CASE("FIDELITY 6.3: AT_TIMESTAMP skips earlier records (Kinesis only)") {
    Edge edge = esm("ks", "f", 10);
    edge.startingPosition = StartingPosition::AtTimestamp;
    edge.startingPositionTimestamp = 5 * kSecond;
    Engine e(build({streamNode("ks", 10, 1.0), functionNode("f")}, {edge}));
    runChecked(e);
    CHECK(countersOf(e, "ks").deleted == 5);   // records at 5..9 s
    CHECK(countersOf(e, "ks").expired == 5);   // never read; trimmed at 24 h
}

TEST_CASE("Streams: same scenario, same fingerprint; metrics carry the iterator age") {
    Node ks = streamNode("ks", 300, 50.0, 3);
    ks.traffic.partitionKey = "p{n%7}";
    Node fn = functionNode("f");
    RuleCondition c;
    c.rate = 0.1;
    fn.function.behavior = {rule(RuleOutcome::Error, c)};
    Edge edge = esm("ks", "f", 10);
    edge.bisectBatchOnFunctionError = true;
    edge.maximumRetryAttempts = 2;
    const Scenario s = build({ks, fn}, {edge});
    Engine a(s), b(s);
    runChecked(a);
    b.runUntil(kNever);
    CHECK(a.traceFingerprint() == b.traceFingerprint());
    CHECK(countersOf(a, "ks").deleted + countersOf(a, "ks").deadLettered == 300);
    const auto& series = a.metrics().queueSeries(a.nodeIndex("ks"));
    REQUIRE(series.size() > 2);
    CHECK(series[2].iteratorAge > 0);
}

#include "scenario/delivered_record_json.hpp"

TEST_CASE("FIDELITY 6.3 [O]: the on-failure record is KinesisBatchInfo metadata; SQS redrive copy keeps id and body") {
    Node fn = functionNode("f");
    fn.function.behavior = {rule(RuleOutcome::Error)};
    Edge edge = esm("ks", "f", 1);
    edge.maximumRetryAttempts = 1;
    edge.onFailure = "dest";
    Engine e(build({streamNode("ks", 1), fn, plainNode("dest", NodeType::Sqs)}, {edge}));
    runChecked(e);
    REQUIRE(e.deliveries().size() == 1);
    const std::string json = pg::scenario::deliveredRecordJson(e, e.deliveries()[0]);
    CHECK(json.find("\"condition\":\"RetryAttemptsExhausted\"") != std::string::npos);
    CHECK(json.find("\"approximateInvokeCount\":2") != std::string::npos);
    CHECK(json.find("\"functionError\":\"Unhandled\"") != std::string::npos);
    CHECK(json.find("\"KinesisBatchInfo\":{\"shardId\":\"shardId-000000000000\"") != std::string::npos);
    CHECK(json.find("\"batchSize\":1") != std::string::npos);
    CHECK(json.find(":function:f\"") != std::string::npos);  // unqualified functionArn
    CHECK(json.find("requestPayload") == std::string::npos);  // metadata only

    Node q = sourceNode("q", NodeType::Sqs, 1);
    q.traffic.body = "order-{n}";
    q.queue.visibilityTimeout = 5 * kSecond;
    q.queue.redrive = Redrive{"dlq", 1};
    Node dlq = plainNode("dlq", NodeType::Sqs);
    dlq.queue.retention = 14 * kDay;
    Node g = functionNode("g");
    g.function.behavior = {rule(RuleOutcome::Error)};
    Engine s(build({q, g, dlq}, {esm("q", "g", 1)}));
    runChecked(s, 1 * kHour);
    REQUIRE(s.deliveries().size() == 1);
    CHECK(pg::scenario::deliveredRecordJson(s, s.deliveries()[0]) == "{\"messageId\":\"q#1\",\"body\":\"order-1\"}");
}

TEST_CASE("FIDELITY 6.3: a stream's on-failure record consumed through a queue carries no record data") {
    // Lambda DG "Kinesis on-failure destinations" (DG-KIN-OFD, https://docs.aws.amazon.com/lambda/latest/dg/
    // kinesis-on-failure-destination.html): the record holds KinesisBatchInfo metadata only, not the records.
    // The consumer's body_contains rule on the records' text must not match.
    Node fn = functionNode("f");
    fn.function.behavior = {rule(RuleOutcome::Error)};
    Edge edge = esm("ks", "f", 1);
    edge.maximumRetryAttempts = 0;
    edge.onFailure = "failures";
    Node stream = streamNode("ks", 2);
    stream.traffic.body = "secret-{n}";
    Node reader = functionNode("reader");
    RuleCondition secret;
    secret.bodyContains = "secret";
    reader.function.behavior = {rule(RuleOutcome::Error, secret)};
    Edge consume;
    consume.from = "failures";
    consume.to = "reader";
    Engine e(build({stream, fn, plainNode("failures", NodeType::Sqs), reader}, {edge, consume}));
    runChecked(e);
    CHECK(countersOf(e, "failures").received == 2);
    CHECK(countersOf(e, "reader").invocations >= 1);
    CHECK(countersOf(e, "reader").errors == 0);  // no record text in the body, so the rule never matches
    for (std::uint32_t i = 0; i < e.items().size(); ++i)
        if (e.items()[i].origin == e.nodeIndex("failures")) CHECK(e.itemBody(i).empty());
}
