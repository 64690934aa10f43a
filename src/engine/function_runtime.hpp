// A function's runtime state: execution environments (cold start, warm reuse), concurrency against its
// reservation or the account's unreserved pool, the scaling-rate token bucket (FIDELITY 3), and its
// asynchronous internal queue. Pure bookkeeping: scheduling and tracing live in the engine.
#pragma once
#include <algorithm>
#include <cstdint>
#include <deque>
#include <limits>
#include <map>
#include <string>
#include <vector>

#include "force_inline.hpp"
#include "rng.hpp"
#include "scenario_config.hpp"
#include "sim_types.hpp"

namespace pg::sim {

/// One execution environment. While busy it holds the one invocation it runs.
struct ExecutionEnvironment {
    SimTime createdAt = 0;
    SimTime startedAt = 0;      ///< current invocation: accepted (init included when cold)
    SimTime endsAt = 0;         ///< current invocation: end time
    std::uint32_t invocations = 0;
    std::uint32_t item = kNone;    ///< current invocation's item (a mode may use `token` for batches)
    std::uint32_t token = 0;       ///< mode-defined payload of the current invocation
    std::uint32_t requestId = 0;
    ModeId mode = ModeId::None;    ///< the mode that owns the current invocation
    std::uint16_t attempt = 0;
    bool busy = false;
    bool cold = false;             ///< current invocation began with an init phase
    InvokeResult result = InvokeResult::None;  ///< decided at start, reported at end
};

/// The account's pool shared by functions without reserved concurrency (FIDELITY 3).
struct AccountPool {
    std::int64_t limit = 1000;
    std::int64_t unreservedCapacity = 1000;  ///< limit minus all reservations, never below 0
    std::int64_t unreservedInFlight = 0;
};

/// Scaling rate: 1,000 new environments per 10 s per function, refilled continuously; unused rate does not
/// accrue beyond one full bucket (FIDELITY 3, DG-SCALING). Credit is kept in microseconds of refill time.
constexpr std::int64_t kScalingBurst = 1000;
constexpr SimTime kScalingCostPerEnvironment = 10 * kSecond / kScalingBurst;  // 10 ms of refill each
constexpr SimTime kScalingCreditCap = kScalingBurst * kScalingCostPerEnvironment;

/// A rule with neither an item nor a body condition, in the form evaluated per item per attempt: an absent
/// bound is a value every input passes (modulo 0: none), so the check is straight comparisons.
struct NumericRule {
    /// `item` compiled to the item's (origin node, number); an id no item can have (no such node, not a plain
    /// number after '#') gets origin kNone, which no item has.
    bool hasItem = false;
    std::uint32_t itemOrigin = kNone, itemNumber = 0;
    std::int64_t modulo = 0, remainder = 0;
    std::uint64_t moduloMagic = 0;  ///< remainderOf's multiplier for modulo (0 when modulo does not fit 32 bits)
    SimTime after = std::numeric_limits<SimTime>::min(), before = std::numeric_limits<SimTime>::max();
    double rate = 0;
    int attemptAtMost = std::numeric_limits<int>::max();
    bool hasRate = false;
    RuleOutcome then = RuleOutcome::Success;
};
struct FunctionState {
    std::uint32_t node = kNone;          ///< scenario node index
    int reserved = -1;                   ///< reserved concurrency, -1 = unreserved pool
    std::uint32_t inFlight = 0;
    std::uint32_t peakConcurrency = 0;
    std::vector<ExecutionEnvironment> environments;
    std::vector<std::uint32_t> idle;     ///< idle environments, most recently used last (reused first)
    /// Provisioned concurrency (DG-PC): environments 0 .. provisioned - 1 are pre-initialised at the start, never
    /// cold and never reclaimed; used before any on-demand one. Without reserved concurrency they are outside the
    /// unreserved pool (taken out of it at the start).
    std::uint32_t provisioned = 0;
    std::vector<std::uint32_t> provisionedIdle;  ///< idle provisioned environments, most recently used last
    SimTime idleLifetime = -1;           ///< model choice environment_idle_lifetime (-1: never reclaimed)
    std::uint32_t reclaimed = 0;         ///< on-demand environments reclaimed after their idle lifetime
    SimTime scalingCredit = kScalingCreditCap;
    SimTime scalingRefilledAt = 0;
    std::deque<std::uint32_t> asyncQueue;  ///< ready events (item indices), FIFO
    std::uint32_t asyncWaiting = 0;        ///< events of this function waiting on a retry/backoff timer
    std::uint32_t onSuccess = kNone, onFailure = kNone, deadLetterQueue = kNone;  ///< node indices
    bool rulesReadText = false;  ///< behaviorReadsText of its rules (fixed for the run): which evaluator to use
    std::vector<NumericRule> numericRules;  ///< its rules compiled, when !rulesReadText

