// SQS queues and their event source mapping (FIDELITY 6.1, 6.2, 7, 8.1, 8.4, 8.5, 8.10). Scenarios are built
// as plain structs; every case steps with the invariants checked after each step.
#include <map>
#include <set>

#include "engine/modes/sqs_mapping.hpp"
#include "test_helpers.hpp"

using namespace pg::sim;
using namespace pg::sim::test;

namespace {

Node queueNode(const std::string& id, std::int64_t messages, double rate = 1000.0, SimTime visibility = 30 * kSecond,
               SimTime retention = 4 * kDay) {
    Node n = sourceNode(id, NodeType::Sqs, messages, rate);
    n.queue.visibilityTimeout = visibility;
    n.queue.retention = retention;
    return n;
}

Node dlqNode(const std::string& id) {
    Node n = plainNode(id, NodeType::Sqs);
    n.queue.retention = 14 * kDay;
    return n;
}

void redrive(Node& queue, const std::string& dlq, int maxReceiveCount) {
    queue.queue.redrive = Redrive{dlq, maxReceiveCount};
}

Edge esm(const std::string& from, const std::string& to, int batchSize = 10) {
    Edge e;
    e.from = from;
    e.to = to;
    e.batchSize = batchSize;
    return e;
}

/// Poll latency is 0 (model choice): without a window each arrival is received on its own. A 1 s window
/// gathers messages that arrive together into one batch.
Edge windowed(Edge e) {
    e.batchingWindow = 1 * kSecond;
    return e;
}

int invocationsOf(const Engine& e, const std::string& fn) { return static_cast<int>(countersOf(e, fn).invocations); }

}  // namespace

TEST_CASE("FIDELITY 6.2 [O]: maxReceiveCount 2 -> exactly 2 invocations, then the DLQ holds the same message") {
    Node q = queueNode("orders", 1, 1.0, 5 * kSecond);
    redrive(q, "dlq", 2);
    Node fn = functionNode("f", 100 * kMillisecond, 3 * kSecond);
    fn.function.behavior = {rule(RuleOutcome::Error)};
    Engine e(build({q, fn, dlqNode("dlq")}, {esm("orders", "f", 1)}));
    runChecked(e, 1 * kHour);

    const std::uint32_t msg = itemNamed(e, "orders#1");
    REQUIRE(msg != kNone);
    CHECK(e.items()[msg].attempts == 2);  // receive counts 1 and 2
    CHECK(invocationsOf(e, "f") == 2);
    // attempt 2 comes a visibility timeout after attempt 1 (FIDELITY 6.2 [O] >= VisibilityTimeout)
    CHECK(attemptSeconds(e, msg) == std::vector<double>{0.0, 5.0});
    CHECK(e.items()[msg].outcome == ItemOutcome::DeadLettered);
    CHECK(e.items()[msg].endedIn == e.nodeIndex("dlq"));
    // The move happens at the next receive after the last visibility timeout (FIDELITY 6.2 localstack#8234).
    REQUIRE(e.deliveries().size() == 1);
    const DeliveredRecord& r = e.deliveries()[0];
    CHECK(r.kind == DeliveryKind::SqsRedrive);
    CHECK(r.time == 10 * kSecond);
    CHECK(r.item == msg);  // same message id and body: the same item
    CHECK(e.itemId(r.item) == "orders#1");
    CHECK(countersOf(e, "orders").deadLettered == 1);
    CHECK(countersOf(e, "orders").receives == 2);
    CHECK(countersOf(e, "orders").visible == 0);
    CHECK(countersOf(e, "dlq").sent == 1);
    CHECK(countersOf(e, "dlq").visible == 1);  // the DLQ counts what it receives
    const auto view = e.queueView(e.nodeIndex("orders"));
    REQUIRE(view);
    CHECK(view->dlqDepth == 1);
}

