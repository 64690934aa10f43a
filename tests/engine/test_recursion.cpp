// Send edges (a function's code sending to an sqs queue or sns topic or writing to an s3 bucket), Lambda's
// recursive loop detection and messages delivered into queues that a function consumes.
//
// FIDELITY sources for this file (not yet rows of FIDELITY.md):
// - AWS DG "Use Lambda recursive loop detection to prevent infinite loops"
//   (https://docs.aws.amazon.com/lambda/latest/dg/invocation-recursion.html) [D]: a function invoked about 16
//   times in the same chain of requests has its next invocation stopped; Terminate is the default and Allow
//   turns it off; an SQS message that is stopped has its receive count incremented and is retried until
//   maxReceiveCount sends it to the source queue's DLQ; an async event goes to the function's on-failure
//   destination or DLQ.
// - boto/boto3#3899 [C] "Self reflexive lambda function execution by sqs queue trigger stops after 16
//   (sixteen) calls": a function re-sending to its own trigger queue ran exactly 16 times.
// - FIDELITY 6.2 "DLQ type" row [D] SQS-DLQ: a redriven message keeps its original enqueue timestamp.
#include "test_helpers.hpp"

using namespace pg::sim;
using namespace pg::sim::test;

namespace {

Node queueNode(const std::string& id, std::int64_t messages, SimTime visibility = 30 * kSecond) {
    Node n = sourceNode(id, NodeType::Sqs, messages, 1000.0);
    n.queue.visibilityTimeout = visibility;
    return n;
}

Edge wire(const std::string& from, const std::string& to, int batchSize = 1) {
    Edge e;
    e.from = from;
    e.to = to;
    if (batchSize > 0) e.batchSize = batchSize;
    return e;
}

Edge sendEdge(const std::string& from, const std::string& to, SendOn on = SendOn::Success) {
    Edge e;
    e.from = from;
    e.to = to;
    e.sendOn = on;
    return e;
}

int countRecords(const Engine& e, TraceKind kind, std::uint32_t item = kNone) {
    int n = 0;
    for (const TraceRecord& r : e.trace().records())
        if (r.kind == kind && (item == kNone || r.item == item)) ++n;
    return n;
}

std::uint32_t firstRecordIndex(const Engine& e, TraceKind kind, std::uint32_t item) {
    const auto& records = e.trace().records();
    for (std::uint32_t i = 0; i < records.size(); ++i)
        if (records[i].kind == kind && records[i].item == item) return i;
    return kNone;
}

const TraceRecord* firstRecord(const Engine& e, TraceKind kind, std::uint32_t item) {
    const std::uint32_t i = firstRecordIndex(e, kind, item);
    return i == kNone ? nullptr : &e.trace().records()[i];
}

}  // namespace

TEST_CASE("send edge: each successful invocation sends one message, a new item caused by the invocation") {
    Node in = queueNode("orders", 2);
    in.traffic.body = "order-{n}";
    Node fn = functionNode("relay");
    fn.function.behavior = {rule(RuleOutcome::Error, itemIs("orders#2"))};  // orders#2 never succeeds: no send
    Node out = plainNode("out", NodeType::Sqs);
    Node sink = functionNode("sink");
    Engine e(build({in, fn, out, sink}, {wire("orders", "relay"), sendEdge("relay", "out"), wire("out", "sink")}));
    runChecked(e, 20 * kSecond);

    const std::uint32_t parent = itemNamed(e, "orders#1");
    const std::uint32_t child = itemNamed(e, "out#1");
    REQUIRE(child != kNone);
    CHECK(itemNamed(e, "out#2") == kNone);       // orders#2 failed every time: nothing sent for it
    CHECK(e.itemBody(child) == "order-1");       // the processed message's body
    CHECK(e.chainParent(child) == parent);
    CHECK(e.chainDepth(child) == 1);             // one invocation before it in its chain
    CHECK(e.chainDepth(parent) == 0);
    CHECK(countersOf(e, "relay").messagesSent == 1);
    CHECK(countersOf(e, "out").sent == 1);
    CHECK(countersOf(e, "sink").invocations == 1);
    CHECK(e.items()[child].outcome == ItemOutcome::Succeeded);
    // Trace: the parent's Sent record names the target queue, and the child's Arrival has it as its cause.
    const TraceRecord* sent = firstRecord(e, TraceKind::Sent, parent);
    const TraceRecord* arrival = firstRecord(e, TraceKind::Arrival, child);
    REQUIRE(sent);
    REQUIRE(arrival);
    CHECK(sent->node == e.nodeIndex("out"));
    CHECK(arrival->cause == firstRecordIndex(e, TraceKind::Sent, parent));
    CHECK(arrival->time == 100 * kMillisecond);  // sent at the end of the 100 ms run
}

