// Concurrency, environments, scaling bucket and behaviour rules of one function.
#include "function_runtime.hpp"

#include <algorithm>

#include "items.hpp"

namespace pg::sim {

AcquireResult acquireEnvironment(FunctionState& fn, AccountPool& pool, SimTime now) {
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
    if (fn.reserved < 0) --pool.unreservedInFlight;
    fn.idle.push_back(environment);
}

bool isItemId(const std::string& id, const std::string& origin, std::uint32_t number) {
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
        if (rule.when.item || rule.when.bodyContains) return true;
    return false;
}

bool bodyContains(const std::string& needle, const RuleInput& in, std::string& scratch) {
    renderBody(*in.bodyTemplate, in.bodyNumber, scratch);
    return scratch.find(needle) != std::string::npos;
}

RunPlan planRun(const FunctionConfig& cfg, RuleOutcome rule, Rng& rng) {
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