TEST_CASE("FIDELITY 6.2/8.1: no redrive policy -> the message loops until retention ends, then expires") {
    // Receives happen at 0, V, 2V, ... (each return is received at once: poll latency 0, model choice) and
    // retention ends at R, measured from the original enqueue; at t = R the expiry wins over a return due at
    // the same time. So receives = #{k >= 0 : kV < R} = ceil(R / V): R/V when V divides R, floor(R/V) + 1
    // otherwise.
    SUBCASE("retention 1 h, visibility 30 s -> 120 receives") {
        Node q = queueNode("jobs", 1, 1.0, 30 * kSecond, 1 * kHour);
        Node fn = functionNode("f");
        fn.function.behavior = {rule(RuleOutcome::Error)};
        Engine e(build({q, fn}, {esm("jobs", "f")}));

        runChecked(e, 10 * kMinute + 1);  // mid-loop: the "will loop until ..." view
        const auto view = e.messageView(itemNamed(e, "jobs#1"));
        REQUIRE(view);
        CHECK(view->receiveCount == 21);  // received at 0, 30, ..., 600 s
        CHECK(view->loopingFor == 10 * kMinute);
        CHECK(view->retentionEndsAt == 1 * kHour);
        CHECK_FALSE(view->willDeadLetter);
        CHECK(view->state == SqsMessageState::InFlight);
        CHECK(view->visibleAgainAt == 10 * kMinute + 30 * kSecond);

        runChecked(e);
        const Item& it = e.items()[0];
        CHECK(it.attempts == 120);
        CHECK(it.outcome == ItemOutcome::Expired);
        CHECK(countersOf(e, "jobs").expired == 1);
        CHECK(countersOf(e, "jobs").receives == 120);
        CHECK(e.lastEventTime() == 1 * kHour);
        CHECK(e.items().attemptTimes(0).back() == 3570 * kSecond);
    }
    SUBCASE("retention 3610 s, visibility 30 s -> floor(R/V) + 1 = 121 receives") {
        Node q = queueNode("jobs", 1, 1.0, 30 * kSecond, 3610 * kSecond);
        Node fn = functionNode("f");
        fn.function.behavior = {rule(RuleOutcome::Error)};
        Engine e(build({q, fn}, {esm("jobs", "f")}));
        runChecked(e);
        CHECK(e.items()[0].attempts == 121);
        CHECK(e.items()[0].outcome == ItemOutcome::Expired);
    }
}

TEST_CASE("FIDELITY 6.2 'No redrive policy': a message expiring while its invocation runs still ends that attempt") {
    // assets/scenarios/sqs_no_redrive.json: orders#13 (enqueued at 6 s) fails every time and is received again at
    // 606 s, the instant its 10 min retention ends; the receive comes first, so retention deletes it in flight
    // (model choice sqs_retention_in_flight). The invocation still runs to its end: InvokeEnd at 606.12 s with
    // its error, after the item's Finished(expired), and every InvokeStart has its InvokeEnd.
    Node q = queueNode("orders", 20, 2.0, 30 * kSecond, 10 * kMinute);
    Node fn = functionNode("process", 120 * kMillisecond, 3 * kSecond);
    fn.function.behavior = {rule(RuleOutcome::Error, itemIs("orders#13"))};
    Engine e(build({q, fn}, {esm("orders", "process", 1)}));
    runChecked(e, 12 * kMinute);

    const std::uint32_t msg = itemNamed(e, "orders#13");
    REQUIRE(msg != kNone);
    CHECK(e.items()[msg].outcome == ItemOutcome::Expired);
    CHECK(e.items()[msg].attempts == 21);
    std::map<std::uint32_t, int> open;  // item -> InvokeStart without its InvokeEnd yet
    const TraceRecord* lastEnd = nullptr;
    const TraceRecord* finished = nullptr;
    for (const TraceRecord& r : e.trace().records()) {
        if (r.kind == TraceKind::InvokeStart) ++open[r.item];
        if (r.kind == TraceKind::InvokeEnd) {
            CHECK_MESSAGE(open[r.item] > 0, "InvokeEnd without InvokeStart for " << e.itemId(r.item));
            --open[r.item];
            if (r.item == msg) lastEnd = &r;
        }
        if (r.kind == TraceKind::Finished && r.item == msg) finished = &r;
    }
    for (const auto& entry : open)  // (no structured binding: doctest's messages are lambdas)
        CHECK_MESSAGE(entry.second == 0,
                      e.itemId(entry.first) << ": " << entry.second << " InvokeStart without InvokeEnd");
    CHECK(unendedInvocations(e) == 0);
    REQUIRE(lastEnd != nullptr);
    REQUIRE(finished != nullptr);
    CHECK(finished->time == 606 * kSecond);
    CHECK(lastEnd->time == 606 * kSecond + 120 * kMillisecond);
    CHECK(lastEnd->attempt == 21);
    CHECK(lastEnd->outcome == static_cast<std::uint8_t>(InvokeResult::Error));
    CHECK(lastEnd > finished);  // later in the (time-ordered) trace
    // The environment is released and nothing is left in flight.
    CHECK(e.functions()[0].inFlight == 0);
    CHECK(countersOf(e, "orders").inFlight == 0);
    CHECK(countersOf(e, "orders").expired == 1);
    CHECK(countersOf(e, "process").invocations == 20 + 20);  // 19 good messages once, orders#13 21 times
}

