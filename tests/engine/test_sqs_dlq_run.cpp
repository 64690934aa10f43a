// A run of messages past max_receive_count moved to the DLQ in one piece (SqsMapping::moveRunToDlq, taken with
// metrics off) against the message-by-message move (taken with metrics on): FIDELITY 6.2 SQS-DLQ, the same
// message (same item), its original enqueue time, receive count from 0 in the DLQ, the source's deadLettered
// and the DLQ's sent/received/visible. Runs here cross chunk boundaries (4,096 elements) of the message store and
// of the delivered records.
#include <vector>

#include "engine/chunked_vector.hpp"
#include "test_helpers.hpp"

using namespace pg::sim;
using namespace pg::sim::test;

namespace {

constexpr std::int64_t kMessages = 5000;  // past one chunk of messages, deliveries and (with the copies) two

/// A full queue (burst at t = 0) of kMessages, batches of 10 from 5 pollers, redrive after `maxReceiveCount`
/// receives; the function fails on every item, or on every 100th (`poisonEvery100`: a whole batch fails).
Scenario poisonQueue(int maxReceiveCount, bool poisonEvery100) {
    Node q = sourceNode("queue", NodeType::Sqs, kMessages);
    q.traffic.arrival = Arrival::Burst;
    q.queue.visibilityTimeout = 30 * kSecond;
    q.queue.redrive = Redrive{"dlq", maxReceiveCount};
    Node fn = functionNode("worker", 100 * kMillisecond);
    RuleCondition when;
    if (poisonEvery100) {
        when.itemModulo = 100;
        when.itemRemainder = 1;
    }
    fn.function.behavior = {rule(RuleOutcome::Error, when)};
    Node dlq = plainNode("dlq", NodeType::Sqs);
    dlq.queue.retention = 14 * kDay;
    Edge e;
    e.from = "queue";
    e.to = "worker";
    e.batchSize = 10;
    e.maximumConcurrency = 5;
    Scenario s = build({q, fn, dlq}, {e});
    s.runFor = 1 * kDay;
    return s;
}

struct Outcome {
    std::uint64_t fingerprint = 0, steps = 0;
    std::vector<DeliveredRecord> deliveries;
    std::vector<SqsMessageView> dlqMessages;
    std::vector<NodeCounters> counters;
    std::vector<Item> items;
};

Outcome run(const Scenario& s, bool metrics, bool keepFinished) {
    EngineOptions o;
    o.storeTrace = false;
    o.fingerprint = true;
    o.collectMetrics = metrics;  // on: moved message by message; off: in runs
    o.keepFinishedItems = keepFinished;
    Engine e(s, o);
    e.runUntil(s.runFor);
    Outcome out;
    out.fingerprint = e.traceFingerprint();
    out.steps = e.stepCount();
    for (std::size_t i = 0; i < e.deliveries().size(); ++i) out.deliveries.push_back(e.deliveries()[i]);
    out.dlqMessages = e.liveMessages(e.nodeIndex("dlq"), 1u << 20);
    for (std::uint32_t n = 0; n < e.nodeCount(); ++n) out.counters.push_back(e.counters(n));
    if (keepFinished)
        for (std::uint32_t i = 0; i < e.items().size(); ++i) out.items.push_back(e.items()[i]);
    return out;
}

void checkSameDeliveries(const Outcome& runs, const Outcome& single) {
    REQUIRE(runs.deliveries.size() == single.deliveries.size());
    for (std::size_t i = 0; i < runs.deliveries.size(); ++i) {
        const DeliveredRecord &a = runs.deliveries[i], &b = single.deliveries[i];
        CAPTURE(i);
        CHECK(a.time == b.time);
        CHECK(a.node == b.node);
        CHECK(a.item == b.item);
        CHECK(a.function == b.function);
        CHECK(a.requestId == b.requestId);
        CHECK(a.itemOrigin == b.itemOrigin);
        CHECK(a.itemNumber == b.itemNumber);
        CHECK(a.bodyOrigin == b.bodyOrigin);
        CHECK(a.bodyNumber == b.bodyNumber);
        CHECK(a.batchInfo == b.batchInfo);
        CHECK(a.approximateInvokeCount == b.approximateInvokeCount);
        CHECK(a.kind == b.kind);
        CHECK(a.condition == b.condition);
        CHECK(a.lastResult == b.lastResult);
    }
}

void checkSameCounters(const Outcome& runs, const Outcome& single) {
    REQUIRE(runs.counters.size() == single.counters.size());
    for (std::size_t n = 0; n < runs.counters.size(); ++n) {
        CAPTURE(n);
        const NodeCounters &a = runs.counters[n], &b = single.counters[n];
        CHECK(a.sent == b.sent);
        CHECK(a.received == b.received);
        CHECK(a.receives == b.receives);
        CHECK(a.deleted == b.deleted);
        CHECK(a.deadLettered == b.deadLettered);
        CHECK(a.visible == b.visible);
        CHECK(a.inFlight == b.inFlight);
        CHECK(a.invocations == b.invocations);
        CHECK(a.errors == b.errors);
    }
}

void checkSameDlq(const Outcome& runs, const Outcome& single) {
    REQUIRE(runs.dlqMessages.size() == single.dlqMessages.size());
    for (std::size_t i = 0; i < runs.dlqMessages.size(); ++i) {
        CAPTURE(i);
        const SqsMessageView &a = runs.dlqMessages[i], &b = single.dlqMessages[i];
        CHECK(a.item == b.item);
        CHECK(a.queue == b.queue);
        CHECK(a.receiveCount == b.receiveCount);
        CHECK(a.enqueuedAt == b.enqueuedAt);
        CHECK(a.retentionEndsAt == b.retentionEndsAt);
        CHECK(a.state == b.state);
    }
}

}  // namespace

