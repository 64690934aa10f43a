// Engine::startBatch: one invocation carrying a batch of items, for the poll-based modes (SQS, Kinesis,
// DynamoDB Streams). Same concurrency, environment and scaling rules as a single invoke (engine.cpp).
#include <algorithm>
#include <type_traits>

#include "engine.hpp"
#include "engine_occupy.hpp"
#include "modulo_walk.hpp"

namespace pg::sim {

ThrottleReason Engine::startBatch(std::uint32_t function, const std::uint32_t* items, const std::uint16_t* attempts,
                                  std::size_t n, ModeId mode, std::uint32_t token, std::vector<RuleOutcome>& ruleOut,
                                  SimTime* endsAt) {
    FunctionState& fn = m_functions[function];
    const std::uint32_t fnNode = fn.node;
    const AcquireResult acquired = acquireEnvironment(fn, m_pool, m_now);
    if (acquired.environment == kNone) {
        ruleOut.assign(n, RuleOutcome::Success);
        ++m_counters[fnNode].throttles;
        if (m_metrics.enabled()) ++m_metrics.at(function, m_now, fn.inFlight, fn.asyncDepth()).throttles;
        for (std::size_t i = 0; i < n; ++i)
            record(TraceKind::Throttled, items[i], fnNode, attempts[i], 0,
                   static_cast<std::uint16_t>(acquired.throttle));
        return acquired.throttle;
    }
    const FunctionConfig& cfg = m_scenario.nodes[fnNode].function;
    ruleOut.resize(n);  // every entry written below
    m_scratchRules.resize(n);
    RuleOutcome worst = RuleOutcome::Success;
    RuleInput in;
    in.now = m_now;
    const bool recordAttempts = m_options.recordAttempts, tracing = m_tracing;
    // One pass per item: its rule, then its attempt. The request id is taken first (nothing below draws ids;
    // rules and planRun draw only from the generator, in the same order as ever: every rule, then the run).
    const std::uint32_t requestId = newRequestId();
    const SimTime now = m_now;
    // Raw pointers in locals (items and attempts arrive as pointers): the deciding rule is a byte store, which
    // may alias any object in memory, so through the vectors every size and data pointer would be loaded again
    // per item. The deciding rule is only read by the trace (below): kept when tracing.
    RuleOutcome* const outs = ruleOut.data();
    std::uint8_t* const decided = m_scratchRules.data();
    // Items first .. first + n - 1 when they share the first item's chunk: an item among them (every one, for
    // an SQS batch received from one run) is read through this pointer, any other by lookup.
    const std::uint32_t first = n > 0 ? items[0] : 0;
    Item* const run = n > 0 ? m_items.mutableAll().span(first, n) : nullptr;
    const std::uint32_t inRun = run ? static_cast<std::uint32_t>(n) : 0;
    // The batch's attempt records in one piece when they fit in the store's current chunk (index firstAttempt
    // + i for item i, as one by one), else one by one.
    std::uint32_t firstAttempt = 0;
    AttemptRecord* const attemptSlots =
        m_options.recordAttempts && n > 0 ? m_items.attemptSlots(n, firstAttempt) : nullptr;
    // The pass, compiled once per kind of rule set (none, numeric, text) so the per-item loop has no branch
    // on which kind it is.
    // Compiled with and without tracing: without it the loop has no byte store at all (see above).
    auto passOf = [&](auto rate, auto keepDecided) {
        for (std::size_t i = 0; i < n; ++i) {
            Item& it = items[i] - first < inRun ? run[items[i] - first] : m_items[items[i]];
            std::uint8_t decidedBy = 0;
            const RuleOutcome rule = rate(it, i, decidedBy);
            outs[i] = rule;
            if (keepDecided) decided[i] = decidedBy;
            if (rule == RuleOutcome::Timeout) worst = RuleOutcome::Timeout;
            else if (rule == RuleOutcome::Error && worst != RuleOutcome::Timeout) worst = RuleOutcome::Error;
            ++it.attempts;
            it.requestId = requestId;
            if (attemptSlots)
                ItemStore::addAttemptAt(attemptSlots[i], firstAttempt + static_cast<std::uint32_t>(i), it, now,
                                        requestId);
            else if (recordAttempts)
                m_items.addAttempt(it, now, requestId);
        }
    };
    auto pass = [&](auto rate) {
        if (tracing) passOf(rate, std::true_type{});
        else passOf(rate, std::false_type{});
    };
    if (cfg.behavior.empty()) {
        pass([](const Item&, std::size_t, std::uint8_t&) { return RuleOutcome::Success; });
    } else if (!fn.rulesReadText) {  // no rule reads the id or body inputs
        const std::vector<NumericRule>& numeric = fn.numericRules;
        if (numeric.size() == 1 && !numericRuleInWindow(numeric.front(), now)) {  // the one rule cannot hold now
            pass([](const Item&, std::size_t, std::uint8_t&) { return RuleOutcome::Success; });
        } else if (const std::uint32_t base = n > 0 ? (run ? run[0].number : m_items[first].number) : 0;
                   numeric.size() == 1 && numericRuleIsModuloOnly(numeric.front()) && ModuloWalk::fits(base, n)) {
            // The usual poison rule (item_modulo alone): rated by the items' indices while their numbers run on.
            const NumericRule& only = numeric.front();
            ModuloWalk walk(only, base);
            pass([&](const Item& it, std::size_t i, std::uint8_t& decidedBy) {
                const bool holds = walk.holds(it.number, i);
                decidedBy = holds ? 1 : 0;
                return holds ? only.then : RuleOutcome::Success;
            });
        } else if (numeric.size() == 1) {  // the usual one rule: no loop over rules, its window tested once
            const NumericRule& only = numeric.front();
            pass([&](const Item& it, std::size_t i, std::uint8_t& decidedBy) {
                const bool holds = numericRuleHoldsInWindow(only, it.origin, it.number, attempts[i], m_rng);
                decidedBy = holds ? 1 : 0;  // as evaluateNumericRules: the rule's number, 0 for none
                return holds ? only.then : RuleOutcome::Success;
            });
        } else {
            pass([&](const Item& it, std::size_t i, std::uint8_t& decidedBy) {
                in.origin = it.origin;
                in.number = it.number;
                in.attempt = attempts[i];
                return evaluateNumericRules(numeric, in, m_rng, &decidedBy);
            });
        }
    } else {
        const bool chains = hasChains();
        pass([&](const Item& it, std::size_t i, std::uint8_t& decidedBy) {
            in.number = it.number;
            in.attempt = attempts[i];
            // A sent message carries its parent's body (chains exist only once a function has sent one).
            const std::uint32_t body = chains ? bodyItem(items[i]) : items[i];
            in.originId = &m_scenario.nodes[it.origin].id;
            if (body == kMetadataBody) {  // a stream's on-failure record: batch metadata, no body text
                static const std::string kNoBody;
                in.bodyTemplate = &kNoBody;
                in.bodyNumber = 0;
                return evaluateBehavior(cfg.behavior, in, m_rng, m_scratch, &decidedBy);
            }
            const Item& bodyOf = body == items[i] ? it : m_items[body];
            in.bodyTemplate = &m_scenario.nodes[bodyOf.origin].traffic.body;
            in.bodyNumber = bodyOf.number;
            return evaluateBehavior(cfg.behavior, in, m_rng, m_scratch, &decidedBy);
        });
    }
    const RunPlan plan = planRun(cfg, worst, m_rng);

    const SimTime end =
        occupy(function, acquired, plan, kNone, token, requestId, mode, n == 0 ? std::uint16_t{1} : attempts[0]);
    if (!m_sends[function].empty()) noteBatchForSends(function, acquired.environment, items, n, ruleOut);
    if (m_tracing)
        for (std::size_t i = 0; i < n; ++i)
            appendRecord(TraceKind::InvokeStart, items[i], fnNode, attempts[i], static_cast<std::uint8_t>(ruleOut[i]),
                         invokeStartDetail(acquired.cold, m_scratchRules[i]), acquired.environment);
    if (endsAt) *endsAt = end;
    return ThrottleReason::None;
}

}  // namespace pg::sim
