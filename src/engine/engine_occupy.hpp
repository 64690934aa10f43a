// Engine::occupy, in a header of its own so that both of its callers inline it: startSingle (engine.cpp) and
// startBatch (batch_invocation.cpp), each one call per invocation.
#pragma once
#include <algorithm>

#include "engine.hpp"
#include "force_inline.hpp"

namespace pg::sim {

PG_FORCE_INLINE inline SimTime Engine::occupy(std::uint32_t function, const AcquireResult& acquired,
                                              const RunPlan& plan, std::uint32_t item, std::uint32_t token,
                                              std::uint32_t requestId, ModeId mode, std::uint16_t attempt) {
    FunctionState& fn = m_functions[function];
    const FunctionConfig& cfg = m_scenario.nodes[fn.node].function;
    ExecutionEnvironment& env = fn.environments[acquired.environment];
    env.busy = true;
    env.cold = acquired.cold;
    env.startedAt = m_now;
    env.endsAt = m_now + (acquired.cold ? cfg.coldStart : 0) + plan.runTime;
    env.item = item;
    env.token = token;
    env.requestId = requestId;
    env.mode = mode;
    env.attempt = attempt;
    env.result = plan.result;
    ++env.invocations;

    NodeCounters& c = m_counters[fn.node];
    ++c.invocations;
    if (acquired.cold) ++c.coldStarts;
    c.peakConcurrency = std::max<std::int64_t>(c.peakConcurrency, fn.inFlight);
    if (m_metrics.enabled()) {
        FunctionSecond& b = m_metrics.at(function, m_now, fn.inFlight, fn.asyncDepth());
        ++b.invocations;
        if (acquired.cold) ++b.coldStarts;
    }
    m_queue.pushInline(env.endsAt, kCoreHandler, kInvocationEnd, function, acquired.environment);
    return env.endsAt;
}

}  // namespace pg::sim
