// libFuzzer target: parse, then simulate a bounded number of events with the engine's invariant checks on
// after every step (EngineOptions::checkEveryStep aborts on the first violation). Traffic is clamped so one
// input costs milliseconds, not seconds. Properties: never crashes; invariants hold at every step; virtual time
// never goes back; the same scenario runs to the same fingerprint twice; rewinding to the middle and replaying
// gives the state reached there directly; virtual time does not stand still for kStuckSteps steps in a row
// while work remains (a zero-time retry loop would freeze the page).
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_common.hpp"

namespace {
constexpr std::uint64_t kMaxSteps = 4000;
constexpr std::int64_t kMaxItemsPerSource = 40;
constexpr std::int64_t kMaxItemsTotal = 160;
constexpr std::uint64_t kStuckSteps = 2500;
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace pg;
    const std::string text(reinterpret_cast<const char*>(data), size);
    scenario::ParseResult r = scenario::parseScenario(text);
    fuzz::checkNoInternalError(r);
    if (!r.ok()) return 0;
    sim::Scenario& s = r.scenario;
    std::int64_t total = 0;
    for (sim::Node& n : s.nodes) {
        n.traffic.count = std::min(n.traffic.count, std::min(kMaxItemsPerSource, kMaxItemsTotal - total));
        total += n.traffic.count;
    }

    sim::EngineOptions checked;
    checked.checkEveryStep = true;
    sim::Engine a(s, checked);
    const std::uint64_t half = kMaxSteps / 2;
    std::uint64_t fingerprintAtHalf = a.traceFingerprint();
    sim::SimTime timeAtHalf = 0, lastTime = 0, lastAdvanceStep = 0;
    while (a.stepCount() < kMaxSteps && a.step()) {
        if (a.now() < lastTime) fuzz::fail("virtual time went backwards at step " + std::to_string(a.stepCount()));
        if (a.now() > lastTime) lastAdvanceStep = a.stepCount();
        lastTime = a.now();
        if (a.stepCount() - lastAdvanceStep >= kStuckSteps)
            fuzz::fail("virtual time stood still for " + std::to_string(kStuckSteps) + " steps at t=" +
                       std::to_string(a.now()) + " us", text);
        if (a.stepCount() == half) {
            fingerprintAtHalf = a.traceFingerprint();
            timeAtHalf = a.now();
        }
    }
    const std::uint64_t steps = a.stepCount();

    sim::EngineOptions lean;
    lean.storeTrace = false;
    lean.collectMetrics = false;
    sim::Engine b(s, lean);
    while (b.stepCount() < steps && b.step()) {
    }
    if (b.stepCount() != steps || b.traceFingerprint() != a.traceFingerprint() || b.now() != a.now())
        fuzz::fail("the same scenario ran differently twice (or with trace storage off)", text);

    if (steps > half) {
        a.rewindTo(half);
        if (a.stepCount() != half || a.traceFingerprint() != fingerprintAtHalf || a.now() != timeAtHalf)
            fuzz::fail("rewindTo(k) differs from running to k directly", text);
    }
    return 0;
}