TEST_CASE("ChunkedVector::room: what appendSpan takes in one piece, up to the chunk's end") {
    constexpr std::size_t kChunk = ChunkedVector<int>::kChunk;
    ChunkedVector<int> v;
    CHECK(v.room() == kChunk);  // empty: a whole first chunk
    for (std::size_t i = 0; i < kChunk - 6; ++i) v.push_back(static_cast<int>(i));
    CHECK(v.room() == 6);
    CHECK(v.appendSpan(7) == nullptr);  // one more would straddle the chunks
    int* six = v.appendSpan(v.room());
    REQUIRE(six != nullptr);
    for (int k = 0; k < 6; ++k) six[k] = -k;
    CHECK(v.size() == kChunk);
    CHECK(v.room() == kChunk);  // the last chunk is full: the next piece is a whole new one
    CHECK(v[kChunk - 1] == -5);
}

TEST_CASE("FIDELITY 6.2: every message failing, maxReceiveCount 1 -> runs of 10 to the DLQ as one by one") {
    // Each batch of 10 fails whole and comes back whole; at its second receive the whole run is past
    // maxReceiveCount and moves to the DLQ on that receive. Runs 4,090..4,099 (messages and delivered records)
    // and the DLQ copies 8,190..8,199 (message store: 5,000 sources first) straddle chunks.
    const Scenario s = poisonQueue(1, false);
    for (const bool keep : {true, false}) {
        CAPTURE(keep);
        const Outcome runs = run(s, false, keep), single = run(s, true, keep);
        CHECK(runs.fingerprint == single.fingerprint);
        CHECK(runs.steps == single.steps);
        checkSameDeliveries(runs, single);
        checkSameCounters(runs, single);
        // Reasoned, not copied: every message received once (one attempt), then moved on its second receive.
        REQUIRE(runs.deliveries.size() == static_cast<std::size_t>(kMessages));
        const NodeCounters &queue = runs.counters[0], &dlq = runs.counters[2];
        CHECK(queue.receives == kMessages);
        CHECK(queue.deadLettered == kMessages);
        CHECK(queue.visible == 0);
        CHECK(queue.inFlight == 0);
        CHECK(dlq.sent == kMessages);
        CHECK(dlq.received == kMessages);
        CHECK(dlq.visible == kMessages);
        for (const DeliveredRecord& r : runs.deliveries) {
            CHECK(r.kind == DeliveryKind::SqsRedrive);
            CHECK(r.approximateInvokeCount == 1);
            CHECK(r.lastResult == InvokeResult::Error);
            CHECK(r.bodyNumber == r.itemNumber);  // same message id and body
        }
        if (!keep) continue;  // the views below read messages and items a run that lets them go drops
        checkSameDlq(runs, single);
        REQUIRE(runs.dlqMessages.size() == static_cast<std::size_t>(kMessages));
        for (std::size_t i = 0; i < runs.dlqMessages.size(); ++i) {
            const SqsMessageView& m = runs.dlqMessages[i];
            CHECK(m.item == runs.deliveries[i].item);  // the copies in the order they were moved
            CHECK(m.receiveCount == 0);  // receive count from 0 in the DLQ
            CHECK(m.enqueuedAt == 0);  // the original enqueue time (the burst at t = 0)
            CHECK(m.retentionEndsAt == 14 * kDay);  // the DLQ's retention counts from it
        }
        REQUIRE(runs.items.size() == single.items.size());
        for (std::size_t i = 0; i < runs.items.size(); ++i) {
            CHECK(runs.items[i].outcome == ItemOutcome::DeadLettered);
            CHECK(runs.items[i].endedIn == 2u);
            CHECK(runs.items[i].state == single.items[i].state);
        }
    }
}

TEST_CASE("FIDELITY 6.2: every 100th message poison, maxReceiveCount 5 -> failed batches to the DLQ as one by one") {
    // sqs_poison_100k in small: a batch holding a poison message fails whole 5 times; on its 6th receive its 10
    // messages move to the DLQ together; the other batches are deleted.
    const Scenario s = poisonQueue(5, true);
    for (const bool keep : {true, false}) {
        CAPTURE(keep);
        const Outcome runs = run(s, false, keep), single = run(s, true, keep);
        CHECK(runs.fingerprint == single.fingerprint);
        CHECK(runs.steps == single.steps);
        checkSameDeliveries(runs, single);
        checkSameCounters(runs, single);
        if (keep) checkSameDlq(runs, single);
        // 50 poison messages, each in its own batch of 10: 500 dead-lettered after 5 attempts each.
        CHECK(runs.counters[0].deadLettered == kMessages / 10);
        CHECK(runs.counters[0].deleted == kMessages - kMessages / 10);
        CHECK(runs.counters[2].visible == kMessages / 10);
        for (const DeliveredRecord& r : runs.deliveries) CHECK(r.approximateInvokeCount == 5);
    }
}
