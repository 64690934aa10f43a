// EngineOptions::keepFinishedItems off (what the CLI runner uses without per-item output): the run must be the
// same run. Every bench workload at its small size, every preset, hand-made SQS runs with retention expiry,
// FIFO groups, a consumed DLQ and send edges, and random scenarios: same events, trace fingerprint, node
// counters, outcome totals and delivered records as with every item kept; invariants hold throughout; and the
// stores really let finished items go. Also ChunkedVector's compaction on its own.
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "../common/random_scenario.hpp"
#include "engine/modes/sqs_queue.hpp"
#include "scenario/delivered_record_json.hpp"
#include "scenario/scenario_json.hpp"
#include "test_helpers.hpp"

using namespace pg::sim;
using namespace pg::sim::test;

namespace {

Scenario loadFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    REQUIRE_MESSAGE(static_cast<bool>(in), "cannot read " << path);
    std::stringstream text;
    text << in.rdbuf();
    const pg::scenario::ParseResult parsed = pg::scenario::parseScenario(text.str());
    REQUIRE(parsed.ok());
    return parsed.scenario;
}

EngineOptions runnerOptions(bool keep) {
    EngineOptions o;  // as the CLI runner without --trace and per-item output (src/platform/cli/main.cpp)
    o.storeTrace = false;
    o.collectMetrics = false;
    o.recordAttempts = false;
    o.keepFinishedItems = keep;
    return o;
}

/// Every figure a summary reports, plus the peak bytes of the item and message stores.
struct Figures {
    std::uint64_t steps = 0, fingerprint = 0;
    SimTime now = 0, lastEvent = 0;
    std::vector<NodeCounters> counters;
    ItemTotals totals;
    std::array<std::size_t, kItemStateCount> states{};
    std::vector<std::string> deliveries;  // rendered as the summary renders them
    std::size_t peakBytes = 0, endItemBytes = 0, endMessageBytes = 0;
    std::size_t peakRecordsHeld = 0, endRecordsHeld = 0;  // stream records
};

/// Stream records the engine still holds: the items whose record it can still place (shard, sequence).
std::size_t streamRecordsHeld(const Engine& e) {
    std::size_t held = 0;
    std::uint32_t shard = 0;
    std::uint64_t sequence = 0;
    for (std::uint32_t item = 0; item < e.items().size(); ++item)
        held += e.streamRecordPosition(item, shard, sequence) ? 1 : 0;
    return held;
}

/// Runs `s` to its end; invariants every `checkEvery` steps (0: only at the end).
Figures run(const Scenario& s, bool keep, std::uint64_t checkEvery = 0, std::uint64_t stepCap = 50000000) {
    Engine e(s, runnerOptions(keep));
    Figures f;
    const SimTime end = s.runFor > 0 ? s.runFor : kNever;
    while (!e.idle() && e.nextEventTime() < end && e.stepCount() < stepCap) {
        e.step();
        if (e.stepCount() % 1024 == 0)
            f.peakBytes = std::max(f.peakBytes, e.itemBytes() + e.sqsMessageBytes());
        if (e.stepCount() % 8192 == 0) f.peakRecordsHeld = std::max(f.peakRecordsHeld, streamRecordsHeld(e));
        if (checkEvery && e.stepCount() % checkEvery == 0) {
            const auto problems = e.checkInvariants();
            REQUIRE_MESSAGE(problems.empty(), "step " << e.stepCount() << ": " << problems.front());
        }
    }
    const auto problems = e.checkInvariants();
    REQUIRE_MESSAGE(problems.empty(), problems.front());
    f.steps = e.stepCount();
    f.fingerprint = e.traceFingerprint();
    f.now = e.now();
    f.lastEvent = e.lastEventTime();
    for (std::uint32_t n = 0; n < e.nodeCount(); ++n) f.counters.push_back(e.counters(n));
    f.totals = e.itemTotals();
    for (int st = 0; st < kItemStateCount; ++st) f.states[st] = e.itemsInState(static_cast<ItemState>(st));
    for (const DeliveredRecord& r : e.deliveries()) f.deliveries.push_back(pg::scenario::deliveredRecordJson(e, r));
    f.endItemBytes = e.itemBytes();
    f.endMessageBytes = e.sqsMessageBytes();
    f.endRecordsHeld = streamRecordsHeld(e);
    return f;
}

