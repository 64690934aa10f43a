// acquireEnvironment has an inline path for the common case (no provisioned environment, none reclaimed, an
// idle one to reuse) beside acquireEnvironmentAnyCase. Both must take the same concurrency slot and environment,
// throttle for the same reason (FIDELITY 3: reserved concurrency, the account's unreserved pool, the scaling
// rate) and leave the function and the pool in the same state, whatever the mix of acquires and releases.
#include <doctest/doctest.h>

#include <cstdint>
#include <vector>

#include "engine/function_runtime.hpp"
#include "engine/rng.hpp"

using namespace pg::sim;

namespace {

struct Setup {
    int reserved;
    std::int64_t unreservedCapacity;
    std::uint32_t provisioned;
    SimTime idleLifetime;
    int acquirePercent;  ///< the rest are releases of a busy environment
    SimTime maxStep;     ///< clock advance between operations, 0 to burst at one instant
    bool sharedPool;     ///< other functions take and give back slots of the unreserved pool meanwhile
};

struct Counts {
    int fastPath = 0;
    int fastPathThrottled = 0;       ///< the inline path with an idle environment, but no slot for it
    int byReason[4] = {0, 0, 0, 0};  ///< indexed by ThrottleReason (None = acquired)
};

void checkSameState(const FunctionState& a, const AccountPool& poolA, const FunctionState& b, const AccountPool& poolB) {
    CHECK(a.inFlight == b.inFlight);
    CHECK(a.peakConcurrency == b.peakConcurrency);
    CHECK(a.environments.size() == b.environments.size());
    CHECK(a.idle == b.idle);
    CHECK(a.provisionedIdle == b.provisionedIdle);
    CHECK(a.reclaimed == b.reclaimed);
    CHECK(a.scalingCredit == b.scalingCredit);
    CHECK(a.scalingRefilledAt == b.scalingRefilledAt);
    CHECK(poolA.unreservedInFlight == poolB.unreservedInFlight);
}

/// Runs the same random walk of acquires and releases on two copies: one through acquireEnvironment, one through
/// acquireEnvironmentAnyCase.
void walk(const Setup& s, std::uint64_t seed, int steps, Counts& counts) {
    FunctionState inlined;
    inlined.reserved = s.reserved;
    inlined.idleLifetime = s.idleLifetime;
    if (s.provisioned > 0) provisionEnvironments(inlined, s.provisioned);
    FunctionState anyCase = inlined;
    AccountPool poolInlined;
    poolInlined.unreservedCapacity = s.unreservedCapacity;
    AccountPool poolAnyCase = poolInlined;
    std::vector<std::uint32_t> busy;
    Rng rng(seed);
    SimTime now = 0;
    for (int step = 0; step < steps; ++step) {
        CAPTURE(step);
        if (s.maxStep > 0) now += rng.uniformInt(0, s.maxStep);
        if (s.sharedPool && rng.uniformInt(0, 1) == 0) {
            // Another function's invocation starts or ends: a slot of the pool taken or given back.
            const std::int64_t others = rng.uniformInt(-1, 1);
            const std::int64_t inFlight = poolInlined.unreservedInFlight + others;
            if (inFlight >= static_cast<std::int64_t>(inlined.inFlight) && inFlight <= s.unreservedCapacity) {
                poolInlined.unreservedInFlight = inFlight;
                poolAnyCase.unreservedInFlight = inFlight;
            }
        }
        if (busy.empty() || rng.uniformInt(0, 99) < s.acquirePercent) {
            const bool fast = inlined.provisionedIdle.empty() && inlined.idleLifetime < 0 && !inlined.idle.empty();
            const AcquireResult a = acquireEnvironment(inlined, poolInlined, now);
            const AcquireResult b = acquireEnvironmentAnyCase(anyCase, poolAnyCase, now);
            REQUIRE(a.environment == b.environment);
            REQUIRE(a.cold == b.cold);
            REQUIRE(a.throttle == b.throttle);
            CHECK(unpackAcquire(packAcquire(b)).environment == b.environment);
            CHECK(unpackAcquire(packAcquire(b)).cold == b.cold);
            CHECK(unpackAcquire(packAcquire(b)).throttle == b.throttle);
            counts.fastPath += fast ? 1 : 0;
            counts.fastPathThrottled += fast && a.throttle != ThrottleReason::None ? 1 : 0;
            ++counts.byReason[static_cast<int>(a.throttle)];
            if (a.environment != kNone) busy.push_back(a.environment);
        } else {
            const auto pick = static_cast<std::size_t>(rng.uniformInt(0, static_cast<std::int64_t>(busy.size()) - 1));
            const std::uint32_t env = busy[pick];
            busy[pick] = busy.back();
            busy.pop_back();
            // As an invocation's end does: its end time is when the environment went idle (reclaim reads it).
            inlined.environments[env].endsAt = now;
            anyCase.environments[env].endsAt = now;
            releaseEnvironment(inlined, poolInlined, env);
            releaseEnvironment(anyCase, poolAnyCase, env);
        }
        checkSameState(inlined, poolInlined, anyCase, poolAnyCase);
    }
}

}  // namespace

TEST_CASE("acquireEnvironment's inline path agrees with acquireEnvironmentAnyCase") {
    static_assert(static_cast<int>(ThrottleReason::None) == 0, "Counts::byReason is indexed by ThrottleReason");
    const Setup setups[] = {
        {-1, 1000, 0, -1, 60, 20 * kMillisecond, false},  // the common case: warm environments reused
        {2, 1000, 0, -1, 70, 5 * kMillisecond, false},    // reserved concurrency throttles
        {0, 1000, 0, -1, 100, kMillisecond, false},       // reserved 0: every invoke throttled
        {-1, 3, 0, -1, 70, 5 * kMillisecond, false},      // the account's unreserved pool throttles
        {-1, 8, 0, -1, 60, 5 * kMillisecond, true},       // ... with idle environments, the pool used by others
        {-1, 1000, 2, -1, 60, 20 * kMillisecond, false},  // provisioned environments first
        {5, 1000, 2, -1, 60, 20 * kMillisecond, false},   // provisioned inside a reservation
        {-1, 1000, 0, 50 * kMillisecond, 55, 40 * kMillisecond, false},  // idle environments reclaimed
        {-1, 5000, 0, -1, 97, 0, false},  // a burst past the scaling bucket (1,000 environments)
    };
    Counts counts;
    std::uint64_t seed = 1;
    for (const Setup& s : setups) {
        CAPTURE(s.reserved);
        CAPTURE(s.unreservedCapacity);
        CAPTURE(s.provisioned);
        CAPTURE(s.idleLifetime);
        walk(s, seed++, 1500, counts);
    }
    // Every branch was taken: the inline path, each throttle reason, warm and new environments.
    CHECK(counts.fastPath > 100);
    CHECK(counts.fastPathThrottled > 0);
    CHECK(counts.byReason[static_cast<int>(ThrottleReason::None)] > 100);
    CHECK(counts.byReason[static_cast<int>(ThrottleReason::ReservedConcurrency)] > 0);
    CHECK(counts.byReason[static_cast<int>(ThrottleReason::AccountConcurrency)] > 0);
    CHECK(counts.byReason[static_cast<int>(ThrottleReason::ScalingRate)] > 0);
}