TEST_CASE("send edge: send_on always also sends after a failed invocation") {
    Node in = queueNode("orders", 1, 5 * kSecond);
    in.queue.redrive = Redrive{"dlq", 2};
    Node fn = functionNode("relay");
    fn.function.behavior = {rule(RuleOutcome::Error)};
    Engine e(build({in, fn, plainNode("dlq", NodeType::Sqs), plainNode("out", NodeType::Sqs)},
                   {wire("orders", "relay"), sendEdge("relay", "out", SendOn::Always)}));
    runChecked(e, 1 * kMinute);
    CHECK(countersOf(e, "relay").invocations == 2);
    CHECK(countersOf(e, "relay").messagesSent == 2);  // one per attempt: the handler sends, then throws
    CHECK(itemNamed(e, "out#2") != kNone);
}

TEST_CASE("recursion (AWS DG invocation-recursion; boto3#3899): a function re-sending to its trigger queue runs "
          "16 times, then the message is stopped until the redrive policy dead-letters it") {
    Node q = queueNode("orders", 1);
    q.queue.redrive = Redrive{"orders-dlq", 3};
    Node fn = functionNode("relay");  // 100 ms, no cold start
    Engine e(build({q, fn, plainNode("orders-dlq", NodeType::Sqs)},
                   {wire("orders", "relay"), sendEdge("relay", "orders")}));
    runChecked(e, 10 * kMinute);

    // 16 invocations (orders#1 .. orders#16), the 17th is stopped: "approximately 16" in the guide, exactly
    // 16 observed in boto3#3899 (model choice recursion_threshold).
    CHECK(countersOf(e, "relay").invocations == 16);
    CHECK(countersOf(e, "relay").messagesSent == 16);
    for (int n = 1; n <= 16; ++n) {
        const std::uint32_t it = itemNamed(e, "orders#" + std::to_string(n));
        REQUIRE(it != kNone);
        CHECK(e.chainDepth(it) == static_cast<std::uint32_t>(n - 1));
        CHECK(e.items()[it].outcome == ItemOutcome::Succeeded);
    }
    const std::uint32_t looped = itemNamed(e, "orders#17");
    REQUIRE(looped != kNone);
    CHECK(e.chainDepth(looped) == 16);
    CHECK(e.items()[looped].attempts == 0);  // the function never ran with it
    // Each receive increments the receive count and is stopped (RecursiveInvocationException to the
    // mapping); after 3 receives the next one moves it to the DLQ (FIDELITY 6.2 redrive).
    CHECK(countRecords(e, TraceKind::Received, looped) == 3);
    CHECK(countRecords(e, TraceKind::RecursionStopped, looped) == 3);
    CHECK(countersOf(e, "relay").recursionStopped == 3);  // RecursiveInvocationsDropped
    CHECK(e.items()[looped].outcome == ItemOutcome::DeadLettered);
    CHECK(e.items()[looped].endedIn == e.nodeIndex("orders-dlq"));
    // orders#17 was sent at 1.6 s (16 runs of 100 ms), stopped at 1.6, 31.6 and 61.6 s (30 s visibility
    // timeout), and moved at the receive at 91.6 s.
    REQUIRE(e.deliveries().size() == 1);
    CHECK(e.deliveries()[0].time == 91600 * kMillisecond);
    CHECK(itemNamed(e, "orders#18") == kNone);
}

TEST_CASE("recursion: recursive_loop Allow never stops the loop") {
    Node q = queueNode("orders", 1);
    Node fn = functionNode("relay");
    fn.function.recursiveLoop = RecursiveLoop::Allow;
    Engine e(build({q, fn}, {wire("orders", "relay"), sendEdge("relay", "orders")}));
    runChecked(e, 10 * kSecond);
    // One hop every 100 ms: invocations start at 0, 0.1, ..., 9.9 s.
    CHECK(countersOf(e, "relay").invocations == 100);
    CHECK(countersOf(e, "relay").recursionStopped == 0);
}

