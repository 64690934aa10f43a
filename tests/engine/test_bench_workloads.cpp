// The canonical benchmark workloads (bench/*.json, ../shared/bench/PEER-SCENARIOS.md) at their small sizes: the
// engine must reproduce the peer implementations' outcome counts exactly (bench/peer-expected.json), with tracing
// off and on (same fingerprint). Also the `burst` arrival they rely on.
#include <fstream>
#include <sstream>

#include "scenario/scenario_json.hpp"
#include "test_helpers.hpp"

using namespace pg::sim;

namespace {

Scenario loadBench(const std::string& name) {
    std::ifstream in(std::string(PG_SOURCE_DIR) + "/bench/" + name + ".json", std::ios::binary);
    REQUIRE_MESSAGE(static_cast<bool>(in), "cannot read bench/" << name << ".json");
    std::stringstream text;
    text << in.rdbuf();
    const pg::scenario::ParseResult parsed = pg::scenario::parseScenario(text.str());
    for (const auto& e : parsed.errors) MESSAGE(e.path << ": " << e.message);
    REQUIRE(parsed.ok());
    return parsed.scenario;
}

struct Outcomes {
    std::int64_t succeeded = 0, deadLettered = 0, other = 0;
};

Outcomes outcomesOf(const Engine& e) {
    Outcomes o;
    for (const Item& it : e.items().all()) {
        if (it.outcome == ItemOutcome::Succeeded) ++o.succeeded;
        else if (it.outcome == ItemOutcome::DeadLettered) ++o.deadLettered;
        else ++o.other;
    }
    return o;
}

/// Runs to the end with tracing off, then again with tracing on: the fingerprints must agree.
std::uint64_t runBoth(Engine& off, const Scenario& s) {
    off.runUntil(s.runFor);
    EngineOptions on;
    on.collectMetrics = false;
    Engine traced(s, on);
    traced.runUntil(s.runFor);
    CHECK(traced.traceFingerprint() == off.traceFingerprint());
    CHECK(traced.trace().records().size() == traced.trace().count());
    CHECK(off.trace().records().empty());
    return off.traceFingerprint();
}

EngineOptions fast() {
    EngineOptions o;
    o.storeTrace = false;
    o.collectMetrics = false;
    return o;
}

}  // namespace

TEST_CASE("bench workload sqs_poison 100k reproduces the peer outcome counts") {
    const Scenario s = loadBench("sqs_poison_100k");
    Engine e(s, fast());
    runBoth(e, s);
    const std::uint32_t worker = e.nodeIndex("worker"), queue = e.nodeIndex("queue");
    CHECK(e.counters(worker).invocations == 14000);
    CHECK(e.counters(worker).errors == 5000);
    CHECK(e.counters(queue).receives == 140000);
    CHECK(e.counters(queue).deleted == 90000);
    CHECK(e.counters(queue).deadLettered == 10000);
    CHECK(e.counters(e.nodeIndex("dlq")).received == 10000);
    CHECK(e.lastEventTime() == 349800 * kMillisecond);
    const Outcomes o = outcomesOf(e);
    CHECK(o.succeeded == 90000);
    CHECK(o.deadLettered == 10000);
    CHECK(o.other == 0);
}

TEST_CASE("bench workload sqs_poison 100k with partial batch responses reproduces the peer outcome counts") {
    const Scenario s = loadBench("sqs_poison_partial_100k");
    Engine e(s, fast());
    runBoth(e, s);
    const std::uint32_t worker = e.nodeIndex("worker"), queue = e.nodeIndex("queue");
    CHECK(e.counters(worker).invocations == 10908);
    CHECK(e.counters(worker).partialFailures == 1908);  // the peer's "failed invocations"
    CHECK(e.counters(worker).errors == 0);
    CHECK(e.counters(queue).receives == 104000);
    CHECK(e.counters(queue).deleted == 99000);
    CHECK(e.counters(queue).deadLettered == 1000);
    CHECK(e.lastEventTime() == 349800 * kMillisecond);
    const Outcomes o = outcomesOf(e);
    CHECK(o.succeeded == 99000);
    CHECK(o.deadLettered == 1000);
}

