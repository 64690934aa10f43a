// writeScenario (canonical JSON) and formatErrors. Canonical: fixed key order (settings.hpp's order); durations
// as strings in their largest exact unit; every key equal to its default omitted, except version, node id, type
// and position, edge from/to, and the settings flagged kAlwaysWritten (name, seed, run_for, the traffic count).
#include <nlohmann/json.hpp>

#include <cmath>
#include <optional>

#include "duration.hpp"
#include "rule_outcome_key.hpp"
#include "scenario_json.hpp"
#include "settings.hpp"

namespace pg::scenario {

namespace {

using ojson = nlohmann::ordered_json;
using sim::NodeType;

/// Whole numbers as JSON integers ("40", not "40.0"); everything else as the shortest round-trip double.
ojson number(double v) {
    if (std::isfinite(v) && std::floor(v) == v && std::fabs(v) < 9007199254740992.0)
        return static_cast<std::int64_t>(v);
    return v;
}

ojson duration(sim::SimTime t) { return formatDuration(t); }

const char* countKeyOf(NodeType t) {
    switch (sim::invocationModeOf(t)) {
    case sim::InvocationMode::Synchronous: return "requests";
    case sim::InvocationMode::Asynchronous: return "events";
    case sim::InvocationMode::PollBased: return t == NodeType::Sqs ? "messages" : "records";
    case sim::InvocationMode::None: break;
    }
    return "requests";
}


void writeBehavior(ojson& out, const std::vector<sim::BehaviorRule>& behavior) {
    ojson rules = ojson::array();
    for (const sim::BehaviorRule& r : behavior) {
        ojson when = ojson::object();
        const sim::RuleCondition& c = r.when;
        if (c.bodyContains) when["body_contains"] = *c.bodyContains;
        if (c.attemptAtMost) when["attempt_at_most"] = *c.attemptAtMost;
        if (c.item) when["item"] = *c.item;
        if (c.rate) when["rate"] = number(*c.rate);
        if (c.after) when["after"] = duration(*c.after);
        if (c.before) when["before"] = duration(*c.before);
        if (c.itemModulo) when["item_modulo"] = ojson{{"divisor", *c.itemModulo}, {"remainder", c.itemRemainder}};
        ojson rule = ojson::object();
        if (!when.empty()) rule["when"] = std::move(when);
        rule["then"] = ruleOutcomeKey(r.then);
        rules.push_back(std::move(rule));
    }
    out["behavior"] = std::move(rules);
}

/// `duration`: one value when fixed, else {min, max}.
void writeDurationRange(ojson& out, const char* key, const sim::DurationModel& d) {
    const sim::DurationModel defaults;
    if (d.min == defaults.min && d.max == defaults.max) return;
    if (d.min == d.max) out[key] = duration(d.min);
    else out[key] = ojson{{"min", duration(d.min)}, {"max", duration(d.max)}};
}

ojson valueOf(const Setting& s, const SettingView& view) {
    const SettingAccess& a = s.access;
    switch (s.kind) {
    case SettingKind::Duration: return duration(a.getInt(view));
    case SettingKind::Int:
    case SettingKind::OptionalInt: return a.getInt(view);
    case SettingKind::Unsigned: return static_cast<std::uint64_t>(a.getInt(view));
    case SettingKind::Number: return number(a.getNumber(view));
    case SettingKind::Bool: return a.getInt(view) != 0;
    case SettingKind::Text:
    case SettingKind::NodeRef: return a.getText(view);
    case SettingKind::Choice: return settingText(s, view);
    case SettingKind::Group:
    case SettingKind::Range:
    case SettingKind::Rules: break;
    }
    return nullptr;
}

/// A group is written when it exists (`redrive`) or, without that notion, when one of its settings is not at
/// its default (`async`, `traffic`).
bool groupWritten(const Setting& group, const SettingView& view, std::optional<NodeType> type) {
    if (group.access.isSet) return group.access.isSet(view);
    for (const Setting& s : allSettings())
        if (s.owner == group.owner && s.group() == group.key && (!type || s.appliesToType(*type)) && !isDefault(s, view))
            return true;
    return false;
}

/// The settings of one level (an owner's own keys, or a group's) in canonical order: those not at their
/// default, and those always written. Node settings only where they apply to the node's type.
void writeSettings(ojson& out, SettingOwner owner, const std::string& group, const SettingView& view,
                   std::optional<NodeType> type) {
    for (const Setting& s : allSettings()) {
        if (s.owner != owner || s.group() != group || (type && !s.appliesToType(*type))) continue;
        if (s.kind == SettingKind::Group) {
            if (!groupWritten(s, view, type)) continue;
            ojson inner = ojson::object();
            writeSettings(inner, owner, s.key, view, type);
            out[s.key] = std::move(inner);
        } else if (s.kind == SettingKind::Range) {
            writeDurationRange(out, s.key, view.node->function.duration);
        } else if (s.kind == SettingKind::Rules) {
            if (!view.node->function.behavior.empty()) writeBehavior(out, view.node->function.behavior);
        } else if (s.has(setting_flags::kAlwaysWritten) || !isDefault(s, view)) {
            // traffic's count is spelled after what the source sends
            const bool count = group == "traffic" && s.leaf() == "count";
            out[count ? countKeyOf(*type) : s.leaf()] = valueOf(s, view);
        }
    }
}

ojson writeNode(const sim::Scenario& scenario, const sim::Node& n) {
    ojson out = ojson::object();
    out["id"] = n.id;
    out["type"] = sim::nodeTypeName(n.type);
    if (!n.label.empty()) out["label"] = n.label;
    out["position"] = ojson::array({number(n.x), number(n.y)});
    writeSettings(out, SettingOwner::Node, "", SettingView{&scenario, &n, nullptr}, n.type);
    return out;
}

/// Edges write every setting that differs from its default, whatever the source: the reader has already
/// refused those that do not apply.
ojson writeEdge(const sim::Scenario& scenario, const sim::Edge& e) {
    ojson out = ojson::object();
    out["from"] = e.from;
    out["to"] = e.to;
    writeSettings(out, SettingOwner::Edge, "", SettingView{&scenario, nullptr, &e}, std::nullopt);
    return out;
}

}  // namespace

std::string writeScenario(const sim::Scenario& s, int indent) {
    ojson doc = ojson::object();
    doc["version"] = 1;
    writeSettings(doc, SettingOwner::Scenario, "", SettingView{&s, nullptr, nullptr}, std::nullopt);
    ojson nodes = ojson::array();
    for (const sim::Node& n : s.nodes) nodes.push_back(writeNode(s, n));
    doc["nodes"] = std::move(nodes);
    ojson edges = ojson::array();
    for (const sim::Edge& e : s.edges) edges.push_back(writeEdge(s, e));
    doc["edges"] = std::move(edges);
    // replace: invalid UTF-8 in a hand-built Scenario becomes U+FFFD instead of throwing.
    std::string text = doc.dump(indent < 0 ? -1 : indent, ' ', false, ojson::error_handler_t::replace);
    if (indent >= 0) text += '\n';
    return text;
}

std::string writeComparison(const sim::Scenario& a, const sim::Scenario& b, int indent) {
    ojson doc = ojson::parse(writeScenario(a, -1));
    doc["compare_b"] = ojson::parse(writeScenario(b, -1));
    std::string text = doc.dump(indent < 0 ? -1 : indent, ' ', false, ojson::error_handler_t::replace);
    if (indent >= 0) text += '\n';
    return text;
}

std::string formatErrors(const std::vector<ScenarioError>& errors) {
    std::string out;
    for (const ScenarioError& e : errors) {
        if (e.line > 0) out += std::to_string(e.line) + ":" + std::to_string(e.column) + " ";
        if (!e.path.empty()) out += e.path + ": ";
        out += e.message + "\n";
    }
    return out;
}

const char* ruleOutcomeKey(sim::RuleOutcome o) {
    switch (o) {
    case sim::RuleOutcome::Success: return "success";
    case sim::RuleOutcome::Error: return "error";
    case sim::RuleOutcome::Timeout: return "timeout";
    case sim::RuleOutcome::ReportFailure: return "report_failure";
    case sim::RuleOutcome::InvalidBatchResponse: return "invalid_batch_response";
    case sim::RuleOutcome::MissingState: return "missing_state";
    }
    return "success";
}

}  // namespace pg::scenario