TEST_CASE("recursion: without a redrive policy the stopped message returns after every visibility timeout until "
          "retention ends") {
    Node q = queueNode("orders", 1, 30 * kSecond);
    q.queue.retention = 100 * kSecond;
    Engine e(build({q, functionNode("relay")}, {wire("orders", "relay"), sendEdge("relay", "orders")}));
    runChecked(e, 10 * kMinute);
    const std::uint32_t looped = itemNamed(e, "orders#17");
    REQUIRE(looped != kNone);
    // Sent at 1.6 s, expires at 101.6 s (retention 100 s): receives, all stopped, at 1.6, 31.6, 61.6 and
    // 91.6 s; retention deletes it while hidden (sqs_retention_in_flight).
    CHECK(countRecords(e, TraceKind::RecursionStopped, looped) == 4);
    const TraceRecord* finished = firstRecord(e, TraceKind::Finished, looped);
    REQUIRE(finished);
    CHECK(finished->time == 101600 * kMillisecond);
    CHECK(e.items()[looped].outcome == ItemOutcome::Expired);
    CHECK(countersOf(e, "relay").invocations == 16);
}

TEST_CASE("recursion: an async loop through an sns topic sends the stopped event to the on-failure destination") {
    Node topic = sourceNode("topic", NodeType::Sns, 1);
    Node fn = functionNode("pub");
    fn.function.async.onFailure = "failures";
    Engine e(build({topic, fn, plainNode("failures", NodeType::Sqs)},
                   {wire("topic", "pub", 0), sendEdge("pub", "topic")}));
    runChecked(e, 10 * kMinute);
    CHECK(countersOf(e, "pub").invocations == 16);
    const std::uint32_t stopped = itemNamed(e, "topic#17");
    REQUIRE(stopped != kNone);
    CHECK(e.items()[stopped].attempts == 0);
    CHECK(e.items()[stopped].outcome == ItemOutcome::SentToDestination);
    CHECK(e.items()[stopped].condition == Condition::RecursiveLoop);
    REQUIRE(e.deliveries().size() == 1);
    CHECK(e.deliveries()[0].node == e.nodeIndex("failures"));
    CHECK(e.deliveries()[0].approximateInvokeCount == 0);
    CHECK(countersOf(e, "pub").recursionStopped == 1);
}

TEST_CASE("FIDELITY 6.2 'DLQ type': a DLQ wired to a function is consumed; the redriven message keeps its id "
          "and its original enqueue time") {
    Node q = queueNode("orders", 1, 5 * kSecond);
    q.queue.redrive = Redrive{"dlq", 2};
    Node fn = functionNode("process");
    fn.function.behavior = {rule(RuleOutcome::Error)};
    Node dlq = plainNode("dlq", NodeType::Sqs);
    dlq.queue.retention = 2 * kMinute;
    Node drain = functionNode("drain");
    drain.function.behavior = {rule(RuleOutcome::Error)};  // fails too: the message stays until retention ends
    Engine e(build({q, fn, dlq, drain}, {wire("orders", "process"), wire("dlq", "drain")}));
    runChecked(e, 10 * kMinute);

    const std::uint32_t msg = itemNamed(e, "orders#1");
    CHECK(countersOf(e, "process").invocations == 2);   // receive counts 1 and 2, moved at the 3rd receive (10 s)
    CHECK(countersOf(e, "drain").invocations >= 1);
    CHECK(e.items()[msg].outcome == ItemOutcome::Expired);
    // Retention in the DLQ counts from the original enqueue time (0 s), not from the move at 10 s: 120 s.
    const TraceRecord* finished = firstRecord(e, TraceKind::Finished, msg);
    REQUIRE(finished);
    CHECK(finished->time == 2 * kMinute);
    CHECK(e.trace().records().size() > 0);
    CHECK(itemNamed(e, "dlq#1") == kNone);  // the same message, not a new one
}

