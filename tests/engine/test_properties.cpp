// Engine invariants as property tests (issue 8) over thousands of random valid scenarios of every node type
// (tests/common/random_scenario.hpp, validated through the scenario reader): every item is in exactly one state
// and the counts add up after every step; every item ends Done with an outcome once the run drains; the same
// seed gives the same trace; rewinding to step k and replaying equals running to step k directly; budgeted
// slices reach the same state as one run.
#include <algorithm>
#include <map>
#include <string>
#include <tuple>

#include "../common/random_scenario.hpp"
#include "engine/run_budget.hpp"
#include "scenario/scenario_json.hpp"
#include "test_helpers.hpp"

using namespace pg::sim;

namespace {

constexpr int kScenarios = 2000;
constexpr std::uint64_t kStepCap = 20000;  // a generated run is far shorter; the cap only guards the suite

/// The next generated scenario that the scenario reader accepts (as the engine only ever sees those).
Scenario nextValid(pg::test::RandomScenarioGenerator& gen) {
    for (;;) {
        Scenario s = gen.next();
        auto r = pg::scenario::parseScenario(pg::scenario::writeScenario(s, -1));
        if (r.ok()) return r.scenario;
    }
}

std::string stateSummary(const Engine& e) {
    std::string out = "t=" + std::to_string(e.now()) + " steps=" + std::to_string(e.stepCount()) +
                      " items=" + std::to_string(e.items().size()) + " fp=" + std::to_string(e.traceFingerprint());
    for (int s = 0; s < kItemStateCount; ++s) out += " " + std::to_string(e.itemsInState(static_cast<ItemState>(s)));
    return out;
}

}  // namespace

TEST_CASE("properties: random scenarios of every node type keep every invariant and lose no item") {
    pg::test::RandomScenarioGenerator gen(20240801);
    std::size_t totalItems = 0, totalSteps = 0, typesSeen = 0;
    std::vector<bool> seen(static_cast<int>(NodeType::DynamoDbStream) + 1, false);
    for (int n = 0; n < kScenarios; ++n) {
        CAPTURE(n);
        const Scenario s = nextValid(gen);
        for (const Node& node : s.nodes) seen[static_cast<int>(node.type)] = true;
        Engine e(s);
        // Invariants after every step for an eighth of the scenarios, every 32nd step for the rest (the suite
        // must stay quick under ASan); the final state is always checked.
        const std::uint64_t every = n % 8 == 0 ? 1 : 32;
        SimTime last = 0;
        while (e.stepCount() < kStepCap && e.step()) {
            REQUIRE(e.now() >= last);
            last = e.now();
            if (e.stepCount() % every == 0) {
                const auto problems = e.checkInvariants();
                INFO(pg::scenario::writeScenario(s));
                REQUIRE_MESSAGE(problems.empty(), "step " << e.stepCount() << ": " << problems.front());
            }
        }
        INFO(pg::scenario::writeScenario(s));
        REQUIRE_MESSAGE(e.idle(), "a small random run did not drain in " << kStepCap << " steps");
        const auto problems = e.checkInvariants();
        REQUIRE_MESSAGE(problems.empty(), problems.front());
        // Drained: every item finished in exactly one final state, with an outcome.
        std::size_t inStates = 0;
        for (int st = 0; st < kItemStateCount; ++st) inStates += e.itemsInState(static_cast<ItemState>(st));
        CHECK(inStates == e.items().size());
        CHECK(e.itemsInState(ItemState::Done) == e.items().size());
        for (std::uint32_t i = 0; i < e.items().size(); ++i)
            if (e.items()[i].outcome == ItemOutcome::Pending) FAIL_CHECK(e.itemId(i) << " drained without an outcome");
        std::int64_t produced = 0;
        for (std::uint32_t node = 0; node < e.nodeCount(); ++node) produced += e.counters(node).items;
        CHECK(static_cast<std::size_t>(produced) <= e.items().size());
        totalItems += e.items().size();
        totalSteps += e.stepCount();
    }
    for (bool b : seen) typesSeen += b ? 1 : 0;
    CHECK(typesSeen == seen.size());  // every node type took part
    CHECK(totalItems > 20000);
    MESSAGE(kScenarios << " random scenarios, " << totalItems << " items, " << totalSteps << " steps");
}

