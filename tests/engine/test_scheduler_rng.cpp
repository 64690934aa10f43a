// Scheduler order and the deterministic generator (DESIGN "Engine": (time, sequence) order, own distributions).
#include <doctest/doctest.h>

#include <cmath>
#include <set>
#include <type_traits>
#include <vector>

#include "engine/event_queue.hpp"
#include "engine/rng.hpp"
#include "engine/trace.hpp"

using namespace pg::sim;

TEST_CASE("event queue pops by time - ties in scheduling order") {
    EventQueue q;
    q.push(5, 0, 0, 1);
    q.push(3, 0, 0, 2);
    q.push(5, 0, 0, 3);
    q.push(3, 0, 0, 4);
    q.push(0, 0, 0, 5);
    std::vector<std::uint32_t> order;
    while (!q.empty()) order.push_back(q.pop().a);
    CHECK(order == std::vector<std::uint32_t>{5, 2, 4, 1, 3});
}

TEST_CASE("event queue keeps a total order over many random pushes") {
    EventQueue q;
    Rng rng(42);
    for (int i = 0; i < 5000; ++i) q.push(rng.uniformInt(0, 100), 0, 0, static_cast<std::uint32_t>(i));
    SimTime lastTime = -1;
    std::uint64_t lastSeq = 0;
    while (!q.empty()) {
        const Event e = q.pop();
        CHECK((e.time > lastTime || (e.time == lastTime && e.seq > lastSeq)));
        lastTime = e.time;
        lastSeq = e.seq;
    }
}

TEST_CASE("rng: the same seed gives the same stream - known first values are pinned") {
    Rng a(7), b(7), c(8);
    for (int i = 0; i < 100; ++i) CHECK(a.next() == b.next());
    Rng d(7);
    CHECK(d.next() != c.next());
    // splitmix64 reference value (Vigna's reference implementation, state 0 -> first output).
    std::uint64_t state = 0;
    CHECK(splitMix64(state) == 0xE220A8397B1DCDAFull);
}

TEST_CASE("rng: uniformInt stays inclusive in range and hits both ends") {
    Rng rng(3);
    std::set<std::int64_t> seen;
    for (int i = 0; i < 2000; ++i) {
        const auto v = rng.uniformInt(-2, 2);
        CHECK(v >= -2);
        CHECK(v <= 2);
        seen.insert(v);
    }
    CHECK(seen.size() == 5);
    CHECK(rng.uniformInt(4, 4) == 4);
}

TEST_CASE("rng: uniform01 in (0 1) with mean near 1/2") {
    Rng rng(11);
    double sum = 0;
    for (int i = 0; i < 100000; ++i) {
        const double u = rng.uniform01();
        REQUIRE(u >= 0.0);
        REQUIRE(u < 1.0);
        sum += u;
    }
    CHECK(sum / 100000 == doctest::Approx(0.5).epsilon(0.01));
}

TEST_CASE("deterministicLog matches std::log closely") {
    for (double x : {1e-300, 1e-9, 0.001, 0.25, 0.5, 0.70710678, 0.9999999, 1.0, 2.0, 12345.678}) {
        CHECK(deterministicLog(x) == doctest::Approx(std::log(x)).epsilon(1e-14));
    }
}

TEST_CASE("rng: exponential has the requested mean") {
    Rng rng(5);
    double sum = 0;
    const int n = 200000;
    for (int i = 0; i < n; ++i) sum += static_cast<double>(rng.exponential(1000 * kMillisecond));
    CHECK(sum / n == doctest::Approx(1e6).epsilon(0.01));
}

TEST_CASE("trace fingerprint depends on every field and is the same with storage off") {
    Trace a, b, c;
    b.setStoring(false);
    TraceRecord r;
    r.time = 10;
    r.item = 1;
    a.append(r);
    b.append(r);
    CHECK(a.fingerprint() == b.fingerprint());
    CHECK(b.records().empty());
    CHECK(b.count() == 1);
    r.detail = 1;
    c.append(r);
    CHECK(c.fingerprint() != a.fingerprint());
}

namespace {
std::uint64_t fingerprintOf(const std::vector<TraceRecord>& records) {
    Trace t;
    t.setStoring(false);
    for (const TraceRecord& r : records) t.append(r);
    return t.fingerprint();
}
}  // namespace

TEST_CASE("trace fingerprint: every bit of every field counts, and so does the order of records") {
    // The hash packs fields into words; a field shifted out of its word or truncated would leave some bit
    // unhashed. Flip the lowest and the highest bit of each field of one record in turn: each flip must
    // change the fingerprint, and no two of the 18 flipped records may share one.
    TraceRecord base;
    base.time = 123456789;
    base.cause = 7;
    base.item = 42;
    base.node = 3;
    base.environment = 5;
    base.attempt = 2;
    base.kind = TraceKind::InvokeStart;
    base.outcome = 1;
    base.detail = 9;
    std::vector<TraceRecord> flipped;
    auto both = [&](auto member, std::uint64_t high) {
        TraceRecord low = base, top = base;
        low.*member = static_cast<std::remove_reference_t<decltype(base.*member)>>((base.*member) ^ 1u);
        top.*member = static_cast<std::remove_reference_t<decltype(base.*member)>>((base.*member) ^ high);
        flipped.push_back(low);
        flipped.push_back(top);
    };
    both(&TraceRecord::time, std::uint64_t{1} << 63);
    both(&TraceRecord::cause, 1u << 31);
    both(&TraceRecord::item, 1u << 31);
    both(&TraceRecord::node, 1u << 31);
    both(&TraceRecord::environment, 1u << 31);
    both(&TraceRecord::attempt, 1u << 15);
    both(&TraceRecord::outcome, 1u << 7);
    both(&TraceRecord::detail, 1u << 15);
    TraceRecord kindLow = base, kindHigh = base;
    kindLow.kind = static_cast<TraceKind>(static_cast<std::uint8_t>(base.kind) ^ 1u);
    kindHigh.kind = static_cast<TraceKind>(static_cast<std::uint8_t>(base.kind) ^ 0x80u);
    flipped.push_back(kindLow);
    flipped.push_back(kindHigh);
    REQUIRE(flipped.size() == 18);
    std::set<std::uint64_t> seen{fingerprintOf({base})};
    for (const TraceRecord& r : flipped) CHECK(seen.insert(fingerprintOf({r})).second);
    // Order: the same two records swapped give another fingerprint.
    CHECK(fingerprintOf({base, flipped[0]}) != fingerprintOf({flipped[0], base}));
    // An empty trace and a trace of one all-zero record differ too.
    CHECK(fingerprintOf({}) != fingerprintOf({TraceRecord{0, 0, 0, 0, 0, 0, TraceKind::Arrival, 0, 0}}));
}