TEST_CASE("a redrive consumer drains the DLQ: the dead-lettered message is processed there") {
    Node q = queueNode("orders", 1, 5 * kSecond);
    q.queue.redrive = Redrive{"dlq", 2};
    Node fn = functionNode("process");
    fn.function.behavior = {rule(RuleOutcome::Error)};
    Engine e(build({q, fn, plainNode("dlq", NodeType::Sqs), functionNode("drain")},
                   {wire("orders", "process"), wire("dlq", "drain")}));
    runChecked(e, 10 * kMinute);
    const std::uint32_t msg = itemNamed(e, "orders#1");
    CHECK(countersOf(e, "process").invocations == 2);
    CHECK(countersOf(e, "drain").invocations == 1);
    CHECK(countersOf(e, "orders").deadLettered == 1);
    CHECK(e.items()[msg].outcome == ItemOutcome::Succeeded);
    CHECK(attemptSeconds(e, msg) == std::vector<double>{0.0, 5.0, 10.0});  // the third run is drain's
    const auto view = e.queueView(e.nodeIndex("dlq"));
    REQUIRE(view);
    CHECK(view->visible == 0);
}

TEST_CASE("a function DLQ or destination queue wired to a function: each record becomes a new message there") {
    Node bucket = sourceNode("uploads", NodeType::S3, 1);
    bucket.traffic.body = "photo-{n}.jpg";
    Node fn = functionNode("thumb");
    fn.function.behavior = {rule(RuleOutcome::Error)};
    fn.function.async.maxRetryAttempts = 0;
    fn.function.async.onFailure = "failures";
    Engine e(build({bucket, fn, plainNode("failures", NodeType::Sqs), functionNode("audit")},
                   {wire("uploads", "thumb", 0), wire("failures", "audit")}));
    runChecked(e, 10 * kMinute);
    const std::uint32_t event = itemNamed(e, "uploads#1");
    const std::uint32_t record = itemNamed(e, "failures#1");
    REQUIRE(record != kNone);
    CHECK(e.items()[event].outcome == ItemOutcome::SentToDestination);
    CHECK(e.chainParent(record) == event);
    CHECK(e.chainDepth(record) == 1);           // the event was invoked once before the record was sent
    CHECK(e.itemBody(record) == "photo-1.jpg");
    CHECK(countersOf(e, "audit").invocations == 1);
    CHECK(e.items()[record].outcome == ItemOutcome::Succeeded);
    CHECK(countersOf(e, "failures").sent == 1);  // counted once, as the delivery
}

TEST_CASE("an sns topic that receives a function's on-failure records and invokes a function: each record is a "
          "new event there") {
    Node bucket = sourceNode("uploads", NodeType::S3, 2);
    Node fn = functionNode("thumb");
    fn.function.behavior = {rule(RuleOutcome::Error, itemIs("uploads#2"))};
    fn.function.async.maxRetryAttempts = 0;
    fn.function.async.onFailure = "alerts";
    Engine e(build({bucket, fn, plainNode("alerts", NodeType::Sns), functionNode("notify")},
                   {wire("uploads", "thumb", 0), wire("alerts", "notify", 0)}));
    runChecked(e, 10 * kMinute);
    const std::uint32_t failed = itemNamed(e, "uploads#2");
    const std::uint32_t alert = itemNamed(e, "alerts#1");
    REQUIRE(alert != kNone);
    CHECK(itemNamed(e, "alerts#2") == kNone);        // uploads#1 succeeded: no on-success destination
    CHECK(e.chainParent(alert) == failed);
    CHECK(e.chainDepth(alert) == 1);
    CHECK(countersOf(e, "notify").invocations == 1);  // invoked asynchronously by the topic
    CHECK(e.items()[alert].outcome == ItemOutcome::Succeeded);
    CHECK(countersOf(e, "alerts").accepted == 1);
}

TEST_CASE("recursion: a loop through a destination is also terminated (AWS DG invocation-recursion: events sent "
          "to a destination that invokes the function form another loop)") {
    // An async function whose on-failure destination is the topic that invokes it: every failure record is a
    // new event one invocation further along the chain, until the 17th is stopped and, having no attempt,
    // still goes to the on-failure destination... which is the same topic: that event is stopped at once.
    Node topic = sourceNode("topic", NodeType::Sns, 1);
    Node fn = functionNode("handler");
    fn.function.behavior = {rule(RuleOutcome::Error)};
    fn.function.async.maxRetryAttempts = 0;
    fn.function.async.onFailure = "topic";
    Engine e(build({topic, fn}, {wire("topic", "handler", 0)}));
    runChecked(e, 1 * kHour);
    CHECK(countersOf(e, "handler").invocations == 16);
    // topic#17 (chain depth 16) is stopped; its record still goes to the on-failure destination (the topic) but
    // starts no new event there: that loop is terminated too (model choice chain_metadata).
    CHECK(countersOf(e, "handler").recursionStopped == 1);
    const std::uint32_t stopped = itemNamed(e, "topic#17");
    REQUIRE(stopped != kNone);
    CHECK(e.items()[stopped].condition == Condition::RecursiveLoop);
    CHECK(itemNamed(e, "topic#18") == kNone);
    CHECK(countersOf(e, "topic").received == 17);  // 16 failure records and the stopped event's record
}