TEST_CASE("properties: async fan-out and sns -> sqs lose or duplicate no event per target (issue 23)") {
    // Every subscription receives every message (https://docs.aws.amazon.com/lambda/latest/dg/with-sns.html,
    // https://docs.aws.amazon.com/sns/latest/dg/sns-sqs-as-subscriber.html): per async source event exactly one
    // item per wired function, and per subscribed queue exactly one message.
    pg::test::RandomScenarioOptions options;
    options.fanOut = true;
    pg::test::RandomScenarioGenerator gen(2323, options);
    std::size_t fannedOut = 0, published = 0;
    for (int n = 0; n < 400; ++n) {
        CAPTURE(n);
        const Scenario s = nextValid(gen);
        Engine e(s);
        const std::uint64_t every = n % 4 == 0 ? 1 : 16;
        while (e.stepCount() < kStepCap && e.step())
            if (e.stepCount() % every == 0) {
                const auto problems = e.checkInvariants();
                INFO(pg::scenario::writeScenario(s));
                REQUIRE_MESSAGE(problems.empty(), "step " << e.stepCount() << ": " << problems.front());
            }
        INFO(pg::scenario::writeScenario(s));
        REQUIRE(e.idle());
        REQUIRE(e.checkInvariants().empty());
        CHECK(e.itemsInState(ItemState::Done) == e.items().size());
        // (origin, number) -> the functions its copies went to; (topic item's origin, number, queue) -> messages
        std::map<std::pair<std::uint32_t, std::uint32_t>, std::vector<std::uint32_t>> copies;
        std::map<std::tuple<std::uint32_t, std::uint32_t, std::uint32_t>, int> messages;
        for (std::uint32_t i = 0; i < e.items().size(); ++i) {
            const Item& it = e.items()[i];
            const NodeType type = e.node(it.origin).type;
            if (invocationModeOf(type) == InvocationMode::Asynchronous)
                copies[{it.origin, it.number}].push_back(it.function);
            const std::uint32_t parent = e.chainParent(i);
            if (type == NodeType::Sqs && parent != kNone && e.node(e.items()[parent].origin).type == NodeType::Sns &&
                e.chainDepth(i) == e.chainDepth(parent))  // published by a subscription (no function between)
                ++messages[{e.items()[parent].origin, e.items()[parent].number, it.origin}];
        }
        for (const auto& entry : copies) {
            // no structured binding: clang 14 (Emscripten) cannot capture one in doctest's message lambdas
            const auto& event = entry.first;
            const auto& functions = entry.second;
            const auto& targets = e.targetFunctions(event.first);
            const auto& queues = e.subscribedQueues(event.first);
            std::vector<std::uint32_t> got = functions, want = targets;
            std::sort(got.begin(), got.end());
            std::sort(want.begin(), want.end());
            if (want.empty()) want.push_back(kNone);  // unrouted, or published to queues only
            CHECK_MESSAGE(got == want, e.idOf(event.first, event.second) << " went to the wrong functions");
            if (targets.size() > 1) ++fannedOut;
            for (std::uint32_t q : queues) {
                const auto found = messages.find({event.first, event.second, q});
                const int count = found == messages.end() ? 0 : found->second;
                // a refused spawn (kMaxSpawnedItems) is the only way to lose one; these runs are far below it
                CHECK_MESSAGE(count == 1, e.idOf(event.first, event.second) << " reached " << e.node(q).id << " "
                                                                                << count << " times");
                ++published;
            }
        }
    }
    CHECK(fannedOut > 100);
    CHECK(published > 40);
    MESSAGE(fannedOut << " fanned-out events, " << published << " topic -> queue deliveries");
}

TEST_CASE("properties: fan-out runs: the same seed gives the same trace; rewind + replay equals running to k") {
    pg::test::RandomScenarioOptions options;
    options.fanOut = true;
    pg::test::RandomScenarioGenerator gen(2324, options);
    for (int n = 0; n < 80; ++n) {
        CAPTURE(n);
        const Scenario s = nextValid(gen);
        Engine a(s), b(s);
        a.runUntil(kNever);
        b.runUntil(kNever);
        REQUIRE(a.stepCount() == b.stepCount());
        CHECK(a.traceFingerprint() == b.traceFingerprint());
        const std::uint64_t total = a.stepCount();
        if (total == 0) continue;
        const auto k = static_cast<std::uint64_t>(gen.rng().uniformInt(0, static_cast<std::int64_t>(total)));
        a.rewindTo(k);
        Engine direct(s);
        for (std::uint64_t i = 0; i < k; ++i) direct.step();
        CHECK(stateSummary(a) == stateSummary(direct));
        a.runUntil(kNever);
        CHECK(a.traceFingerprint() == b.traceFingerprint());
    }
}