TEST_CASE("bench workload async_retry 200k reproduces the peer outcome counts") {
    const Scenario s = loadBench("async_retry_200k");
    Engine e(s, fast());
    runBoth(e, s);
    const std::uint32_t worker = e.nodeIndex("worker");
    CHECK(e.counters(worker).invocations == 300000);
    CHECK(e.counters(worker).errors == 120000);
    CHECK(e.counters(worker).asyncRetries == 100000);
    CHECK(e.counters(worker).throttles == 0);
    // 77 = starts at t counted before ends at t (the peer's other accounting; half-open gives 75).
    CHECK(e.counters(worker).peakConcurrency == 77);
    CHECK(e.counters(e.nodeIndex("dlq")).received == 20000);
    CHECK(e.lastEventTime() == 380143 * kMillisecond);
    const Outcomes o = outcomesOf(e);
    CHECK(o.succeeded == 180000);
    CHECK(o.deadLettered == 20000);
    CHECK(o.other == 0);
}

TEST_CASE("bench workload kinesis_shard 4x50k reproduces the peer outcome counts") {
    const Scenario s = loadBench("kinesis_shard_4x50k");
    Engine e(s, fast());
    runBoth(e, s);
    const std::uint32_t worker = e.nodeIndex("worker");
    CHECK(e.counters(worker).invocations == 2012);
    CHECK(e.counters(worker).errors == 16);
    std::int64_t delivered = 0;  // records delivered to the function, summed over batches
    for (const Item& it : e.items().all()) delivered += it.attempts;
    CHECK(delivered == 201200);
    const Outcomes o = outcomesOf(e);
    CHECK(o.succeeded == 199600);
    CHECK(o.other == 400);  // skipped: sent to the on-failure destination
    CHECK(e.counters(e.nodeIndex("failures")).received == 4);
    // Not the peer's 50,300 ms: the engine polls at whole seconds (first read at 1 s) and retries a failed
    // batch after 0.5, 0.75 and 1.125 s (model choices stream_poll_ticks, stream_retry_backoff).
    CHECK(e.lastEventTime() == (50300 + 1000 + 500 + 750 + 1125) * kMillisecond);
}

TEST_CASE("burst arrival: every item arrives at start in one step, and pollers receive full batches") {
    const Scenario s = loadBench("sqs_poison_100k");
    Scenario small = s;
    small.nodes[0].traffic.count = 95;
    small.nodes[0].traffic.start = 2 * kSecond;
    EngineOptions o;
    o.checkEveryStep = true;
    Engine e(small, o);
    CHECK(e.pendingEvents() == 1);
    CHECK(e.step());
    CHECK(e.now() == 2 * kSecond);
    CHECK(e.items().size() == 95);
    for (const Item& it : e.items().all()) CHECK(it.createdAt == 2 * kSecond);
    CHECK(e.counters(e.nodeIndex("queue")).receives == 50);  // 5 pollers x 10, all at once
    e.runUntil(small.runFor);
    CHECK(e.counters(e.nodeIndex("worker")).invocations >= 10);
}

TEST_CASE("burst arrival: the scenario format reads and writes it") {
    Scenario s = loadBench("async_retry_200k");
    s.nodes[0].traffic.arrival = Arrival::Burst;
    const std::string text = pg::scenario::writeScenario(s);
    CHECK(text.find("\"arrival\": \"burst\"") != std::string::npos);
    const pg::scenario::ParseResult back = pg::scenario::parseScenario(text);
    REQUIRE(back.ok());
    CHECK(back.scenario.nodes[0].traffic.arrival == Arrival::Burst);
    CHECK(pg::scenario::writeScenario(back.scenario) == text);
}
