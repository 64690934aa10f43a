// InvariantScan (src/engine/invariant_scan.hpp): the invariant check in bounded pieces (issue 21). On an
// unmoved engine its findings are exactly checkInvariants()'s whatever the budget, mid-run and at the end of a
// run; each call takes one piece with a budget of 1, so the number of calls follows from the engine's sizes;
// and once the engine moved the scan says so (and what it would report is no longer the check's).
#include <array>
#include <fstream>
#include <sstream>

#include "engine/invariant_scan.hpp"
#include "scenario/scenario_json.hpp"
#include "test_helpers.hpp"

using namespace pg::sim;

namespace {

Scenario loadJson(const std::string& relative) {
    std::ifstream in(std::string(PG_SOURCE_DIR) + "/" + relative, std::ios::binary);
    REQUIRE_MESSAGE(static_cast<bool>(in), "cannot read " << relative);
    std::stringstream text;
    text << in.rdbuf();
    const pg::scenario::ParseResult parsed = pg::scenario::parseScenario(text.str());
    REQUIRE(parsed.ok());
    return parsed.scenario;
}

struct ScanResult {
    std::vector<std::string> problems;
    std::size_t calls = 0;
};

ScanResult scanInPieces(const Engine& e, std::size_t budget) {
    InvariantScan scan(e);
    ScanResult r;
    bool done = false;
    while (!done) {
        REQUIRE(scan.current(e));
        done = scan.advance(e, budget);
        ++r.calls;
        REQUIRE(r.calls < 1000000);
    }
    CHECK(scan.step() == e.stepCount());
    r.problems = scan.problems();
    return r;
}

/// Chunks of ChunkedVector's 4096 elements that hold `n` elements.
std::size_t chunks(std::size_t n) { return (n + 4095) / 4096; }

/// Pieces of a scan with budget 1: two passes over the item chunks, one piece per function, the delivery
/// chunks, and one per mode (sync, async, SQS, stream: Engine adds all four).
std::size_t piecesOf(const Engine& e) {
    return 2 * chunks(e.items().size()) + e.functions().size() + chunks(e.deliveries().size()) + 4;
}

void checkSameFindings(const Engine& e) {
    const std::vector<std::string> full = e.checkInvariants();
    for (std::size_t budget : {std::size_t{1}, std::size_t{100}, std::size_t{4096}, std::size_t{20000},
                               InvariantScan::kUnlimited}) {
        const ScanResult r = scanInPieces(e, budget);
        CAPTURE(budget);
        CHECK(r.problems == full);
        if (budget == 1) CHECK(r.calls == piecesOf(e));
        if (budget == InvariantScan::kUnlimited) CHECK(r.calls == 1);
    }
}

}  // namespace

TEST_CASE("invariant scan: same findings as the full check, mid-run and at the end, on every preset") {
    for (const char* name : {"sqs_with_redrive", "sqs_fifo_group", "kinesis_poison_pill", "s3_async_dlq",
                             "provisioned_concurrency", "sns_fanout_vs_sqs_competing"}) {
        CAPTURE(name);
        Engine e(loadJson(std::string("assets/scenarios/") + name + ".json"));
        for (int k = 0; k < 40 && !e.idle(); ++k) e.step();
        checkSameFindings(e);  // a few events in: items queued, running, in flight
        e.runUntil(kNever);
        checkSameFindings(e);  // the end of the run
    }
}

TEST_CASE("invariant scan: sqs_poison_100k in pieces, while it plays and when it ended") {
    Engine e(loadJson("bench/sqs_poison_100k.json"));
    e.runUntil(20 * kSecond);
    REQUIRE(e.items().size() > 4096);  // more than one chunk: the pieces really split the passes
    checkSameFindings(e);
    e.runUntil(kNever);
    REQUIRE(e.idle());
    checkSameFindings(e);
    // 100,000 messages, one item each: the scan with budget 1 takes at least 2 x 25 item pieces.
    CHECK(e.items().size() >= 100000);
    CHECK(piecesOf(e) >= 2 * 25 + 4);
}

TEST_CASE("invariant scan: a scan that outlives its step is no longer current, and its counts no longer add up") {
    Engine e(loadJson("bench/sqs_poison_100k.json"));
    e.runUntil(5 * kSecond);
    REQUIRE(e.checkInvariants().empty());
    // Per state, the items of the first chunk (0 .. 4095) now.
    const auto chunkZero = [&e] {
        std::array<std::size_t, kItemStateCount> n{};
        e.items().all().forEachInChunk(0, [&n](std::size_t, const Item& it) { ++n[static_cast<int>(it.state)]; });
        return n;
    };
    const auto counted = chunkZero();
    InvariantScan scan(e);
    CHECK(scan.current(e));
    CHECK_FALSE(scan.advance(e, 1));  // one piece: the first chunk of items, counted by state at this step
    // Step until a state other than Done holds another number of the first chunk's items.
    int moved = -1;
    while (moved < 0 && e.step()) {
        const auto now = chunkZero();
        for (int st = 0; st < kItemStateCount; ++st)
            if (st != static_cast<int>(ItemState::Done) && now[st] != counted[st]) moved = st;
    }
    REQUIRE(moved >= 0);
    CHECK_FALSE(scan.current(e));
    CHECK(e.checkInvariants().empty());  // the engine itself is fine
    // Finishing the stale scan anyway mixes two states. By hand: for that state the scan adds the first chunk's
    // old number to the other chunks' numbers now, the engine's count is the first chunk's number now plus the
    // same others (only Done items are ever dropped), so the two differ. This is why callers start over.
    while (!scan.advance(e, InvariantScan::kUnlimited)) {}
    const std::string expected = std::string("state count mismatch for ") + itemStateName(static_cast<ItemState>(moved));
    bool found = false;
    for (const std::string& p : scan.problems()) found = found || p == expected;
    CHECK_MESSAGE(found, "expected \"" << expected << "\" among the stale scan's findings");
}

TEST_CASE("invariant scan: a seek or a reset makes a scan stale; a fresh scan then matches again") {
    Engine e(loadJson("assets/scenarios/sqs_with_redrive.json"));
    for (int k = 0; k < 20; ++k) e.step();
    while (!e.idle() && e.nextEventTime() <= e.now() + 1) e.step();  // the next event is more than 1 us away
    REQUIRE_FALSE(e.idle());
    InvariantScan scan(e);
    const std::uint64_t step = e.stepCount();
    e.runUntil(e.now() + 1);  // time moves, no event runs
    REQUIRE(e.stepCount() == step);
    CHECK_FALSE(scan.current(e));
    InvariantScan again(e);
    e.reset();
    CHECK_FALSE(again.current(e));
    checkSameFindings(e);  // step 0: nothing created yet
}