TEST_CASE("properties: the same seed gives the same trace; rewindTo(k) + replay equals running to k") {
    pg::test::RandomScenarioGenerator gen(77);
    for (int n = 0; n < 150; ++n) {
        CAPTURE(n);
        const Scenario s = nextValid(gen);
        Engine a(s);
        a.runUntil(kNever);
        EngineOptions lean;
        lean.storeTrace = false;
        lean.collectMetrics = false;
        Engine b(s, lean);
        b.runUntil(kNever);
        REQUIRE(a.stepCount() == b.stepCount());
        CHECK(a.traceFingerprint() == b.traceFingerprint());
        CHECK(a.trace().count() == b.trace().count());
        const std::uint64_t total = a.stepCount();
        if (total == 0) continue;
        const auto k = static_cast<std::uint64_t>(gen.rng().uniformInt(0, static_cast<std::int64_t>(total)));
        a.rewindTo(k);
        Engine direct(s);
        for (std::uint64_t i = 0; i < k; ++i) direct.step();
        CHECK(stateSummary(a) == stateSummary(direct));
        CHECK(a.checkInvariants().empty());
        // forward again from k: the same end as before
        a.runUntil(kNever);
        CHECK(a.traceFingerprint() == b.traceFingerprint());
        CHECK(a.stepCount() == total);
    }
}

// Several event source mappings on streams and queues (issue 23; model choices stream_several_mappings,
// sqs_competing_mappings; Lambda DG with-kinesis and with-sqs): the same invariants, every item drained once
// (a stream record has one item per mapping, a queue message one item whichever mapping receives it), the same
// seed the same trace, rewind = replay.
TEST_CASE("properties: random scenarios with several mappings per stream or queue keep every invariant") {
    pg::test::RandomScenarioOptions options;
    options.severalMappings = true;
    pg::test::RandomScenarioGenerator gen(230023, options);
    int multi = 0;
    for (int n = 0; n < 400; ++n) {
        CAPTURE(n);
        const Scenario s = nextValid(gen);
        for (const Node& node : s.nodes) {
            int mappings = 0;
            for (const Edge& edge : s.edges)
                if (edge.from == node.id && (node.type == NodeType::Sqs || node.type == NodeType::Kinesis ||
                                             node.type == NodeType::DynamoDbStream))
                    for (const Node& to : s.nodes) mappings += to.id == edge.to && to.type == NodeType::Function;
            multi += mappings > 1 ? 1 : 0;
        }
        Engine e(s);
        while (e.stepCount() < kStepCap && e.step()) {
            if (e.stepCount() % (n % 4 == 0 ? 1 : 16) != 0) continue;
            const auto problems = e.checkInvariants();
            INFO(pg::scenario::writeScenario(s));
            REQUIRE_MESSAGE(problems.empty(), "step " << e.stepCount() << ": " << problems.front());
        }
        INFO(pg::scenario::writeScenario(s));
        REQUIRE_MESSAGE(e.idle(), "a small random run did not drain in " << kStepCap << " steps");
        const auto problems = e.checkInvariants();
        REQUIRE_MESSAGE(problems.empty(), problems.front());
        CHECK(e.itemsInState(ItemState::Done) == e.items().size());
        // Same seed, same trace; rewind to a random step and replay: the same state and end.
        EngineOptions lean;
        lean.storeTrace = false;
        Engine b(s, lean);
        b.runUntil(kNever);
        CHECK(b.traceFingerprint() == e.traceFingerprint());
        if (n % 4 != 0 || e.stepCount() == 0) continue;
        const auto k = static_cast<std::uint64_t>(gen.rng().uniformInt(0, static_cast<std::int64_t>(e.stepCount())));
        Engine direct(s);
        for (std::uint64_t i = 0; i < k; ++i) direct.step();
        const std::uint64_t total = e.stepCount();
        e.rewindTo(k);
        CHECK(stateSummary(e) == stateSummary(direct));
        e.runUntil(kNever);
        CHECK(e.stepCount() == total);
        CHECK(e.traceFingerprint() == b.traceFingerprint());
    }
    CHECK(multi > 100);  // the option did make sources with several mappings
    MESSAGE(multi << " streams or queues with several mappings");
}

