// Concurrency, environments, scaling bucket and behaviour rules of one function.
#include "function_runtime.hpp"

#include <algorithm>
#include <tuple>

#include "items.hpp"

namespace pg::sim {

std::uint64_t acquireEnvironmentPacked(FunctionState& fn, AccountPool& pool, SimTime now) {
    return packAcquire(acquireEnvironmentAnyCase(fn, pool, now));
}

AcquireResult acquireEnvironmentAnyCase(FunctionState& fn, AccountPool& pool, SimTime now) {
    AcquireResult r;
    if (!fn.provisionedIdle.empty() && (fn.reserved < 0 || static_cast<std::int64_t>(fn.inFlight) < fn.reserved)) {
        // A pre-initialised environment: no cold start, no scaling token, outside the unreserved pool (DG-PC).
        r.environment = fn.provisionedIdle.back();
        fn.provisionedIdle.pop_back();
        ++fn.inFlight;
        fn.peakConcurrency = std::max(fn.peakConcurrency, fn.inFlight);
        return r;
    }
    if (fn.idleLifetime >= 0 && !fn.idle.empty()) reclaimIdleEnvironments(fn, now);
    if (fn.reserved >= 0) {
        if (static_cast<std::int64_t>(fn.inFlight) >= fn.reserved) {
            r.throttle = ThrottleReason::ReservedConcurrency;
            return r;
        }
    } else if (pool.unreservedInFlight >= pool.unreservedCapacity) {
        r.throttle = ThrottleReason::AccountConcurrency;
        return r;
    }
    if (!fn.idle.empty()) {
        r.environment = fn.idle.back();
        fn.idle.pop_back();
    } else {
        fn.scalingCredit = std::min(kScalingCreditCap, fn.scalingCredit + (now - fn.scalingRefilledAt));
        fn.scalingRefilledAt = now;
        if (fn.scalingCredit < kScalingCostPerEnvironment) {
            r.throttle = ThrottleReason::ScalingRate;
            return r;
        }
        fn.scalingCredit -= kScalingCostPerEnvironment;
        ExecutionEnvironment env;
        env.createdAt = now;
        fn.environments.push_back(env);
        r.environment = static_cast<std::uint32_t>(fn.environments.size() - 1);
        r.cold = true;
    }
    ++fn.inFlight;
    fn.peakConcurrency = std::max(fn.peakConcurrency, fn.inFlight);
    if (fn.reserved < 0) ++pool.unreservedInFlight;
    return r;
}

void releaseEnvironment(FunctionState& fn, AccountPool& pool, std::uint32_t environment) {
    ExecutionEnvironment& env = fn.environments[environment];
    env.busy = false;
    env.item = kNone;
    --fn.inFlight;
    if (environment < fn.provisioned) {
        fn.provisionedIdle.push_back(environment);
        return;
    }
    if (fn.reserved < 0) --pool.unreservedInFlight;
    fn.idle.push_back(environment);
}

void provisionEnvironments(FunctionState& fn, std::uint32_t count) {
    fn.provisioned = count;
    fn.environments.resize(count);  // createdAt 0: initialised before the run starts
    for (std::uint32_t k = count; k > 0; --k) fn.provisionedIdle.push_back(k - 1);  // environment 0 used first
}

void reclaimIdleEnvironments(FunctionState& fn, SimTime now) {
    // `idle` is in order of release (each environment joins at the end when its invocation ends), so the ones
    // idle longest are at the front; an environment's last invocation ended at its endsAt.
    std::size_t expired = 0;
    while (expired < fn.idle.size() && fn.environments[fn.idle[expired]].endsAt + fn.idleLifetime <= now) ++expired;
    fn.idle.erase(fn.idle.begin(), fn.idle.begin() + static_cast<std::ptrdiff_t>(expired));
    fn.reclaimed += static_cast<std::uint32_t>(expired);
}

/// id == origin + "#" + decimal(number), compared in place (no string built: this runs per item per attempt).
/// The number is checked first, from its last digit: most items differ there, before any string compare.
static bool isItemId(const std::string& id, const std::string& origin, std::uint32_t number) {
    std::size_t pos = id.size();
    do {
        if (pos == 0 || id[--pos] != static_cast<char>('0' + number % 10)) return false;
        number /= 10;
    } while (number > 0);
    if (pos == 0 || id[--pos] != '#') return false;
    return pos == origin.size() && id.compare(0, pos, origin) == 0;
}

bool behaviorReadsText(const std::vector<BehaviorRule>& rules) {
    for (const BehaviorRule& rule : rules)
        if (rule.when.bodyContains) return true;
    return false;
}

/// The (origin node, number) of item id `id` ("<node id>#<n>", n as isItemId writes it: decimal, no leading
/// zero), or origin kNone when no item can have that id.
static std::pair<std::uint32_t, std::uint32_t> itemOfId(const std::string& id,
                                                       const std::map<std::string, std::uint32_t>& nodeIndex) {
    const std::size_t hash = id.rfind('#');
    const std::pair<std::uint32_t, std::uint32_t> none{kNone, 0};
    if (hash == std::string::npos) return none;
    const std::string digits = id.substr(hash + 1);
    if (digits.empty() || digits.size() > 10 || (digits.size() > 1 && digits[0] == '0')) return none;
    std::uint64_t number = 0;
    for (char ch : digits) {
        if (ch < '0' || ch > '9') return none;
        number = number * 10 + static_cast<std::uint64_t>(ch - '0');
    }
    const auto node = nodeIndex.find(id.substr(0, hash));
    if (number > 0xFFFFFFFFu || node == nodeIndex.end()) return none;
    return {node->second, static_cast<std::uint32_t>(number)};
}

std::vector<NumericRule> compileNumericRules(const std::vector<BehaviorRule>& rules,
                                             const std::map<std::string, std::uint32_t>& nodeIndex) {
    std::vector<NumericRule> out;
    for (const BehaviorRule& rule : rules) {
        const RuleCondition& c = rule.when;
        NumericRule r;
        if (c.item) {
            r.hasItem = true;
            std::tie(r.itemOrigin, r.itemNumber) = itemOfId(*c.item, nodeIndex);
        }
        if (c.itemModulo && *c.itemModulo > 0) {  // numbersMatch ignores a modulo that is not positive
            r.modulo = *c.itemModulo;
            r.remainder = c.itemRemainder;
            // fastmod multiplier: ceil(2^64 / modulo), exact for every 32-bit number when modulo fits 32 bits
            if (r.modulo <= 0xFFFFFFFF) r.moduloMagic = ~std::uint64_t{0} / static_cast<std::uint64_t>(r.modulo) + 1;
        }
        if (c.after) r.after = *c.after;
        if (c.before) r.before = *c.before;
        if (c.attemptAtMost) r.attemptAtMost = *c.attemptAtMost;
        r.hasRate = c.rate.has_value();
        r.rate = c.rate.value_or(0);
        r.then = rule.then;
        out.push_back(r);
    }
    return out;
}

static bool textMatches(const RuleCondition& c, const RuleInput& in, std::string& scratch) {
    if (c.item && !isItemId(*c.item, *in.originId, in.number)) return false;
    if (c.bodyContains) {
        renderBody(*in.bodyTemplate, in.bodyNumber, scratch);
        if (scratch.find(*c.bodyContains) == std::string::npos) return false;
    }
    return true;
}

RuleOutcome evaluateBehavior(const std::vector<BehaviorRule>& rules, const RuleInput& in, Rng& rng,
                             std::string& scratch, std::uint8_t* decidedBy) {
    for (std::size_t k = 0; k < rules.size(); ++k) {
        const BehaviorRule& rule = rules[k];
        if (numbersMatch(rule.when, in) && textMatches(rule.when, in, scratch) && rateHolds(rule.when, rng)) {
            if (decidedBy) *decidedBy = static_cast<std::uint8_t>(k + 1);
            return rule.then;
        }
    }
    if (decidedBy) *decidedBy = 0;
    return RuleOutcome::Success;
}


}  // namespace pg::sim