TEST_CASE("FIDELITY 6.2: success deletes the whole batch; one invocation per batch of up to batch_size") {
    Node q = queueNode("q", 25, 1e12);
    Engine e(build({q, functionNode("f")}, {windowed(esm("q", "f", 10))}));
    runChecked(e);
    CHECK(invocationsOf(e, "f") == 3);  // 10 + 10 + 5
    CHECK(countersOf(e, "q").deleted == 25);
    CHECK(countersOf(e, "q").sent == 25);
    CHECK(countersOf(e, "q").inFlight == 0);
    CHECK(e.itemsInState(ItemState::Done) == 25);
}

TEST_CASE("FIDELITY 6.2: an error makes the whole batch visible again after the visibility timeout") {
    Node q = queueNode("q", 3, 1e12, 10 * kSecond);
    Node fn = functionNode("f");
    RuleCondition bad = itemIs("q#2");
    bad.attemptAtMost = 1;
    fn.function.behavior = {rule(RuleOutcome::Error, bad)};
    Engine e(build({q, fn}, {windowed(esm("q", "f", 10))}));
    runChecked(e);
    CHECK(invocationsOf(e, "f") == 2);
    for (std::uint32_t i = 0; i < 3; ++i) {
        CHECK(e.items()[i].attempts == 2);  // the good messages came back too
        CHECK(e.items()[i].outcome == ItemOutcome::Succeeded);
        CHECK(attemptSeconds(e, i) == std::vector<double>{1.0, 12.0});  // visible at 11 s, window 1 s
    }
}

TEST_CASE("FIDELITY 6.2 ReportBatchItemFailures: listed ids retried, the rest deleted; off -> all deleted (8.5)") {
    Node q = queueNode("q", 10, 1e12, 10 * kSecond);
    Node fn = functionNode("f");
    RuleCondition c3 = itemIs("q#3"), c7 = itemIs("q#7");
    c3.attemptAtMost = 1;
    c7.attemptAtMost = 1;
    fn.function.behavior = {rule(RuleOutcome::ReportFailure, c3), rule(RuleOutcome::ReportFailure, c7)};
    SUBCASE("enabled") {
        Edge edge = windowed(esm("q", "f"));
        edge.reportBatchItemFailures = true;
        Engine e(build({q, fn}, {edge}));
        runChecked(e);
        CHECK(invocationsOf(e, "f") == 2);
        CHECK(e.items()[itemNamed(e, "q#3")].attempts == 2);
        CHECK(e.items()[itemNamed(e, "q#7")].attempts == 2);
        CHECK(e.items()[itemNamed(e, "q#1")].attempts == 1);
        const auto t3 = attemptSeconds(e, itemNamed(e, "q#3"));
        REQUIRE(t3.size() == 2);
        CHECK(t3[0] == 0.0);   // 10 messages = a full batch: no wait for the window
        CHECK(t3[1] == 11.0);  // visible again at 10 s, then a 1 s window (2 < batch size)
        CHECK(countersOf(e, "q").deleted == 10);
    }
    SUBCASE("not enabled: the response is ignored, a normal return deletes everything") {
        Engine e(build({q, fn}, {windowed(esm("q", "f"))}));
        runChecked(e);
        CHECK(invocationsOf(e, "f") == 1);
        CHECK(e.items()[itemNamed(e, "q#3")].attempts == 1);
        CHECK(e.items()[itemNamed(e, "q#3")].outcome == ItemOutcome::Succeeded);
    }
}

TEST_CASE("FIDELITY 6.2 [O]: the function throws with ReportBatchItemFailures on -> good and bad reach the DLQ") {
    Node q = queueNode("q", 2, 1e12, 5 * kSecond);
    redrive(q, "dlq", 2);
    Node fn = functionNode("f");
    fn.function.behavior = {rule(RuleOutcome::Error, itemIs("q#1"))};  // the bad message makes the handler throw
    Edge edge = windowed(esm("q", "f"));
    edge.reportBatchItemFailures = true;
    Engine e(build({q, fn, dlqNode("dlq")}, {edge}));
    runChecked(e, 1 * kHour);
    CHECK(invocationsOf(e, "f") == 2);
    CHECK(e.items()[0].outcome == ItemOutcome::DeadLettered);
    CHECK(e.items()[1].outcome == ItemOutcome::DeadLettered);
    CHECK(countersOf(e, "dlq").visible == 2);
}

