// The inspector's parameter table over the settings descriptors: which settings a selection has, and their
// values as text. Typed text is read by scenario::setSettingFromText; ranges are the validator's.
#include "params.hpp"

#include <algorithm>

#include "engine/items.hpp"
#include "engine/key_template.hpp"

namespace pg::ui {

using namespace sim;
using scenario::Setting;
using scenario::SettingKind;
using scenario::SettingOwner;

namespace {

/// The selection's owner and the node type its settings depend on (an edge's: its source's).
struct Selected {
    SettingOwner owner = SettingOwner::Scenario;
    NodeType type = NodeType::Function;
    scenario::SettingTarget target;
};

Selected selectedIn(Scenario& s, int node, int edge) {
    Selected sel;
    sel.target.scenario = &s;
    if (node >= 0 && node < static_cast<int>(s.nodes.size())) {
        sel.owner = SettingOwner::Node;
        sel.target.node = &s.nodes[static_cast<std::size_t>(node)];
        sel.type = sel.target.node->type;
    } else if (edge >= 0 && edge < static_cast<int>(s.edges.size())) {
        sel.owner = SettingOwner::Edge;
        sel.target.edge = &s.edges[static_cast<std::size_t>(edge)];
        for (const Node& n : s.nodes)
            if (n.id == sel.target.edge->from) sel.type = n.type;
    }
    return sel;
}

bool offered(const Setting& s) {
    return !s.has(scenario::setting_flags::kNotInInspector) && s.kind != SettingKind::Group &&
           s.kind != SettingKind::Range && s.kind != SettingKind::Rules;
}

const Setting* find(const Selected& sel, const std::string& key) {
    const Setting* s = scenario::findSetting(sel.owner, key, sel.type);
    return s && offered(*s) ? s : nullptr;
}

/// The group's required setting, when the group must exist before its other settings can be set (`redrive`).
const Setting* missingGroup(const Setting& s, const Selected& sel) {
    const std::string group = s.group();
    if (group.empty() || s.has(scenario::setting_flags::kRequired)) return nullptr;
    const Setting* g = scenario::findSetting(sel.owner, group, sel.type);
    if (!g || !g->access.isSet || g->access.isSet(sel.target)) return nullptr;
    for (const Setting& other : scenario::allSettings())
        if (other.owner == s.owner && other.group() == group && other.has(scenario::setting_flags::kRequired))
            return &other;
    return nullptr;
}

}  // namespace

std::vector<const Setting*> paramsOf(const Scenario& scenario, int node, int edge) {
    const Selected sel = selectedIn(const_cast<Scenario&>(scenario), node, edge);  // only read
    std::vector<const Setting*> out;
    for (const Setting& s : scenario::allSettings())
        if (s.owner == sel.owner && s.appliesToType(sel.type) && offered(s)) out.push_back(&s);
    std::stable_partition(out.begin(), out.end(),
                          [](const Setting* s) { return s->source != scenario::SettingSource::ScenarioInput; });
    return out;
}

std::string getParam(const Scenario& scenario, int node, int edge, const std::string& key) {
    const Selected sel = selectedIn(const_cast<Scenario&>(scenario), node, edge);  // only read
    const Setting* s = find(sel, key);
    return s ? scenario::settingText(*s, sel.target) : std::string();
}

std::string setParam(Scenario& scenario, int node, int edge, const std::string& key, const std::string& value) {
    const Selected sel = selectedIn(scenario, node, edge);
    const Setting* s = find(sel, key);
    if (!s) return "no setting `" + key + "` here";
    if (const Setting* first = missingGroup(*s, sel)) return "set `" + std::string(first->key) + "` first";
    return scenario::setSettingFromText(*s, sel.target, value);
}

std::string defaultLabel(const Setting& s) {
    std::string text = scenario::defaultText(s);
    if (text.empty()) text = s.kind == SettingKind::Text ? "(empty)" : "none";
    if (*s.defaultNote) text += std::string(" (") + s.defaultNote + ")";
    return text;
}

std::string rangeLabel(const Setting& s) {
    if (s.kind == SettingKind::Bool) return "true | false";
    if (s.kind != SettingKind::Choice) return s.rangeText;
    std::string out;
    for (const std::string& name : s.choiceNames()) out += (out.empty() ? "" : " | ") + name;
    return out;
}

std::vector<std::string> templatePreview(const std::string& key, const std::string& value, int count) {
    const bool body = key == "traffic.body", keyTemplate = key == "traffic.group" || key == "traffic.partition_key";
    std::vector<std::string> out;
    if ((!body && !keyTemplate) || (key == "traffic.group" && value.empty())) return out;
    std::string text;
    for (int n = 1; n <= count; ++n) {
        const auto number = static_cast<std::uint32_t>(n);
        if (body) renderBody(value, number, text);
        else if (value.empty()) text = std::to_string(n);  // no partition key template: the item number
        else renderKeyTemplate(value, number, text);
        out.push_back("#" + std::to_string(n) + " " + text);
    }
    return out;
}

}  // namespace pg::ui