void checkSame(const Figures& kept, const Figures& released) {
    CHECK(released.steps == kept.steps);
    CHECK(released.fingerprint == kept.fingerprint);
    CHECK(released.now == kept.now);
    CHECK(released.lastEvent == kept.lastEvent);
    static_assert(sizeof(NodeCounters) % sizeof(std::int64_t) == 0, "plain int64 counters");
    REQUIRE(released.counters.size() == kept.counters.size());
    for (std::size_t n = 0; n < kept.counters.size(); ++n) {
        CAPTURE(n);
        CHECK(std::memcmp(&released.counters[n], &kept.counters[n], sizeof(NodeCounters)) == 0);
    }
    CHECK(released.totals.items == kept.totals.items);
    CHECK(released.totals.attempts == kept.totals.attempts);
    CHECK(released.totals.outcomes == kept.totals.outcomes);
    CHECK(released.states == kept.states);
    CHECK(released.deliveries == kept.deliveries);
}

RuleCondition modulo(std::int64_t divisor, std::int64_t remainder) {
    RuleCondition c;
    c.itemModulo = divisor;
    c.itemRemainder = remainder;
    return c;
}

Figures runBothModes(const Scenario& s, std::uint64_t checkEvery = 0, std::uint64_t stepCap = 50000000) {
    const Figures kept = run(s, true, 0, stepCap);
    const Figures released = run(s, false, checkEvery, stepCap);
    checkSame(kept, released);
    return released;
}

}  // namespace

TEST_CASE("ChunkedVector: a compacted chunk keeps exactly its live elements, never re-materialised") {
    ChunkedVector<std::uint32_t> v;
    constexpr std::size_t kChunk = ChunkedVector<std::uint32_t>::kChunk;
    v.appendLazy(7, 3 * kChunk, [](const std::uint32_t& proto, std::uint32_t k0, std::uint32_t* out, std::size_t n) {
        for (std::size_t j = 0; j < n; ++j) out[j] = proto + k0 + static_cast<std::uint32_t>(j);
    });
    CHECK(v.capacityBytes() == 0);  // lazy: nothing written yet
    CHECK(v[kChunk + 5] == 7 + kChunk + 5);
    CHECK(v.capacityBytes() == kChunk * sizeof(std::uint32_t));
    // Keep the multiples of 100 of chunk 1.
    v.compactChunk(1, [](std::size_t i, const std::uint32_t&) { return i % 100 == 0; });
    CHECK(v.compacted(1));
    CHECK_FALSE(v.dropped(4200));
    CHECK(v[4200] == 7 + 4200);
    CHECK(v.dropped(4201));
    CHECK_FALSE(v.dropped(5));          // chunk 0: lazy, still readable
    CHECK_FALSE(v.dropped(2 * kChunk)); // chunk 2 untouched
    std::size_t held = 0, sum = 0;
    v.forEachInChunk(1, [&](std::size_t i, const std::uint32_t& x) {
        CHECK(i % 100 == 0);
        CHECK(x == 7 + i);
        ++held;
        sum += i;
    });
    CHECK(held == 41);  // 4200, 4300, ..., 8100 (8192 is chunk 2)
    // A lazy chunk iterates without being written.
    std::size_t lazyCount = 0;
    v.forEachInChunk(2, [&](std::size_t i, const std::uint32_t& x) { lazyCount += x == 7 + i ? 1 : 0; });
    CHECK(lazyCount == kChunk);
    CHECK(v.capacityBytes() < kChunk * sizeof(std::uint32_t));  // only the 41 kept values (and offsets)
    v.releaseChunk(1);
    CHECK(v.dropped(4200));
    CHECK(v.capacityBytes() == 0);
    std::size_t all = 0;
    v.forEachHeld([&](std::size_t, const std::uint32_t&) { ++all; });
    CHECK(all == 2 * kChunk);
}

