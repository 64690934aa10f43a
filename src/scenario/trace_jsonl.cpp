// Trace records to JSON lines. Field meanings follow TraceKind's comments in engine/sim_types.hpp.
#include "scenario/trace_jsonl.hpp"

#include <nlohmann/json.hpp>

#include "scenario/rule_outcome_key.hpp"

namespace pg::scenario {

using nlohmann::ordered_json;
using sim::TraceKind;


void writeTraceJsonl(const sim::Engine& e, std::ostream& out) {
    const auto& records = e.trace().records();
    for (std::size_t i = 0; i < records.size(); ++i) {
        const sim::TraceRecord& r = records[i];
        ordered_json j;
        j["seq"] = i;
        j["t"] = sim::toSeconds(r.time);
        j["kind"] = sim::traceKindName(r.kind);
        j["item"] = r.item == sim::kNone ? ordered_json(nullptr) : ordered_json(e.itemId(r.item));
        j["node"] = r.node == sim::kNone ? ordered_json(nullptr) : ordered_json(e.node(r.node).id);
        j["attempt"] = r.attempt;
        switch (r.kind) {
        case TraceKind::InvokeStart:
            j["outcome"] = ruleOutcomeKey(static_cast<sim::RuleOutcome>(r.outcome));
            j["cold"] = sim::invokeStartCold(r);
            if (sim::invokeStartRule(r)) j["rule"] = sim::invokeStartRule(r);
            break;
        case TraceKind::InvokeEnd:
            j["outcome"] = sim::invokeResultName(static_cast<sim::InvokeResult>(r.outcome));
            break;
        case TraceKind::Throttled:
            j["reason"] = sim::throttleReasonName(static_cast<sim::ThrottleReason>(r.detail));
            break;
        case TraceKind::Response:
            j["outcome"] = sim::itemOutcomeName(static_cast<sim::ItemOutcome>(r.outcome));
            j["status"] = r.detail;
            break;
        case TraceKind::Accepted:
            j["status"] = r.detail;
            break;
        case TraceKind::RetryScheduled:
            j["wait_s"] = r.detail;
            break;
        case TraceKind::FailureHandled:
        case TraceKind::Delivered:
            j["condition"] = sim::conditionName(static_cast<sim::Condition>(r.detail));
            break;
        case TraceKind::Finished:
            j["outcome"] = sim::itemOutcomeName(static_cast<sim::ItemOutcome>(r.outcome));
            if (r.detail) j["condition"] = sim::conditionName(static_cast<sim::Condition>(r.detail));
            break;
        case TraceKind::WindowFinal:  // outcome 0: the final invoke started; else how it ended
            j["outcome"] = r.outcome == 0 ? "started"
                                          : sim::invokeResultName(static_cast<sim::InvokeResult>(r.outcome));
            j["terminated_early"] = r.detail == 1;
            break;
        default:
            break;
        }
        j["cause"] = r.cause == sim::kNone ? ordered_json(nullptr) : ordered_json(r.cause);
        out << j.dump() << '\n';
    }
}

}  // namespace pg::scenario
