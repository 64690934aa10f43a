// Determinism (same seed, same trace), rewind, and invariants over randomized scenarios (DESIGN "Engine").
#include <string>
#include <vector>

#include "test_helpers.hpp"

using namespace pg::sim;
using namespace pg::sim::test;

static Scenario mixedScenario(std::uint64_t seed) {
    Node fn = functionNode("f", 50 * kMillisecond, 1 * kSecond);
    fn.function.duration = {20 * kMillisecond, 1500 * kMillisecond};
    fn.function.coldStart = 200 * kMillisecond;
    fn.function.reservedConcurrency = 5;
    RuleCondition some;
    some.rate = 0.25;
    fn.function.behavior = {rule(RuleOutcome::Error, some)};
    fn.function.async.maxEventAge = 5 * kMinute;
    fn.function.async.onFailure = "failed";
    Node api = sourceNode("api", NodeType::ApiGateway, 200, 20.0);
    api.traffic.arrival = Arrival::Poisson;
    api.clientRetry.count = 2;
    api.integrationTimeout = 1 * kSecond;
    Node sns = sourceNode("sns", NodeType::Sns, 100, 10.0);
    sns.traffic.arrival = Arrival::Poisson;
    return scenarioOf({api, sns, fn, plainNode("failed", NodeType::Sqs)}, {{"api", "f"}, {"sns", "f"}}, seed);
}

TEST_CASE("determinism: the same seed twice gives the same trace fingerprint and outcomes") {
    Engine a(mixedScenario(5)), b(mixedScenario(5));
    a.runUntil(kNever);
    b.runUntil(kNever);
    CHECK(a.traceFingerprint() == b.traceFingerprint());
    CHECK(a.trace().count() == b.trace().count());
    CHECK(a.stepCount() == b.stepCount());
    REQUIRE(a.items().size() == b.items().size());
    for (std::uint32_t i = 0; i < a.items().size(); ++i) CHECK(a.items()[i].outcome == b.items()[i].outcome);
}

TEST_CASE("determinism: a different seed gives a different run") {
    Engine a(mixedScenario(5)), b(mixedScenario(6));
    a.runUntil(kNever);
    b.runUntil(kNever);
    CHECK(a.traceFingerprint() != b.traceFingerprint());
}

TEST_CASE("determinism: trace storage off leaves the fingerprint unchanged") {
    EngineOptions off;
    off.storeTrace = false;
    off.collectMetrics = false;
    Engine a(mixedScenario(9)), b(mixedScenario(9), off);
    a.runUntil(kNever);
    b.runUntil(kNever);
    CHECK(a.traceFingerprint() == b.traceFingerprint());
    CHECK(b.trace().records().empty());
}

TEST_CASE("determinism: the trace's cause links point backwards to the same item") {
    Engine e(mixedScenario(3));
    e.runUntil(kNever);
    const auto& records = e.trace().records();
    for (std::uint32_t i = 0; i < records.size(); ++i) {
        if (records[i].cause == kNone) continue;
        REQUIRE(records[i].cause < i);
        CHECK(records[records[i].cause].item == records[i].item);
        CHECK(records[records[i].cause].time <= records[i].time);
    }
}

TEST_CASE("InvokeStart names its execution environment: a cold start a new one, a warm start a freed one") {
    Engine e(mixedScenario(3));
    e.runUntil(kNever);
    std::vector<std::uint32_t> environments(e.functions().size(), 0);  // per function: environments opened
    std::size_t starts = 0, warm = 0;
    for (const TraceRecord& r : e.trace().records()) {
        if (r.kind != TraceKind::InvokeStart) {
            CHECK(r.environment == kNone);
            continue;
        }
        ++starts;
        const std::uint32_t f = e.functionOfNode(r.node);
        REQUIRE(f != kNone);
        if (invokeStartCold(r)) {
            CHECK(r.environment == environments[f]++);  // cold: the next new environment
        } else {
            ++warm;
            CHECK(r.environment < environments[f]);  // warm: one opened before
        }
    }
    CHECK(starts > 0);
    CHECK(warm > 0);
    for (std::size_t f = 0; f < environments.size(); ++f)
        CHECK(environments[f] == e.functions()[f].environments.size());
}

TEST_CASE("rewindTo(k) equals running k steps from the start") {
    Engine full(mixedScenario(21)), fresh(mixedScenario(21));
    full.runUntil(kNever);
    const std::uint64_t total = full.stepCount();
    REQUIRE(total > 100);
    for (std::uint64_t k : {std::uint64_t{0}, std::uint64_t{1}, total / 3, total / 2, total - 1}) {
        full.rewindTo(k);
        Engine reference(mixedScenario(21));
        for (std::uint64_t s = 0; s < k; ++s) reference.step();
        CHECK(full.stepCount() == k);
        CHECK(full.now() == reference.now());
        CHECK(full.traceFingerprint() == reference.traceFingerprint());
        CHECK(full.items().size() == reference.items().size());
        CHECK(full.checkInvariants().empty());
    }
    // and forward again to the end
    full.rewindTo(total);
    fresh.runUntil(kNever);
    CHECK(full.traceFingerprint() == fresh.traceFingerprint());
}