TEST_CASE("recursion: a loop of events that fail without any attempt (reserved concurrency 0) through their own "
          "destination ends after 16 hops") {
    Node topic = sourceNode("topic", NodeType::Sns, 1);
    Node fn = functionNode("handler");
    fn.function.reservedConcurrency = 0;  // every event fails at once, ZeroReservedConcurrency (FIDELITY 5.1)
    fn.function.async.onFailure = "topic";
    Engine e(build({topic, fn}, {wire("topic", "handler", 0)}));
    runChecked(e, 1 * kHour);
    CHECK(countersOf(e, "handler").invocations == 0);
    CHECK(itemNamed(e, "topic#17") != kNone);  // 16 hops: topic#1 .. topic#16 fail, topic#17 is stopped
    CHECK(itemNamed(e, "topic#18") == kNone);
    CHECK(countersOf(e, "handler").recursionStopped == 1);
}

TEST_CASE("recursion: a function writing objects to the bucket that invokes it is stopped after 16 invocations") {
    // AWS DG invocation-recursion (https://docs.aws.amazon.com/lambda/latest/dg/invocation-recursion.html):
    // "Lambda currently detects recursive loops between your functions, Amazon SQS, Amazon S3, and Amazon SNS".
    // uploads#1 invokes `thumbnail`, which writes an object back (PutObject): uploads#2 at chain depth 1, ...,
    // uploads#17 at depth 16 is stopped (no attempt, condition RecursiveInvocationException, no destination: dropped).
    Node bucket = sourceNode("uploads", NodeType::S3, 1);
    Engine e(build({bucket, functionNode("thumbnail")},
                   {wire("uploads", "thumbnail", 0), sendEdge("thumbnail", "uploads")}));
    runChecked(e, 10 * kMinute);
    CHECK(countersOf(e, "thumbnail").invocations == 16);
    CHECK(countersOf(e, "thumbnail").recursionStopped == 1);
    const std::uint32_t stopped = itemNamed(e, "uploads#17");
    REQUIRE(stopped != kNone);
    CHECK(e.chainDepth(stopped) == 16);
    CHECK(e.items()[stopped].attempts == 0);
    CHECK(e.items()[stopped].condition == Condition::RecursiveLoop);
    CHECK(itemNamed(e, "uploads#18") == kNone);
}

TEST_CASE("recursion: a loop through an EventBridge bus is not detected - nothing stops it") {
    // Same page: "When another AWS service such as Amazon DynamoDB forms part of the loop, Lambda can't currently
    // detect and stop it." `router`'s on-success destination is the bus that invokes it: each record is a new
    // event of the bus, which starts a new chain (model choice recursion_threshold), so the loop runs on. Each
    // round trip takes the 100 ms run; in 10 s far more than 16 invocations run and none is stopped.
    Node bus = sourceNode("bus", NodeType::EventBridge, 1);
    Node fn = functionNode("router");
    fn.function.async.onSuccess = "bus";
    Engine e(build({bus, fn}, {wire("bus", "router", 0)}));
    runChecked(e, 10 * kSecond);
    CHECK(countersOf(e, "router").invocations > 16);
    CHECK(countersOf(e, "router").recursionStopped == 0);
    const std::uint32_t late = itemNamed(e, "bus#20");
    REQUIRE(late != kNone);
    CHECK(e.chainDepth(late) == 0);  // the bus passes no count on
}

TEST_CASE("recursion: the same loop through an SNS topic instead of the bus is stopped") {
    // The control for the EventBridge case: only the service in the loop differs.
    Node topic = sourceNode("topic", NodeType::Sns, 1);
    Node fn = functionNode("router");
    fn.function.async.onSuccess = "topic";
    Engine e(build({topic, fn}, {wire("topic", "router", 0)}));
    runChecked(e, 10 * kMinute);
    CHECK(countersOf(e, "router").invocations == 16);
    CHECK(countersOf(e, "router").recursionStopped == 1);
}