TEST_CASE("ChunkedVector: every read of a compacted chunk finds its own element, compacted twice") {
    // Element i holds 7 + i (the lazy fill below), so a read that lands on a neighbour's slot shows at once.
    ChunkedVector<std::uint32_t> v;
    constexpr std::size_t kChunk = ChunkedVector<std::uint32_t>::kChunk;
    v.appendLazy(7, 3 * kChunk, [](const std::uint32_t& proto, std::uint32_t k0, std::uint32_t* out, std::size_t n) {
        for (std::size_t j = 0; j < n; ++j) out[j] = proto + k0 + static_cast<std::uint32_t>(j);
    });
    const std::size_t base = kChunk;  // chunk 1
    // Kept: the ends of 64-element words (offsets 0, 63, 64, 127, ...), the chunk's last offset and every 11th
    // offset (a pattern not aligned to words); a whole word (offsets 1024-1087) kept and one (2048-2111) with
    // nothing kept.
    auto first = [&](std::size_t i) {
        const std::size_t off = i - base;
        if (off >= 1024 && off < 1088) return true;
        if (off >= 2048 && off < 2112) return false;
        return off % 64 == 0 || off % 64 == 63 || off == kChunk - 1 || off % 11 == 0;
    };
    v.compactChunk(1, [&](std::size_t i, const std::uint32_t&) { return first(i); });
    std::size_t expected = 0;
    for (std::size_t i = base; i < base + kChunk; ++i) {
        CAPTURE(i);
        expected += first(i) ? 1 : 0;
        CHECK(v.dropped(i) == !first(i));
        if (first(i)) {
            CHECK(v[i] == 7 + i);
            REQUIRE(v.find(i) != nullptr);
            CHECK(*v.find(i) == 7 + i);
        } else {
            CHECK(v.find(i) == nullptr);
        }
    }
    std::size_t held = 0;
    v.forEachInChunk(1, [&](std::size_t i, const std::uint32_t& x) {
        CHECK(first(i));
        CHECK(x == 7 + i);
        ++held;
    });
    CHECK(held == expected);
    // A write through a kept element lands in that element only.
    v[base + 64] = 1;
    CHECK(v[base + 63] == 7 + base + 63);
    CHECK(v[base + 127] == 7 + base + 127);
    // Compacted again, keeping the even offsets of what was kept: every read still finds its own element.
    auto second = [&](std::size_t i) { return first(i) && (i - base) % 2 == 0; };
    v.compactChunk(1, [&](std::size_t i, const std::uint32_t&) { return second(i); });
    for (std::size_t i = base; i < base + kChunk; ++i) {
        CAPTURE(i);
        CHECK(v.dropped(i) == !second(i));
        if (second(i)) CHECK(v[i] == (i == base + 64 ? 1u : 7 + i));
    }
    // Chunks 0 and 2 are untouched: still lazy and readable.
    CHECK(v[5] == 7 + 5);
    CHECK(v[2 * kChunk + 4095] == 7 + 2 * kChunk + 4095);
}

TEST_CASE("keepFinishedItems off: sqs_poison 100k gives the same run and lets the finished messages go") {
    // Peer counts (bench/peer-expected.json, FIDELITY 6.2 redrive after 5 receives) are checked on the kept run
    // by test_bench_workloads.cpp; here every figure of the released run must equal the kept run's.
    const Scenario s = loadFile(std::string(PG_SOURCE_DIR) + "/bench/sqs_poison_100k.json");
    const Figures kept = run(s, true);
    const Figures released = run(s, false, 20000);
    checkSame(kept, released);
    CHECK(released.totals.outcomes[static_cast<int>(ItemOutcome::DeadLettered)] == 10000);
    CHECK(released.totals.outcomes[static_cast<int>(ItemOutcome::Succeeded)] == 90000);
    // Kept: every received message and item stays. Released: a tenth of the messages (the failing batches)
    // loops through five receives while the rest are deleted at once, so chunks shrink to their stragglers.
    CHECK(kept.peakBytes >= 100000 * (sizeof(Item) + sizeof(SqsMessage)));
    CHECK(released.peakBytes * 2 < kept.peakBytes);
    // Drained: every item retired; only the last, partly filled chunk (100,000 = 24 * 4096 + 1,696) remains.
    CHECK(released.endItemBytes <= ChunkedVector<Item>::kChunk * sizeof(Item));
    // Messages: the 10,000 passive DLQ copies stay (visible in the DLQ), plus at most two partial chunks.
    CHECK(released.endMessageBytes <= (10000 + 2 * ChunkedVector<SqsMessage>::kChunk) * sizeof(SqsMessage));
}

