// SQS poll latency (model choices sqs_poll_latency and sqs_long_poll; FIDELITY 6.2 "Batching window with low
// traffic", FIDELITY 7 "Poll latency for SQS ESM"): 0 in virtual time by default; the opt-in realistic mode
// long-polls, so at low traffic a batch may wait up to 20 s even with a batching window below 20 s.
#include "test_helpers.hpp"

using namespace pg::sim;
using namespace pg::sim::test;

namespace {

Scenario queueScenario(std::int64_t messages, SimTime window, SqsPollLatency latency) {
    Node q = sourceNode("q", NodeType::Sqs, messages, 1.0);
    q.traffic.arrival = Arrival::Burst;  // all messages visible at 0 s
    Edge e;
    e.from = "q";
    e.to = "f";
    e.batchSize = 10;
    e.batchingWindow = window;
    e.pollLatency = latency;
    return build({q, functionNode("f")}, {e});
}

}  // namespace

TEST_CASE("SQS poll latency default (zero): a batch that does not fill up goes when the batching window ends") {
    Engine e(queueScenario(3, 1 * kSecond, SqsPollLatency::Zero));
    runChecked(e);
    CHECK(attemptSeconds(e, 0) == std::vector<double>{1.0});
    CHECK(countersOf(e, "f").invocations == 1);
}

TEST_CASE("SQS poll latency realistic: low traffic waits up to 20 s even with a 1 s batching window") {
    Engine e(queueScenario(3, 1 * kSecond, SqsPollLatency::Realistic));
    runChecked(e);
    for (std::uint32_t i = 0; i < 3; ++i) CHECK(attemptSeconds(e, i) == std::vector<double>{20.0});
    CHECK(countersOf(e, "f").invocations == 1);
    // The effective visibility timeout still follows the configured window (FIDELITY 6.2: window + timeout
    // + 30 s only when window + function timeout > visibility): 1 s + 3 s < 30 s -> 30 s.
    CHECK(e.queueView(e.nodeIndex("q"))->effectiveVisibility == 30 * kSecond);
}

TEST_CASE("SQS poll latency realistic: a full batch goes at once; a window of 20 s or more is unchanged") {
    SUBCASE("10 messages fill batch_size 10") {
        Engine e(queueScenario(10, 1 * kSecond, SqsPollLatency::Realistic));
        runChecked(e);
        CHECK(attemptSeconds(e, 0) == std::vector<double>{0.0});
    }
    SUBCASE("a 30 s window waits 30 s in both modes") {
        Engine zero(queueScenario(3, 30 * kSecond, SqsPollLatency::Zero));
        Engine realistic(queueScenario(3, 30 * kSecond, SqsPollLatency::Realistic));
        runChecked(zero);
        runChecked(realistic);
        CHECK(attemptSeconds(realistic, 0) == std::vector<double>{30.0});
        CHECK(zero.traceFingerprint() == realistic.traceFingerprint());
    }
}

TEST_CASE("SQS poll latency realistic without a batching window: the same run as the default") {
    // Long polling returns as soon as messages are there: with no window nothing changes (one by one).
    Node q = sourceNode("q", NodeType::Sqs, 20, 2.0);
    Edge zero;
    zero.from = "q";
    zero.to = "f";
    Edge realistic = zero;
    realistic.pollLatency = SqsPollLatency::Realistic;
    Engine a(build({q, functionNode("f")}, {zero}));
    Engine b(build({q, functionNode("f")}, {realistic}));
    runChecked(a);
    runChecked(b);
    CHECK(a.traceFingerprint() == b.traceFingerprint());
    CHECK(countersOf(a, "f").invocations == 20);
}
