// Issue 22: the per-second series of an SQS mapping's busy pollers and their scaling limit, on-demand
// (model choice sqs_poller_ramp, DG-SQS-SCALING) and provisioned (sqs_provisioned_ramp, DG-SQS-PROV).
#include "engine/modes/sqs_mapping.hpp"
#include "test_helpers.hpp"

using namespace pg::sim;
using namespace pg::sim::test;

namespace {

/// 2,000 messages at once on a queue whose function runs 10 s: no batch ends in the first 10 s, so the busy
/// pollers follow the limit exactly.
Engine burst(const Edge& edge) {
    Node q = sourceNode("q", NodeType::Sqs, 2000, 1e12);
    q.queue.visibilityTimeout = 30 * kSecond;
    return Engine(build({q, functionNode("f", 10 * kSecond, 15 * kSecond)}, {edge}));
}

Edge mapping() {
    Edge e;
    e.from = "q";
    e.to = "f";
    e.batchSize = 1;
    return e;
}

}  // namespace

TEST_CASE("issue 22 metrics: on-demand pollers ramp 5, 10, 15, ... per second with the limit (sqs_poller_ramp)") {
    // DG-SQS-SCALING: 5 concurrent batches at first, then up to 300 more per minute = 5 more each second:
    // second k holds limit 5 + 5k, and with 2,000 messages waiting every poller under it is busy.
    Engine e = burst(mapping());
    runChecked(e, 9 * kSecond + kSecond / 2);
    const auto& s = e.metrics().queueSeries(e.nodeIndex("q"));
    REQUIRE(s.size() == 10);
    for (std::uint32_t k = 0; k < 10; ++k) {
        CAPTURE(k);
        CHECK(s[k].peakPollerLimit == kSqsInitialPollers + kSqsPollersPerSecond * k);
        CHECK(s[k].peakPollersBusy == 5 + 5 * k);
    }
    CHECK(s[9].peakPollersBusy == 50);  // 5 + 5 x 9
}

TEST_CASE("issue 22 metrics: provisioned pollers start at minimum x 10 and add 1,000 a minute (sqs_provisioned_ramp)") {
    // DG-SQS-PARAMS: 10 concurrent invokes per poller, minimum 2 -> 20 at once; DG-SQS-PROV: +1,000 per minute,
    // so second k holds 20 + floor(1000 k / 60): 20, 36, 53, 70.
    Edge edge = mapping();
    edge.provisionedPollers = ProvisionedPollers{2, 200};
    Engine e = burst(edge);
    runChecked(e, 3 * kSecond + kSecond / 2);
    const auto& s = e.metrics().queueSeries(e.nodeIndex("q"));
    REQUIRE(s.size() == 4);
    const std::uint32_t expected[] = {20, 36, 53, 70};
    for (std::uint32_t k = 0; k < 4; ++k) {
        CAPTURE(k);
        CHECK(s[k].peakPollerLimit == expected[k]);
        CHECK(s[k].peakPollersBusy == expected[k]);
    }
}

TEST_CASE("issue 22 metrics: seconds without events carry the pollers' last gauges (idle: 0 busy, limit 5)") {
    // Two messages, at t = 0 and t = 20 s (0.05 per second), on a function running 100 ms: each is received and
    // deleted within its second, one poller busy. In between the queue is idle: no batch held and the limit
    // back at "five concurrent batches" (DG-SQS-SCALING; model choice sqs_poller_ramp).
    Node q = sourceNode("q", NodeType::Sqs, 2, 0.05);
    Engine e(build({q, functionNode("f", 100 * kMillisecond)}, {mapping()}));
    runChecked(e, 30 * kSecond);
    const auto& s = e.metrics().queueSeries(e.nodeIndex("q"));
    REQUIRE(s.size() == 21);
    CHECK(s[0].peakPollersBusy == 1);
    CHECK(s[0].peakPollerLimit == 5);
    for (std::uint32_t k = 1; k < 20; ++k) {
        CAPTURE(k);
        CHECK(s[k].peakPollersBusy == 0);
        CHECK(s[k].peakPollerLimit == 5);
    }
    CHECK(s[20].peakPollersBusy == 1);
    CHECK(s[20].peakPollerLimit == 5);
}

TEST_CASE("issue 22 metrics: a stream's series has no pollers") {
    Node k = sourceNode("k", NodeType::Kinesis, 3, 1.0);
    Edge edge;
    edge.from = "k";
    edge.to = "f";
    Engine e(build({k, functionNode("f")}, {edge}));
    runChecked(e, 10 * kSecond);
    for (const QueueSecond& second : e.metrics().queueSeries(e.nodeIndex("k"))) {
        CHECK(second.peakPollersBusy == 0);
        CHECK(second.peakPollerLimit == 0);
    }
}
