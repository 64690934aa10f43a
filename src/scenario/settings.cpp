// The settings list assembled from its tables (settings_nodes.cpp, settings_edges.cpp), lookup, and the text
// form of values and defaults. No JSON.
#include "settings.hpp"

#include <algorithm>
#include <cstdio>

#include "duration.hpp"
#include "settings_table.hpp"

namespace pg::scenario {

std::string Setting::group() const {
    const std::string k = key;
    const auto dot = k.find('.');
    return dot == std::string::npos ? std::string() : k.substr(0, dot);
}

std::string Setting::leaf() const {
    const std::string k = key;
    const auto dot = k.find('.');
    return dot == std::string::npos ? k : k.substr(dot + 1);
}

std::vector<std::string> Setting::choiceNames() const {
    std::vector<std::string> names;
    const std::string all = choices;
    for (std::size_t start = 0; start < all.size();) {
        const std::size_t bar = std::min(all.find('|', start), all.size());
        names.push_back(all.substr(start, bar - start));
        start = bar + 1;
    }
    return names;
}

const std::vector<Setting>& allSettings() {
    static const std::vector<Setting> settings = [] {
        std::vector<Setting> all = detail::scenarioAndNodeSettings();
        for (Setting& s : detail::edgeSettings()) all.push_back(s);
        return all;
    }();
    return settings;
}

const Setting* findSetting(SettingOwner owner, const std::string& key, sim::NodeType type) {
    for (const Setting& s : allSettings())
        if (s.owner == owner && key == s.key && s.appliesToType(type)) return &s;
    return nullptr;
}

const std::vector<std::string>& structuralKeys() {
    static const std::vector<std::string> keys = {"version", "nodes", "edges", "id",  "type",
                                                  "label",   "position", "from", "to",
                                                  "compare_b", "sweep"};
    return keys;
}

std::string settingText(const Setting& s, const SettingView& view) {
    const SettingAccess& a = s.access;
    switch (s.kind) {
    case SettingKind::Duration: {
        const sim::SimTime t = a.getInt(view);
        return t < 0 ? "-1" : formatDuration(t);
    }
    case SettingKind::OptionalInt:
        if (!a.isSet(view)) return "";
        return std::to_string(a.getInt(view));
    case SettingKind::Int: return std::to_string(a.getInt(view));
    case SettingKind::Unsigned: return std::to_string(static_cast<std::uint64_t>(a.getInt(view)));
    case SettingKind::Number: {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%g", a.getNumber(view));
        return buf;
    }
    case SettingKind::Bool: return a.getInt(view) ? "true" : "false";
    case SettingKind::Text:
    case SettingKind::NodeRef: return a.getText(view);
    case SettingKind::Choice: {
        const auto names = s.choiceNames();
        const auto index = static_cast<std::size_t>(a.getInt(view));
        return index < names.size() ? names[index] : std::string();
    }
    case SettingKind::Group:
    case SettingKind::Range:
    case SettingKind::Rules: break;
    }
    return "";
}

namespace {
SettingView defaultView() {
    static const sim::Scenario scenario;
    static const sim::Node node;
    static const sim::Edge edge;
    return {&scenario, &node, &edge};
}
}  // namespace

std::string defaultText(const Setting& s) { return settingText(s, defaultView()); }

bool isDefault(const Setting& s, const SettingView& view) {
    const SettingAccess& a = s.access;
    if (a.isSet) return !a.isSet(view);
    const SettingView d = defaultView();
    if (a.getInt) return a.getInt(view) == a.getInt(d);
    if (a.getNumber) return a.getNumber(view) == a.getNumber(d);
    if (a.getText) return a.getText(view) == a.getText(d);
    return true;
}

}  // namespace pg::scenario
