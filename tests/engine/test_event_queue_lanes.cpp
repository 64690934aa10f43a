// EventQueue with FIFO lanes must pop in exactly (time, seq) order, like a plain heap, whatever the mix of
// monotone streams and out-of-order pushes; and tracing off (no store, no fingerprint) must record nothing.
#include <algorithm>
#include <tuple>

#include "engine/rng.hpp"
#include "test_helpers.hpp"

using namespace pg::sim;

TEST_CASE("event queue lanes pop in (time, seq) order under mixed pushes and pops") {
    Rng rng(42);
    EventQueue q;
    std::vector<std::pair<SimTime, std::uint64_t>> reference;  // kept sorted: the order a heap would give
    SimTime now = 0;
    std::uint64_t popped = 0;
    for (int round = 0; round < 20000; ++round) {
        const std::uint64_t r = rng.next() % 100;
        if (r < 55 || q.empty()) {
            // monotone streams (fixed delays), ties at `now`, and random times
            static const SimTime kDelays[] = {0, 50, 60000, 120000, 1, 30000};
            const SimTime t = r < 40 ? now + kDelays[r % 6] : now + static_cast<SimTime>(rng.next() % 5000);
            const std::uint64_t seq = q.push(t, 0, 0, static_cast<std::uint32_t>(round));
            reference.insert(std::upper_bound(reference.begin(), reference.end(), std::make_pair(t, seq)),
                             std::make_pair(t, seq));
        } else {
            REQUIRE(q.top().time == reference.front().first);
            REQUIRE(q.topTime() == reference.front().first);  // the cached copy the run loop reads
            const Event e = q.pop();
            REQUIRE(e.time == reference.front().first);
            REQUIRE(e.seq == reference.front().second);
            reference.erase(reference.begin());
            now = e.time;
            ++popped;
        }
        REQUIRE(q.size() == reference.size());
    }
    while (!q.empty()) {
        const Event e = q.pop();
        REQUIRE(e.seq == reference.front().second);
        reference.erase(reference.begin());
    }
    CHECK(popped > 5000);
}

TEST_CASE("popRef gives every field of the popped event, from a lane and from the heap") {
    // Eight decreasing times fill the eight lanes (each fits no lane's tail); a ninth, earliest, goes to the heap.
    EventQueue q;
    for (std::uint32_t k = 0; k < 9; ++k)
        q.push(900 - 100 * static_cast<SimTime>(k), 3, static_cast<std::uint16_t>(k), k, 7 * k);
    for (std::uint32_t k = 9; k-- > 0;) {
        const Event& e = q.popRef();  // the heap's event first, then each lane's, which empties the lane
        CHECK(e.time == 900 - 100 * static_cast<SimTime>(k));
        CHECK(e.seq == k);
        CHECK(e.a == k);
        CHECK(e.b == 7 * k);
        CHECK(e.handler == 3);
        CHECK(e.kind == k);
    }
    CHECK(q.empty());
}

TEST_CASE("tracing off: no records, no fingerprint, same run") {
    Scenario s;
    Node fn = test::functionNode("f");
    Node src = test::sourceNode("api", NodeType::ApiGateway, 50, 10.0);
    s.nodes = {src, fn};
    s.edges = {Edge{}};
    s.edges[0].from = "api";
    s.edges[0].to = "f";
    EngineOptions off;
    off.storeTrace = false;
    off.fingerprint = false;
    Engine a(s, off), b(s);
    a.runUntil(s.runFor);
    b.runUntil(s.runFor);
    CHECK(a.trace().count() == 0);
    CHECK(a.trace().records().empty());
    CHECK(a.stepCount() == b.stepCount());
    CHECK(b.trace().count() > 0);
    CHECK(a.counters(1).invocations == b.counters(1).invocations);
}