TEST_CASE("keepFinishedItems off: the other bench workloads at their small sizes give the same run") {
    for (const char* name : {"sqs_poison_partial_100k", "async_retry_200k", "kinesis_shard_4x50k"}) {
        CAPTURE(name);
        const Scenario s = loadFile(std::string(PG_SOURCE_DIR) + "/bench/" + name + ".json");
        const Figures released = runBothModes(s);
        if (std::string(name) == "async_retry_200k") CHECK(released.endItemBytes < 200000 * sizeof(Item) / 10);
    }
}

TEST_CASE("keepFinishedItems off: every preset gives the same run, invariants after every step") {
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(std::string(PG_SOURCE_DIR) + "/assets/scenarios"))
        if (entry.path().extension() == ".json") files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    REQUIRE(files.size() >= 10);
    for (const auto& path : files) {
        CAPTURE(path.filename().string());
        runBothModes(loadFile(path.string()), 1, 200000);
    }
}

TEST_CASE("keepFinishedItems off: SQS retention expiry, FIFO groups, a consumed DLQ and send edges at scale") {
    // Large enough that chunks of 4,096 items and messages fill up, retire and compact while queues, groups,
    // batches and the retention order still name their gone messages (FIDELITY 6.2 retention deletes visible
    // and in-flight messages; redrive to a DLQ a function consumes; model choice sqs_dlq_messages).
    Node fifo = sourceNode("orders.fifo", NodeType::Sqs, 9000, 200);
    fifo.queue.fifo = true;
    fifo.traffic.group = "g{n}";  // many groups
    fifo.queue.retention = 60 * kSecond;
    fifo.queue.visibilityTimeout = 5 * kSecond;
    fifo.queue.redrive = Redrive{"dlq", 2};
    Node std1 = sourceNode("jobs", NodeType::Sqs, 12000, 400);
    std1.queue.retention = 60 * kSecond;
    std1.queue.visibilityTimeout = 5 * kSecond;
    std1.queue.redrive = Redrive{"dlq", 3};
    Node dlq = plainNode("dlq", NodeType::Sqs);
    Node out = plainNode("out", NodeType::Sqs);
    Node worker = functionNode("worker", 2 * kSecond, 3 * kSecond);
    worker.function.reservedConcurrency = 20;  // a backlog: messages expire visible and in flight
    worker.function.behavior = {rule(RuleOutcome::Error, modulo(7, 3))};
    Node drain = functionNode("drain", 50 * kMillisecond);
    drain.function.behavior = {rule(RuleOutcome::Error, modulo(5, 1))};
    Node sink = functionNode("sink", 20 * kMillisecond);
    Scenario s = scenarioOf({fifo, std1, dlq, out, worker, drain, sink},
                            {{"orders.fifo", "worker"}, {"jobs", "worker"}, {"dlq", "drain"}, {"drain", "out"},
                             {"out", "sink"}});
    s.runFor = 15 * kMinute;
    const Figures kept = run(s, true);
    const Figures released = run(s, false, 16384);
    checkSame(kept, released);
    CHECK(released.endItemBytes + released.endMessageBytes < kept.endItemBytes + kept.endMessageBytes);
    CHECK(released.totals.outcomes[static_cast<int>(ItemOutcome::Expired)] > 0);
    CHECK(released.totals.outcomes[static_cast<int>(ItemOutcome::Succeeded)] > 0);
}