    std::uint32_t asyncDepth() const { return static_cast<std::uint32_t>(asyncQueue.size()) + asyncWaiting; }
};

struct AcquireResult {
    std::uint32_t environment = kNone;  ///< kNone when throttled
    bool cold = false;
    ThrottleReason throttle = ThrottleReason::None;
};

/// acquireEnvironment in every case (provisioned environments, idle ones reclaimed, a new one).
AcquireResult acquireEnvironmentAnyCase(FunctionState& fn, AccountPool& pool, SimTime now);
/// The same as one number (packAcquire): wasm returns a struct through its linear-memory stack, so a caller
/// holding one gets a stack frame on every call.
std::uint64_t acquireEnvironmentPacked(FunctionState& fn, AccountPool& pool, SimTime now);
inline std::uint64_t packAcquire(const AcquireResult& r) {
    return r.environment | std::uint64_t{r.cold} << 32 | std::uint64_t{static_cast<std::uint8_t>(r.throttle)} << 40;
}
inline AcquireResult unpackAcquire(std::uint64_t packed) {
    AcquireResult r;
    r.environment = static_cast<std::uint32_t>(packed);
    r.cold = (packed >> 32 & 1) != 0;
    r.throttle = static_cast<ThrottleReason>(static_cast<std::uint8_t>(packed >> 40));
    return r;
}

/// Takes a concurrency slot and an environment (warm if one is idle, else a new one if the scaling bucket
/// allows), or reports why the invoke is throttled. Does not mark the environment busy. Inline for the common
/// case (no provisioned environment, none reclaimed, an idle one to reuse): it runs once per invocation.
PG_FORCE_INLINE inline AcquireResult acquireEnvironment(FunctionState& fn, AccountPool& pool, SimTime now) {
    if (!fn.provisionedIdle.empty() || fn.idleLifetime >= 0 || fn.idle.empty())
        return unpackAcquire(acquireEnvironmentPacked(fn, pool, now));
    // acquireEnvironmentAnyCase's steps for that case, in its order.
    AcquireResult r;
    if (fn.reserved >= 0) {
        if (static_cast<std::int64_t>(fn.inFlight) >= fn.reserved) {
            r.throttle = ThrottleReason::ReservedConcurrency;
            return r;
        }
    } else if (pool.unreservedInFlight >= pool.unreservedCapacity) {
        r.throttle = ThrottleReason::AccountConcurrency;
        return r;
    }
    r.environment = fn.idle.back();
    fn.idle.pop_back();
    ++fn.inFlight;
    fn.peakConcurrency = std::max(fn.peakConcurrency, fn.inFlight);
    if (fn.reserved < 0) ++pool.unreservedInFlight;
    return r;
}

/// Returns the environment and its concurrency slot.
void releaseEnvironment(FunctionState& fn, AccountPool& pool, std::uint32_t environment);

/// Creates `count` provisioned environments, initialised and idle at time 0 (DG-PC).
void provisionEnvironments(FunctionState& fn, std::uint32_t count);

/// Drops idle on-demand environments idle for at least fn.idleLifetime at `now` (model choice
/// environment_idle_lifetime); they stay listed in fn.environments, never used again.
void reclaimIdleEnvironments(FunctionState& fn, SimTime now);

/// Everything behaviour rules look at for one attempt.
struct RuleInput {
    std::uint32_t origin = kNone;  ///< the item's origin node (read by compiled rules; text rules read originId)
    const std::string* originId = nullptr;
    const std::string* bodyTemplate = nullptr;
    std::uint32_t number = 0;
    std::uint32_t bodyNumber = 0;  ///< number the body template is rendered with (a sent message forwards the
                                   ///< body of the item it came from)
    int attempt = 1;
    SimTime now = 0;
};

/// True if a rule tests the body: only then does a RuleInput need originId, bodyTemplate and bodyNumber
/// (evaluateNumericRules never reads them; an item id condition compiles to numbers).
bool behaviorReadsText(const std::vector<BehaviorRule>& rules);

/// The conditions on numbers (attempt, time window, item modulo), checked first.
inline bool numbersMatch(const RuleCondition& c, const RuleInput& in) {
    if (c.attemptAtMost && in.attempt > *c.attemptAtMost) return false;
    if (c.after && in.now < *c.after) return false;
    if (c.before && in.now >= *c.before) return false;
    return !(c.itemModulo && *c.itemModulo > 0 &&
             static_cast<std::int64_t>(in.number) % *c.itemModulo != c.itemRemainder);
}
/// `rate` is drawn last: only when everything else holds.
inline bool rateHolds(const RuleCondition& c, Rng& rng) { return !c.rate || rng.bernoulli(*c.rate); }

/// First matching rule wins; all present conditions must hold; `rate` draws from the generator only when
/// the rule's other conditions hold. No match = success. `scratch` is reused to avoid allocations.
/// `decidedBy` (when given) gets the deciding rule's number, 1-based, or 0 when no rule matched.
RuleOutcome evaluateBehavior(const std::vector<BehaviorRule>& rules, const RuleInput& in, Rng& rng,
                             std::string& scratch, std::uint8_t* decidedBy = nullptr);
/// number % rule.modulo (modulo > 0) without a division when the modulo fits 32 bits (Lemire's fastmod: a 64-bit
/// division costs tens of cycles natively and in wasm, and this runs per item per attempt). The high half of
/// the 64 x 32-bit product is assembled from two 64-bit products, so wasm needs no 128-bit arithmetic.
inline std::int64_t remainderOf(std::uint32_t number, const NumericRule& rule) {
    if (rule.moduloMagic == 0) return static_cast<std::int64_t>(number) % rule.modulo;
    const std::uint64_t fraction = rule.moduloMagic * number;  // wraps: the fractional part of number / modulo
    const auto divisor = static_cast<std::uint64_t>(rule.modulo);
    const std::uint64_t low = (fraction & 0xFFFFFFFFu) * divisor;
    const std::uint64_t high = (fraction >> 32) * divisor + (low >> 32);
    return static_cast<std::int64_t>(high >> 32);
}
/// The rules in NumericRule form (meaningful when behaviorReadsText is false); `nodeIndex` maps node ids to
/// indices, for item id conditions.
std::vector<NumericRule> compileNumericRules(const std::vector<BehaviorRule>& rules,
                                             const std::map<std::string, std::uint32_t>& nodeIndex = {});
/// Whether compiled rule `r`'s time window holds at `now` (one test per batch: every item of a batch is rated
/// at the same time).
inline bool numericRuleInWindow(const NumericRule& r, SimTime now) { return now >= r.after && now < r.before; }
/// Whether `r` decides for an item (origin, number) at `attempt`, its time window already known to hold.
inline bool numericRuleHoldsInWindow(const NumericRule& r, std::uint32_t origin, std::uint32_t number, int attempt,
                                     Rng& rng) {
    if (attempt > r.attemptAtMost) return false;
    if (r.hasItem && (origin != r.itemOrigin || number != r.itemNumber)) return false;
    if (r.modulo != 0 && remainderOf(number, r) != r.remainder) return false;
    return !r.hasRate || rng.bernoulli(r.rate);  // `rate` is drawn last, as in evaluateBehavior
}
/// Whether compiled rule `r` decides for input `in` (its `rate` drawn last, only when everything else holds).
inline bool numericRuleHolds(const NumericRule& r, const RuleInput& in, Rng& rng) {
    return numericRuleInWindow(r, in.now) && numericRuleHoldsInWindow(r, in.origin, in.number, in.attempt, rng);
}
/// evaluateBehavior for rules compiled by compileNumericRules: the same outcome and the same draws. Inline: it
/// runs per item per attempt, and a batch's loop keeps its input in registers.
inline RuleOutcome evaluateNumericRules(const std::vector<NumericRule>& rules, const RuleInput& in, Rng& rng,
                                        std::uint8_t* decidedBy = nullptr) {
    // By pointer: the loop bound is not recomputed from the vector (a division by the rule's size) per rule.
    const NumericRule* const begin = rules.data();
    const NumericRule* const end = begin + rules.size();
    for (const NumericRule* rule = begin; rule != end; ++rule) {
        if (numericRuleHolds(*rule, in, rng)) {
            if (decidedBy) *decidedBy = static_cast<std::uint8_t>(rule - begin + 1);
            return rule->then;
        }
    }
    if (decidedBy) *decidedBy = 0;
    return RuleOutcome::Success;
}

/// Result and length of one invocation's run phase: a run longer than the timeout ends as a timeout at the
/// timeout (FIDELITY 2); rule `timeout` runs until the timeout.
struct RunPlan {
    InvokeResult result = InvokeResult::Success;
    SimTime runTime = 0;
};
/// Inline: it runs once per invocation, and its result returned from a call goes through wasm's stack.
inline RunPlan planRun(const FunctionConfig& cfg, RuleOutcome rule, Rng& rng) {
    RunPlan plan;
    SimTime duration = cfg.duration.min;
    if (cfg.duration.max > cfg.duration.min) duration = rng.uniformInt(cfg.duration.min, cfg.duration.max);
    if (rule == RuleOutcome::Timeout || duration > cfg.timeout) {
        plan.result = InvokeResult::Timeout;
        plan.runTime = cfg.timeout;
    } else {
        plan.result = rule == RuleOutcome::Error ? InvokeResult::Error : InvokeResult::Success;
        plan.runTime = duration;
    }
    return plan;
}

}  // namespace pg::sim