TEST_CASE("FIDELITY 6.2 FIFO: a failing message blocks only its group; order kept; a group never runs in parallel") {
    Node q = queueNode("f.fifo", 6, 1e12, 10 * kSecond);
    q.queue.fifo = true;
    q.traffic.group = "g{n%2}";  // odd numbers -> g1, even -> g0
    redrive(q, "dlq", 3);
    Node dlq = dlqNode("dlq");
    dlq.queue.fifo = true;
    Node fn = functionNode("w", 1 * kSecond);
    fn.function.behavior = {rule(RuleOutcome::Error, itemIs("f.fifo#1"))};  // poison at the head of g1
    Engine e(build({q, fn, dlq}, {esm("f.fifo", "w", 1)}));
    runChecked(e, 1 * kHour);

    // g0 (2, 4, 6) flows: 1 s each, one at a time (the group is locked while a message is in flight).
    CHECK(attemptSeconds(e, itemNamed(e, "f.fifo#2")) == std::vector<double>{0.0});
    CHECK(attemptSeconds(e, itemNamed(e, "f.fifo#4")) == std::vector<double>{1.0});
    CHECK(attemptSeconds(e, itemNamed(e, "f.fifo#6")) == std::vector<double>{2.0});
    // g1: #1 fails at receives 1, 2, 3 (every 10 s), is dead-lettered at the 4th receive; only then #3, #5 run.
    CHECK(attemptSeconds(e, itemNamed(e, "f.fifo#1")) == std::vector<double>{0.0, 10.0, 20.0});
    CHECK(e.items()[itemNamed(e, "f.fifo#1")].outcome == ItemOutcome::DeadLettered);
    CHECK(attemptSeconds(e, itemNamed(e, "f.fifo#3")) == std::vector<double>{30.0});
    CHECK(attemptSeconds(e, itemNamed(e, "f.fifo#5")) == std::vector<double>{31.0});
    CHECK(countersOf(e, "dlq").visible == 1);
    // One group never ran in parallel: at most 2 concurrent invocations (one per group).
    CHECK(countersOf(e, "w").peakConcurrency == 2);
}

TEST_CASE("FIDELITY 6.2 [O] FIFO: 5 messages of one group, batch size 1 -> one execution environment") {
    Node q = queueNode("q.fifo", 5, 1e12);
    q.queue.fifo = true;
    q.traffic.group = "one";
    Engine e(build({q, functionNode("f", 5 * kSecond, 10 * kSecond)}, {esm("q.fifo", "f", 1)}));
    runChecked(e);
    CHECK(e.functions()[0].environments.size() == 1);
    CHECK(invocationsOf(e, "f") == 5);
}

TEST_CASE("FIDELITY 6.2 FIFO: a batch may mix groups and keeps the order within each") {
    Node q = queueNode("q.fifo", 6, 1e12);
    q.queue.fifo = true;
    q.traffic.group = "g{n%3}";
    Engine e(build({q, functionNode("f")}, {windowed(esm("q.fifo", "f", 10))}));
    std::vector<std::uint32_t> order;
    runChecked(e);
    for (const TraceRecord& r : e.trace().records())
        if (r.kind == TraceKind::InvokeStart) order.push_back(e.items()[r.item].number);
    CHECK(invocationsOf(e, "f") == 1);
    // groups in order of readiness (g1: 1, 4; g2: 2, 5; g0: 3, 6), each group's messages consecutive, in order
    CHECK(order == std::vector<std::uint32_t>{1, 4, 2, 5, 3, 6});
}