TEST_CASE("keepFinishedItems off: sync requests with integration timeouts and client retries at scale") {
    // FIDELITY 4: API Gateway answers 504 at its integration timeout while the function runs on (model choice
    // api_gateway_function_runs_on): that run ends later on the same request, so the request is kept; 502 and
    // throttled (500) requests are retried by the client; the rest finish and are let go.
    Node api = sourceNode("api", NodeType::ApiGateway, 30000, 300);
    api.integrationTimeout = 5 * kSecond;
    api.clientRetry.count = 2;
    Node fn = functionNode("handler", 200 * kMillisecond, 8 * kSecond);
    fn.function.reservedConcurrency = 50;  // some throttles
    fn.function.behavior = {rule(RuleOutcome::Timeout, modulo(97, 5)), rule(RuleOutcome::Error, modulo(13, 2))};
    Scenario s = scenarioOf({api, fn}, {{"api", "handler"}});
    s.runFor = 10 * kMinute;
    const Figures kept = run(s, true);
    const Figures released = run(s, false, 16384);
    checkSame(kept, released);
    CHECK(released.counters[0].responses504 > 0);
    CHECK(released.counters[0].clientRetries > 0);
    CHECK(released.endItemBytes * 4 < kept.endItemBytes);
}

TEST_CASE("keepFinishedItems off: random scenarios of every node type give the same run") {
    pg::test::RandomScenarioGenerator gen(7331);
    for (int n = 0; n < 300; ++n) {
        CAPTURE(n);
        Scenario s;
        for (;;) {
            s = gen.next();
            auto parsed = pg::scenario::parseScenario(pg::scenario::writeScenario(s, -1));
            if (parsed.ok()) {
                s = parsed.scenario;
                break;
            }
        }
        INFO(pg::scenario::writeScenario(s));
        runBothModes(s, n % 8 == 0 ? 1 : 64, 20000);
    }
}

TEST_CASE("keepFinishedItems off: a long stream run lets go of the records nothing reads any more") {
    // 4 shards read steadily (1,000 records/s for 100 s, 10 ms per batch) and a stream nobody reads whose records
    // expire after 10 s (200 records/s for 100 s): 100,000 + 20,000 records. A record is let go once behind its
    // lane's checkpoint and the expiry cursor, by one chunk (4,096) later. Read: a record waits for the next
    // whole-second poll and its batches (250 records a second per shard: 3 batches of 10 ms), so <= 2 s of
    // arrivals are unfinished: 2 x 1,000 = 2,000, plus 4 lanes x 4,096 lag = 16,384. Unread: <= 10 s of arrivals
    // live (expired at arrival + 10 s; let go as they expire): 10 x 200 = 2,000. Bound: 2,000 + 16,384 + 2,000
    // = 20,384. Kept, all 120,000 stay.
    Node ks = sourceNode("ks", NodeType::Kinesis, 100000, 1000.0);
    ks.stream.shards = 4;
    Node idle = sourceNode("idle", NodeType::Kinesis, 20000, 200.0);
    idle.stream.retention = 10 * kSecond;
    Edge edge;
    edge.from = "ks";
    edge.to = "f";
    edge.batchSize = 100;
    Scenario s = build({ks, idle, functionNode("f", 10 * kMillisecond)}, {edge});
    s.runFor = 200 * kSecond;
    const Figures kept = run(s, true);
    const Figures released = runBothModes(s, 20000);
    CHECK(kept.endRecordsHeld == 120000);
    CHECK(released.peakRecordsHeld <= 20384);
    CHECK(released.endRecordsHeld <= 4 * 4096);  // every record finished by 110 s: only the lag is held
    CHECK(released.totals.outcomes[static_cast<int>(ItemOutcome::Succeeded)] == 100000);
    CHECK(released.totals.outcomes[static_cast<int>(ItemOutcome::Expired)] == 20000);
}

