// Builds the summary object with nlohmann::ordered_json so nodes keep scenario order.
#include "summary_json.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "cost_json.hpp"
#include "scenario/delivered_record_json.hpp"

namespace pg::cli {

using nlohmann::ordered_json;
using sim::NodeType;

static ordered_json functionCounters(const sim::Engine& e, std::uint32_t node) {
    const sim::NodeCounters& c = e.counters(node);
    const sim::FunctionState& fn = e.functions()[e.functionOfNode(node)];
    return {{"invocations", c.invocations},
            {"errors", c.errors},
            {"timeouts", c.timeouts},
            {"throttles", c.throttles},
            {"cold_starts", c.coldStarts},
            {"peak_concurrency", c.peakConcurrency},
            {"environments", fn.environments.size()},
            {"in_flight", fn.inFlight},
            {"async_queued", fn.asyncQueue.size()},
            {"async_waiting", fn.asyncWaiting},
            {"async_retries", c.asyncRetries},
            {"async_throttle_retries", c.asyncThrottleRetries},
            {"event_age_exceeded", c.eventAgeExceeded},
            {"partial_failures", c.partialFailures}};
}

/// Batch responses the mapping rejected (invalid batchItemFailures, missing window state): only for functions
/// with such a rule or count, so older summaries keep their exact shape.
static void addRejectedResponses(const sim::Engine& e, std::uint32_t node, ordered_json& j) {
    const sim::NodeCounters& c = e.counters(node);
    bool hasRule = false;
    for (const sim::BehaviorRule& r : e.node(node).function.behavior)
        hasRule = hasRule || r.then == sim::RuleOutcome::InvalidBatchResponse || r.then == sim::RuleOutcome::MissingState;
    if (hasRule || c.rejectedResponses > 0) j["rejected_responses"] = c.rejectedResponses;
}

/// Send edges and recursive loop detection: only for functions that send or were stopped (older summaries
/// keep their exact shape).
static void addChainCounters(const sim::Engine& e, std::uint32_t node, ordered_json& j) {
    const sim::NodeCounters& c = e.counters(node);
    if (e.sendsOf(e.functionOfNode(node)).empty() && c.recursionStopped == 0) return;
    j["messages_sent"] = c.messagesSent;
    j["recursive_invocations_dropped"] = c.recursionStopped;
}

static ordered_json sourceCounters(const sim::Engine& e, std::uint32_t node) {
    const sim::NodeCounters& c = e.counters(node);
    const sim::Node& n = e.node(node);
    ordered_json j;
    j["mode"] = e.modeNameOfNode(node);
    j["items"] = c.items;
    if (sim::invocationModeOf(n.type) == sim::InvocationMode::Asynchronous) {
        j["accepted"] = c.accepted;
    } else {
        ordered_json responses = ordered_json::object();
        responses["200"] = c.responses2xx;
        switch (n.type) {  // the statuses this caller answers with (SyncInvoke::statusFor)
        case NodeType::ApiGateway:
            responses["500"] = c.responses500;
            responses["502"] = c.responses502;
            responses["504"] = c.responses504;
            break;
        case NodeType::Alb: responses["502"] = c.responses502; break;
        case NodeType::CloudFront: responses["503"] = c.responses503; break;
        case NodeType::Cognito: responses["400"] = c.responses400; break;
        default: responses["429"] = c.responses429; break;
        }
        j["responses"] = responses;
        j["client_retries"] = c.clientRetries;
    }
    j["unrouted"] = c.unrouted;
    return j;
}

/// The functions a stream or queue at `node` is mapped to (its edges to functions, in edge order, distinct).
static std::vector<std::uint32_t> mappedFunctions(const sim::Scenario& s, const std::string& id) {
    std::vector<std::uint32_t> functions;
    for (const sim::Edge& edge : s.edges) {
        if (edge.from != id) continue;
        for (std::uint32_t n = 0; n < s.nodes.size(); ++n)
            if (s.nodes[n].id == edge.to && s.nodes[n].type == NodeType::Function &&
                std::find(functions.begin(), functions.end(), n) == functions.end())
                functions.push_back(n);
    }
    return functions;
}

static bool isMappedSource(NodeType type) {
    return type == NodeType::Sqs || type == NodeType::Kinesis || type == NodeType::DynamoDbStream;
}

bool hasSeveralMappings(const sim::Scenario& scenario) {
    for (const sim::Node& n : scenario.nodes)
        if (isMappedSource(n.type) && mappedFunctions(scenario, n.id).size() > 1) return true;
    return false;
}

/// Several mappings: per mapping (function node, edge order) the outcomes of the items it ended with. A stream
/// record has one item per mapping; a queue message one item, counted for the mapping that last received it
/// (its first mapping's if never received).
static ordered_json mappingOutcomes(const sim::Engine& e, std::uint32_t node, const std::vector<std::uint32_t>& fns) {
    std::vector<std::array<std::int64_t, sim::kItemOutcomeCount>> counts(fns.size());
    e.items().all().forEachHeld([&](std::size_t, const sim::Item& it) {
        if (it.origin != node || it.function == sim::kNone) return;
        for (std::size_t k = 0; k < fns.size(); ++k)
            if (e.functionOfNode(fns[k]) == it.function) ++counts[k][static_cast<std::size_t>(it.outcome)];
    });
    ordered_json list = ordered_json::array();
    for (std::size_t k = 0; k < fns.size(); ++k) {
        ordered_json outcomes = ordered_json::object();
        std::int64_t items = 0;
        for (std::size_t o = 0; o <= static_cast<std::size_t>(sim::ItemOutcome::Dropped); ++o) {
            outcomes[sim::itemOutcomeName(static_cast<sim::ItemOutcome>(o))] = counts[k][o];
            items += counts[k][o];
        }
        list.push_back({{"function", e.node(fns[k]).id}, {"items", items}, {"outcomes", outcomes}});
    }
    return list;
}

static ordered_json receiverCounters(const sim::Engine& e, std::uint32_t node, std::size_t limit) {
    const sim::NodeCounters& c = e.counters(node);
    ordered_json j;
    if (e.node(node).type == NodeType::Sqs) {
        j["sent"] = c.sent;
        j["receives"] = c.receives;
        j["deleted"] = c.deleted;
        j["dead_lettered"] = c.deadLettered;
        j["expired"] = c.expired;
        j["visible"] = c.visible;
        j["in_flight"] = c.inFlight;
    }
    j["received"] = c.received;
    if (c.received > 0) {
        ordered_json records = ordered_json::array();
        for (const sim::DeliveredRecord& r : e.deliveries()) {
            if (records.size() >= limit) break;
            if (r.node == node) records.push_back(ordered_json::parse(scenario::deliveredRecordJson(e, r)));
        }
        j["records"] = records;
    }
    return j;
}

std::string summaryJson(const sim::Engine& e, const SummaryOptions& options) {
    ordered_json out;
    out["scenario"] = e.scenario().name;
    out["seed"] = e.scenario().seed;
    out["ended_at_s"] = sim::toSeconds(e.now());
    out["last_event_s"] = sim::toSeconds(e.lastEventTime());
    out["events"] = e.stepCount();
    char fingerprint[24];
    std::snprintf(fingerprint, sizeof fingerprint, "%016llx", static_cast<unsigned long long>(e.traceFingerprint()));
    out["trace_fingerprint"] = fingerprint;  // hex: a JSON number would lose bits in JavaScript
    ordered_json nodes = ordered_json::object();
    for (std::uint32_t i = 0; i < e.nodeCount(); ++i) {
        const sim::Node& n = e.node(i);
        ordered_json j;
        if (n.type == NodeType::Function) {
            j = functionCounters(e, i);
            addChainCounters(e, i, j);
            addRejectedResponses(e, i, j);
            if (e.counters(i).received > 0) j.update(receiverCounters(e, i, options.recordsPerNode));
        } else if (sim::invocationModeOf(n.type) == sim::InvocationMode::PollBased || e.counters(i).items == 0) {
            j = receiverCounters(e, i, options.recordsPerNode);
            const std::vector<std::uint32_t> fns = mappedFunctions(e.scenario(), n.id);
            if (isMappedSource(n.type) && fns.size() > 1) j["mappings"] = mappingOutcomes(e, i, fns);
        } else {
            j = sourceCounters(e, i);
            if (e.counters(i).received > 0) j.update(receiverCounters(e, i, options.recordsPerNode));
        }
        nodes[n.id] = j;
    }
    out["nodes"] = nodes;
    // Final outcome of every item, by name (items still pending count as "pending"); dropped items included.
    const sim::ItemTotals totals = e.itemTotals();
    const auto& outcomeCounts = totals.outcomes;
    const std::int64_t itemAttempts = totals.attempts;  // invocations that carried an item (batch sizes summed)
    ordered_json outcomes = ordered_json::object();
    for (std::size_t k = 0; k <= static_cast<std::size_t>(sim::ItemOutcome::Dropped); ++k)
        outcomes[sim::itemOutcomeName(static_cast<sim::ItemOutcome>(k))] = outcomeCounts[k];
    out["outcomes"] = outcomes;
    out["item_attempts"] = itemAttempts;
    cost::CostOptions costOptions;
    costOptions.freeTier = options.freeTier;
    out["cost"] = costJson(e, cost::computeCost(e, costOptions));  // docs/cost.md
    if (options.costSeries) out["cost"]["series"] = costSeriesJson(*options.costSeries, options.freeTier);
    if (options.items) {
        ordered_json items = ordered_json::array();
        const auto& all = e.items().all();
        for (std::uint32_t i = 0; i < all.size(); ++i) {
            const sim::Item& it = all[i];
            ordered_json times = ordered_json::array();
            for (sim::SimTime t : e.items().attemptTimes(i)) times.push_back(sim::toSeconds(t));
            ordered_json item = {{"id", e.itemId(i)},
                             {"origin", e.node(it.origin).id},
                             {"attempts", it.attempts},
                             {"outcome", sim::itemOutcomeName(it.outcome)},
                             {"ended_in", it.endedIn == sim::kNone ? ordered_json(nullptr)
                                                                   : ordered_json(e.node(it.endedIn).id)},
                             {"condition", it.condition == sim::Condition::None
                                               ? ordered_json(nullptr)
                                               : ordered_json(sim::conditionName(it.condition))},
                             {"attempt_times_s", times}};
            // Fan-out or several mappings: the copies of one event share its id; the function says whose copy it
            // is (for competing queue mappings: its last receiver).
            if (it.function != sim::kNone && e.targetFunctions(it.origin).size() > 1)
                item["function"] = e.node(e.functions()[it.function].node).id;
            if (e.chainParent(i) != sim::kNone) {  // a sent message or a consumed delivery
                item["caused_by"] = e.itemId(e.chainParent(i));
                item["chain_depth"] = e.chainDepth(i);
            }
            items.push_back(std::move(item));
        }
        out["items"] = items;
    }
    return out.dump(options.indent);
}

}  // namespace pg::cli