TEST_CASE("FIDELITY 8.4/7: throttled SQS, reserved concurrency 1, maxReceiveCount 1 -> good messages in the DLQ") {
    Node q = queueNode("q", 20, 1e12, 30 * kSecond);
    redrive(q, "dlq", 1);
    Node fn = functionNode("f", 20 * kSecond, 25 * kSecond);  // always succeeds, but slowly
    fn.function.reservedConcurrency = 1;
    Engine e(build({q, fn, dlqNode("dlq")}, {esm("q", "f", 1)}));
    runChecked(e, 1 * kHour);
    const NodeCounters& f = countersOf(e, "f");
    CHECK(f.errors == 0);
    CHECK(f.throttles > 0);
    const NodeCounters& c = countersOf(e, "q");
    CHECK(c.deadLettered > 0);  // never failed, yet dead-lettered: throttled receives counted
    CHECK(c.deleted + c.deadLettered == 20);
    CHECK(countersOf(e, "dlq").visible == c.deadLettered);
    // some dead-lettered messages never reached the handler at all
    int neverRan = 0;
    for (const Item& it : e.items().all())
        if (it.outcome == ItemOutcome::DeadLettered && it.attempts == 0) ++neverRan;
    CHECK(neverRan > 0);

    SUBCASE("the fix: MaximumConcurrency 2 instead of throttling (FIDELITY 8.4) still dead-letters nothing") {
        Node fn2 = functionNode("f", 20 * kSecond, 25 * kSecond);
        Edge edge = esm("q", "f", 1);
        edge.maximumConcurrency = 2;
        Engine e2(build({q, fn2, dlqNode("dlq")}, {edge}));
        runChecked(e2, 1 * kHour);
        CHECK(countersOf(e2, "q").deadLettered == 0);
        CHECK(countersOf(e2, "q").deleted == 20);
        CHECK(countersOf(e2, "f").throttles == 0);
        CHECK(countersOf(e2, "f").peakConcurrency == 2);
    }
}

TEST_CASE("FIDELITY 6.2 scaling: 5 concurrent batches at start, +5 each second (300/min), MaximumConcurrency caps") {
    Node q = queueNode("q", 2000, 1e12);
    Node fn = functionNode("f", 10 * kSecond, 15 * kSecond);
    SUBCASE("ramp") {
        Engine e(build({q, fn}, {esm("q", "f", 1)}));
        runChecked(e, 1 * kSecond);
        CHECK(e.functions()[0].inFlight == 5);
        runChecked(e, 2 * kSecond + 1);
        CHECK(e.functions()[0].inFlight == 15);  // 5 at t=0, +5 at 1 s, +5 at 2 s
        runChecked(e, 9 * kSecond + 1);
        CHECK(e.queueView(e.nodeIndex("q"))->pollerLimit == 50);
    }
    SUBCASE("maximum concurrency 3") {
        Edge edge = esm("q", "f", 1);
        edge.maximumConcurrency = 3;
        Engine e(build({q, fn}, {edge}));
        runChecked(e, 30 * kSecond);
        CHECK(e.functions()[0].inFlight == 3);
        CHECK(countersOf(e, "f").throttles == 0);
    }
}

TEST_CASE("DG-SQS-SCALING: the poller ramp starts again after the queue drains (model choice sqs_poller_ramp)") {
    // https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-scaling.html: "When traffic is low, Lambda scales
    // back the processing to five concurrent batches". A queue that had one message at t = 0 (a topic delivers it)
    // and a 2,000-message burst at t = 600 s ramps from 5 at 600 s, like a fresh queue, not from 5 + 5 x 600.
    Node topic = sourceNode("topic", NodeType::Sns, 1, 1.0);
    Node q = queueNode("q", 2000, 1e12);
    q.traffic.arrival = Arrival::Burst;
    q.traffic.start = 600 * kSecond;
    Node fn = functionNode("f", 10 * kSecond, 15 * kSecond);
    Edge subscription;
    subscription.from = "topic";
    subscription.to = "q";
    Engine e(build({topic, q, fn}, {subscription, esm("q", "f", 1)}));
    runChecked(e, 300 * kSecond);
    CHECK(countersOf(e, "q").deleted == 1);                 // the first message is done: the queue is empty
    CHECK(e.queueView(e.nodeIndex("q"))->pollerLimit == 5);  // idle: back to 5
    runChecked(e, 600 * kSecond + kSecond / 2);
    CHECK(e.functions()[0].inFlight == 5);  // 5 concurrent batches when the queue becomes active
    runChecked(e, 602 * kSecond + 1);
    CHECK(e.functions()[0].inFlight == 15);  // 5 at 600 s, +5 at 601 s, +5 at 602 s (300 per minute)
    CHECK(countersOf(e, "f").throttles == 0);
}