TEST_CASE("runUntil(predicate) stops at the first step where it holds") {
    Engine e(mixedScenario(4));
    const bool stopped = e.runUntil([](const Engine& en) { return en.itemsInState(ItemState::Done) >= 10; });
    CHECK(stopped);
    CHECK(e.itemsInState(ItemState::Done) == 10);
}

TEST_CASE("runUntil(time) processes events strictly before it and sets now") {
    Engine e(scenarioOf({sourceNode("api", NodeType::ApiGateway, 3, 1.0), functionNode("f")}, {{"api", "f"}}));
    e.runUntil(1 * kSecond);
    CHECK(e.now() == 1 * kSecond);
    CHECK(e.items().size() == 1);  // the arrival at exactly 1 s has not run yet
    e.runUntil(1 * kSecond + 1);
    CHECK(e.items().size() == 2);
}

// A small random scenario: 1-3 functions, 1-4 sources of random modes, random settings.
static Scenario randomScenario(Rng& rng, std::uint64_t seed) {
    std::vector<Node> nodes;
    std::vector<std::pair<std::string, std::string>> edges;
    const int functions = static_cast<int>(rng.uniformInt(1, 3));
    for (int f = 0; f < functions; ++f) {
        Node fn = functionNode("f" + std::to_string(f));
        fn.function.timeout = rng.uniformInt(1, 5) * kSecond;
        fn.function.duration = {rng.uniformInt(1, 500) * kMillisecond, rng.uniformInt(500, 7000) * kMillisecond};
        fn.function.coldStart = rng.uniformInt(0, 800) * kMillisecond;
        if (rng.bernoulli(0.6)) fn.function.reservedConcurrency = static_cast<int>(rng.uniformInt(0, 4));
        RuleCondition c;
        c.rate = rng.uniform01();
        fn.function.behavior.push_back(rule(rng.bernoulli(0.5) ? RuleOutcome::Error : RuleOutcome::Timeout, c));
        fn.function.async.maxRetryAttempts = static_cast<int>(rng.uniformInt(0, 2));
        fn.function.async.maxEventAge = rng.uniformInt(60, 600) * kSecond;
        if (rng.bernoulli(0.5)) fn.function.async.onFailure = "dest";
        if (rng.bernoulli(0.5)) fn.function.async.onSuccess = "dest";
        if (rng.bernoulli(0.5)) fn.function.async.deadLetterQueue = "dlq";
        nodes.push_back(fn);
    }
    nodes.push_back(plainNode("dest", NodeType::Sns));
    nodes.push_back(plainNode("dlq", NodeType::Sqs));
    const NodeType types[] = {NodeType::ApiGateway, NodeType::Alb, NodeType::Sns, NodeType::S3, NodeType::EventBridge};
    const int sources = static_cast<int>(rng.uniformInt(1, 4));
    for (int s = 0; s < sources; ++s) {
        Node src = sourceNode("s" + std::to_string(s), types[rng.uniformInt(0, 4)], rng.uniformInt(1, 40),
                              static_cast<double>(rng.uniformInt(1, 50)), rng.uniformInt(0, 3) * kSecond);
        if (rng.bernoulli(0.5)) src.traffic.arrival = Arrival::Poisson;
        src.clientRetry.count = static_cast<int>(rng.uniformInt(0, 2));
        src.integrationTimeout = rng.uniformInt(50, 29000) * kMillisecond;
        nodes.push_back(src);
        if (rng.bernoulli(0.9)) edges.push_back({src.id, "f" + std::to_string(rng.uniformInt(0, functions - 1))});
    }
    Scenario sc = scenarioOf(nodes, edges, seed);
    sc.accountConcurrencyLimit = static_cast<int>(rng.uniformInt(1, 20));
    return sc;
}

TEST_CASE("invariants hold after every step of 300 randomized small scenarios") {
    Rng rng(2024);
    for (int n = 0; n < 300; ++n) {
        CAPTURE(n);
        Scenario sc = randomScenario(rng, static_cast<std::uint64_t>(n) + 1);
        Engine e(sc);
        runChecked(e);
        // Everything is finished once no event is left: nothing lost, nothing stuck.
        CHECK(e.itemsInState(ItemState::Done) == e.items().size());
        std::int64_t produced = 0;
        for (std::uint32_t i = 0; i < e.nodeCount(); ++i) produced += e.counters(i).items;
        CHECK(produced == static_cast<std::int64_t>(e.items().size()));
        for (const FunctionState& f : e.functions()) CHECK(f.inFlight == 0);
    }
}