TEST_CASE("properties: budgeted slices (steps and clock) reach the same state as one run") {
    pg::test::RandomScenarioGenerator gen(99);
    for (int n = 0; n < 80; ++n) {
        CAPTURE(n);
        const Scenario s = nextValid(gen);
        Engine whole(s), sliced(s);
        whole.runUntil(s.runFor);
        RunBudget budget;
        budget.maxSteps = static_cast<std::uint64_t>(gen.rng().uniformInt(1, 50));
        int calls = 0, clockChecks = 0;
        budget.outOfTime = [&] { return ++clockChecks % 3 == 0; };
        RunSlice slice;
        do {
            slice = runSlice(sliced, s.runFor, budget);
            REQUIRE(slice.steps <= budget.maxSteps);
            REQUIRE(sliced.now() <= s.runFor);
            REQUIRE(++calls < 1000000);
        } while (slice.more());
        CHECK(slice.stop == RunStop::Reached);
        CHECK(stateSummary(sliced) == stateSummary(whole));
    }
}

TEST_CASE("run budget: the run limit stops a run with a message naming the limit") {
    Scenario s = test::scenarioOf({test::sourceNode("api", NodeType::ApiGateway, 500, 100.0), test::functionNode("f")},
                                  {{"api", "f"}});
    Engine e(s);
    RunBudget budget;
    budget.runLimit = 100;
    RunSlice slice = runSlice(e, kNever, budget);
    CHECK(slice.stop == RunStop::RunLimit);
    CHECK(e.stepCount() == 100);
    CHECK_FALSE(slice.more());
    slice = stepSlice(e, budget);  // stays stopped
    CHECK(slice.stop == RunStop::RunLimit);
    CHECK(slice.steps == 0);
    CHECK(runLimitMessage().find("limit: events per run") != std::string::npos);
    CHECK(runLimitMessage().find("10000000") != std::string::npos);
    // stepSlice: a step budget, then idle
    Engine f(s);
    RunBudget steps;
    steps.maxSteps = 7;
    slice = stepSlice(f, steps);
    CHECK(slice.stop == RunStop::StepBudget);
    CHECK(f.stepCount() == 7);
    steps.maxSteps = 1u << 30;
    slice = stepSlice(f, steps);
    CHECK(slice.stop == RunStop::Idle);
    CHECK(f.idle());
}

TEST_CASE("property regression: rewindTo(current step) after runUntil(time) restores that step's time") {
    // Found by the rewind property: runUntil(kNever) leaves now() at kNever; rewindTo(stepCount()) kept it there
    // instead of the time of the last step, unlike running that many steps directly.
    Scenario s = test::scenarioOf({test::sourceNode("api", NodeType::ApiGateway, 3, 1.0), test::functionNode("f")},
                                  {{"api", "f"}});
    Engine e(s), direct(s);
    e.runUntil(kNever);
    const std::uint64_t steps = e.stepCount();
    e.rewindTo(steps);
    for (std::uint64_t i = 0; i < steps; ++i) direct.step();
    CHECK(e.now() == direct.now());
    CHECK(e.now() == e.lastEventTime());
    CHECK(e.traceFingerprint() == direct.traceFingerprint());
    Engine early(s);
    early.runUntil(500 * kMillisecond);  // no event yet: step 0 at time 0
    early.rewindTo(0);
    CHECK(early.now() == 0);
}

TEST_CASE("property regression: a stream record retried until it expires counts every attempt past 65535") {
    // Item::attempts was 16 bits: a Kinesis record retried every 60 s (maximum backoff) for 50 days has about
    // 72 000 attempts, and its count wrapped (summary, journey and the invariants disagreed with the list).
    Node stream = test::sourceNode("k", NodeType::Kinesis, 1);
    stream.stream.retention = 50 * kDay;
    Node fn = test::functionNode("f", 0);
    fn.function.behavior = {test::rule(RuleOutcome::Error)};
    Scenario s = test::scenarioOf({stream, fn}, {{"k", "f"}});
    s.runFor = 51 * kDay;
    EngineOptions lean;
    lean.storeTrace = false;
    lean.collectMetrics = false;
    Engine e(s, lean);
    e.runUntil(s.runFor);
    REQUIRE(e.items().size() == 1);
    CHECK(e.items()[0].attempts > 65535);
    CHECK(static_cast<std::int64_t>(e.items()[0].attempts) == e.counters(e.nodeIndex("f")).invocations);
    CHECK(e.items()[0].outcome != ItemOutcome::Pending);
    const auto problems = e.checkInvariants();
    CHECK_MESSAGE(problems.empty(), (problems.empty() ? "" : problems.front()));
}