TEST_CASE("keepFinishedItems off: a stream full at the start lets its records and items go as it is read") {
    // 30,000 records at time 0 on one shard (listed lazily), 100 per batch: every one succeeds and all but the
    // last 4,096 (the lag) are let go with their items: items 0 .. 25,903. Item chunks 0-5 (0 .. 24,575) are
    // released; chunk 6 keeps 2,768 live of 4,096 (more than half: not compacted) and chunk 7 (from 28,672) is
    // partly filled: at most 2 chunks of items are held.
    Node ks = sourceNode("ks", NodeType::Kinesis, 30000);
    ks.traffic.arrival = Arrival::Burst;
    Edge edge;
    edge.from = "ks";
    edge.to = "f";
    edge.batchSize = 100;
    const Scenario s = build({ks, functionNode("f", 10 * kMillisecond)}, {edge});
    const Figures kept = run(s, true);
    const Figures released = runBothModes(s, 2000);
    CHECK(kept.endRecordsHeld == 30000);
    CHECK(released.endRecordsHeld == 4096);
    CHECK(released.endItemBytes <= 2 * ChunkedVector<Item>::kChunk * sizeof(Item));
    CHECK(released.totals.outcomes[static_cast<int>(ItemOutcome::Succeeded)] == 30000);
}

TEST_CASE("ChunkRetirement: a chunk is shrunk when full and at most half of what it holds is live") {
    // Elements are their own index; live(v) reads a side flag set when the test retires v.
    ChunkedVector<std::uint32_t> v;
    constexpr std::size_t kChunk = ChunkedVector<std::uint32_t>::kChunk;  // 4096
    for (std::uint32_t i = 0; i < kChunk + 10; ++i) v.push_back(i);    // chunk 0 full, chunk 1 filling
    std::vector<bool> gone(2 * kChunk, false);
    ChunkRetirement r;
    std::size_t droppedCount = 0, releasedChunk = 99;
    auto retire = [&](std::uint32_t i) {
        gone[i] = true;
        const bool due = r.countRetired<std::uint32_t>(i, v.size());
        if (due)
            r.shrink(v, i >> ChunkedVector<std::uint32_t>::kShift,
                     [&](const std::uint32_t& x) { return !gone[x]; },
                     [&](std::size_t, const std::uint32_t&) { ++droppedCount; },
                     [&](std::size_t c) { releasedChunk = c; });
        return due;
    };
    // Chunk 1 is not full (4096 + 10 < 8192): never due, whatever retires.
    for (std::uint32_t i = kChunk; i < kChunk + 10; ++i) CHECK_FALSE(retire(i));
    // Chunk 0 holds 4096: due once live <= 4096 / 2, i.e. at the 2048th retirement (4096 - 2048 = 2048).
    for (std::uint32_t i = 0; i < 2047; ++i) CHECK_FALSE(retire(i));
    CHECK(retire(2047));
    CHECK(droppedCount == 2048);
    CHECK(v.compacted(0));
    CHECK(v[2048] == 2048);
    // Now it holds 2048: due again at live 1024, the 3072nd retirement (4096 - 3072 = 1024).
    for (std::uint32_t i = 2048; i < 3071; ++i) CHECK_FALSE(retire(i));
    CHECK(retire(3071));
    CHECK(droppedCount == 2048 + 1024);
    // Then 512 live (3584th), 256 (3840th), 128 (3968th), 64, 32, 16, 8, 4, 2, 1 (4095th), and 0 (4096th)
    // releases it: 13 shrinks of chunk 0 in all, each dropping what retired since the one before.
    int shrinks = 2;
    for (std::uint32_t i = 3072; i < kChunk; ++i) shrinks += retire(i) ? 1 : 0;
    CHECK(shrinks == 13);
    CHECK(droppedCount == kChunk);
    CHECK(releasedChunk == 0);
    CHECK(v.dropped(4095));
    CHECK(v[kChunk + 3] == kChunk + 3);  // chunk 1 untouched
}