TEST_CASE("FIDELITY 6.2: effective visibility is window + function timeout + 30 s when window + timeout > visibility") {
    CHECK(sqsEffectiveVisibility(30 * kSecond, 0, 30 * kSecond) == 30 * kSecond);
    CHECK(sqsEffectiveVisibility(30 * kSecond, 5 * kSecond, 30 * kSecond) == 65 * kSecond);
    Node q = queueNode("q", 1, 1.0, 30 * kSecond);
    Node fn = functionNode("f", 100 * kMillisecond, 30 * kSecond);
    fn.function.behavior = {rule(RuleOutcome::Error, [] { RuleCondition c; c.attemptAtMost = 1; return c; }())};
    Edge edge = esm("q", "f");
    edge.batchingWindow = 5 * kSecond;
    Engine e(build({q, fn}, {edge}));
    runChecked(e);
    // window: the lone message waits 5 s for a fuller batch; it is visible again 65 s after that receive
    // (70 s) and waits another window
    CHECK(attemptSeconds(e, 0) == std::vector<double>{5.0, 75.0});
}

TEST_CASE("FIDELITY 6.1: batching window waits for batch_size messages or the end of the window") {
    Node q = queueNode("q", 30, 10.0);  // one message every 100 ms
    Edge edge = esm("q", "f", 20);
    edge.batchingWindow = 1 * kSecond;
    Engine e(build({q, functionNode("f", 10 * kMillisecond)}, {edge}));
    runChecked(e);
    // windows of 1 s each collect 10 messages
    CHECK(invocationsOf(e, "f") == 3);
    CHECK(countersOf(e, "q").deleted == 30);
}

TEST_CASE("SQS: a queue without a consumer keeps its messages until retention ends") {
    Engine e(build({queueNode("q", 3, 1.0, 30 * kSecond, 120 * kSecond)}, {}));
    runChecked(e, 100 * kSecond);
    e.runUntil(100 * kSecond);
    CHECK(countersOf(e, "q").visible == 3);
    CHECK(e.queueView(e.nodeIndex("q"))->oldestAge == 100 * kSecond);
    runChecked(e);
    CHECK(countersOf(e, "q").visible == 0);
    CHECK(countersOf(e, "q").expired == 3);
    CHECK(e.lastEventTime() == 122 * kSecond);
}

TEST_CASE("SQS metrics: visible, in flight, DLQ depth and age of the oldest message per second") {
    Node q = queueNode("q", 1, 1.0, 10 * kSecond, 1 * kHour);
    redrive(q, "dlq", 3);
    Node fn = functionNode("f");
    fn.function.behavior = {rule(RuleOutcome::Error)};
    Engine e(build({q, fn, dlqNode("dlq")}, {esm("q", "f")}));
    runChecked(e, 1 * kHour);
    const auto& s = e.metrics().queueSeries(e.nodeIndex("q"));
    REQUIRE(s.size() > 30);
    CHECK(s[0].peakInFlight == 1);
    CHECK(s[0].received == 1);
    CHECK(s[20].oldestAge >= 20 * kSecond);
    CHECK(s[20].oldestAge < 21 * kSecond);
    CHECK(s[30].peakDlqDepth == 1);
}

TEST_CASE("SQS: same scenario and seed -> same trace fingerprint") {
    Node q = queueNode("q", 500, 200.0, 10 * kSecond, 1 * kHour);
    redrive(q, "dlq", 2);
    Node fn = functionNode("f");
    fn.function.duration = {50 * kMillisecond, 400 * kMillisecond};
    RuleCondition c;
    c.rate = 0.2;
    fn.function.behavior = {rule(RuleOutcome::Error, c)};
    fn.function.reservedConcurrency = 3;
    const Scenario s = build({q, fn, dlqNode("dlq")}, {esm("q", "f", 5)});
    Engine a(s), b(s);
    runChecked(a);
    b.runUntil(kNever);
    CHECK(a.traceFingerprint() == b.traceFingerprint());
    CHECK(countersOf(a, "q").deleted + countersOf(a, "q").deadLettered == 500);
}

TEST_CASE("SQS performance shape: 10,000 messages in an hour, invariants at the end, messages settle") {
    Node q = queueNode("q", 10000, 10000.0 / 3600.0, 30 * kSecond, 4 * kDay);
    redrive(q, "dlq", 3);
    Node fn = functionNode("f", 200 * kMillisecond, 5 * kSecond);
    RuleCondition c;
    c.itemModulo = 100;
    c.itemRemainder = 7;
    fn.function.behavior = {rule(RuleOutcome::Error, c)};
    Engine e(build({q, fn, dlqNode("dlq")}, {esm("q", "f", 10)}));
    e.runUntil(2 * kHour);
    CHECK(e.checkInvariants().empty());
    CHECK(countersOf(e, "q").deadLettered == 100);
    CHECK(countersOf(e, "q").deleted == 9900);
}
