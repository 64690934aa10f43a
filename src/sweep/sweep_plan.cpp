// planSweep: targets resolved against the scenario through the settings table (settings.hpp), ranges
// expanded, every value checked as the reader checks it, the cells built. Errors carry /sweep paths.
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "scenario/duration.hpp"
#include "sweep.hpp"

namespace pg::sweep {

using scenario::ScenarioError;
using scenario::Setting;
using scenario::SettingKind;
using scenario::SettingOwner;

bool sweepable(SettingKind k) {
    switch (k) {
    case SettingKind::Duration:
    case SettingKind::Int:
    case SettingKind::OptionalInt:
    case SettingKind::Unsigned:
    case SettingKind::Number:
    case SettingKind::Bool:
    case SettingKind::Choice: return true;
    default: return false;
    }
}

namespace {

bool parseDouble(const std::string& t, double& out) {
    if (t.empty()) return false;
    char* end = nullptr;
    out = std::strtod(t.c_str(), &end);
    return end == t.c_str() + t.size() && std::isfinite(out);
}

std::string numberText(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.12g", v);
    return buf;
}

/// "from:to:step" in the setting's unit (durations: any duration text), expanded; false when it is no range.
bool expandRange(const Setting& s, const std::string& text, std::vector<std::string>& out, std::string& error) {
    const std::size_t a = text.find(':'), b = text.find(':', a + 1);
    if (a == std::string::npos) return false;
    if (b == std::string::npos || text.find(':', b + 1) != std::string::npos) {
        error = "a range is \"from:to:step\"; got \"" + text + "\"";
        return true;
    }
    const std::string parts[3] = {text.substr(0, a), text.substr(a + 1, b - a - 1), text.substr(b + 1)};
    double v[3];
    for (int i = 0; i < 3; ++i) {
        bool ok = false;
        if (s.kind == SettingKind::Duration) {
            const auto t = scenario::durationFromText(parts[i]);
            ok = t.has_value();
            if (ok) v[i] = static_cast<double>(*t);
        } else if (s.kind != SettingKind::Bool && s.kind != SettingKind::Choice) {
            ok = parseDouble(parts[i], v[i]);
        }
        if (!ok) {
            error = "\"" + parts[i] + "\" in the range \"" + text + "\" is not a " +
                    (s.kind == SettingKind::Duration ? "duration" : "number");
            return true;
        }
    }
    if (!(v[2] > 0) || v[1] < v[0]) {
        error = "a range needs from <= to and a step above 0; got \"" + text + "\"";
        return true;
    }
    const double count = std::floor((v[1] - v[0]) / v[2] + 1e-9) + 1;
    if (count > static_cast<double>(scenario::kMaxSweepRuns)) {
        error = "the range \"" + text + "\" has " + numberText(count) + " values; the limit is " +
                std::to_string(scenario::kMaxSweepRuns) + " runs";
        return true;
    }
    for (int i = 0; i < static_cast<int>(count); ++i) {
        const double x = v[0] + i * v[2];
        if (s.kind == SettingKind::Duration)
            out.push_back(scenario::formatDuration(static_cast<sim::SimTime>(std::llround(x))));
        else if (s.kind == SettingKind::Number)
            out.push_back(numberText(x));
        else
            out.push_back(std::to_string(std::llround(x)));
    }
    return true;
}

/// Finds the node (longest id that prefixes "ID.") or edge ("FROM->TO.") of a target and its setting.
bool resolveTarget(const sim::Scenario& sc, const std::string& target, ResolvedAxis& axis, std::string& error) {
    axis.target = target;
    std::string key;
    const std::size_t arrow = target.find("->");
    if (arrow != std::string::npos) {
        const std::string from = target.substr(0, arrow), rest = target.substr(arrow + 2);
        std::size_t best = 0;
        for (std::size_t i = 0; i < sc.edges.size(); ++i) {
            const sim::Edge& e = sc.edges[i];
            if (e.from == from && rest.size() > e.to.size() + 1 && rest.compare(0, e.to.size() + 1, e.to + ".") == 0 &&
                e.to.size() + 1 > best) {
                best = e.to.size() + 1;
                axis.edge = static_cast<int>(i);
            }
        }
        if (axis.edge < 0) {
            error = "no edge " + from + " -> " + rest.substr(0, rest.find('.')) + " in the scenario";
            return false;
        }
        key = rest.substr(best);
        sim::NodeType type = sim::NodeType::Function;
        for (const sim::Node& n : sc.nodes)
            if (n.id == from) type = n.type;
        axis.setting = scenario::findSetting(SettingOwner::Edge, key, type);
    } else {
        std::size_t best = 0;
        for (std::size_t i = 0; i < sc.nodes.size(); ++i) {
            const std::string& id = sc.nodes[i].id;
            if (target.size() > id.size() + 1 && target.compare(0, id.size() + 1, id + ".") == 0 &&
                id.size() + 1 > best) {
                best = id.size() + 1;
                axis.node = static_cast<int>(i);
            }
        }
        key = target.substr(best);
        if (axis.node >= 0)
            axis.setting = scenario::findSetting(SettingOwner::Node, key, sc.nodes[axis.node].type);
        else
            axis.setting = scenario::findSetting(SettingOwner::Scenario, key, sim::NodeType::Function);
    }
    if (!axis.setting) {
        error = "\"" + key + "\" is not a setting of " +
                (axis.edge >= 0   ? "that edge"
                 : axis.node >= 0 ? "node " + sc.nodes[axis.node].id
                                  : "the scenario") +
                " (expected NODE.KEY, FROM->TO.KEY or a scenario key, e.g. orders.visibility_timeout)";
        return false;
    }
    if (!sweepable(axis.setting->kind)) {
        error = "\"" + key + "\" cannot be swept (only numbers, durations, true/false and choices can)";
        return false;
    }
    return true;
}

}  // namespace

std::optional<scenario::SweepAxis> parseSetArgument(const std::string& text, std::string* error) {
    const std::size_t eq = text.find('=');
    if (eq == std::string::npos || eq == 0 || eq + 1 >= text.size()) {
        if (error) *error = "--set needs TARGET=v1,v2,... or TARGET=from:to:step; got '" + text + "'";
        return std::nullopt;
    }
    scenario::SweepAxis axis;
    axis.target = text.substr(0, eq);
    for (std::size_t start = eq + 1;;) {
        const std::size_t comma = text.find(',', start);
        const std::string v = text.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
        if (v.empty()) {
            if (error) *error = "--set " + axis.target + ": an empty value in '" + text + "'";
            return std::nullopt;
        }
        axis.values.push_back(v);
        if (comma == std::string::npos) break;
        start = comma + 1;
    }
    return axis;
}

bool applyValue(sim::Scenario& sc, const ResolvedAxis& axis, const std::string& t, std::string* error) {
    const scenario::SettingTarget target{&sc, axis.node >= 0 ? &sc.nodes[axis.node] : nullptr,
                                         axis.edge >= 0 ? &sc.edges[axis.edge] : nullptr};
    const std::string why = scenario::setSettingFromText(*axis.setting, target, t);  // as the inspector reads it
    if (!why.empty() && error) *error = why;
    return why.empty();
}

SweepPlan planSweep(const sim::Scenario& base, const scenario::SweepSpec& spec) {
    SweepPlan plan;
    auto err = [&](std::string path, std::string message) {
        plan.errors.push_back({std::move(path), std::move(message)});
    };
    if (spec.axes.empty() || spec.axes.size() > scenario::kMaxSweepAxes)
        err("/sweep/axes", "a sweep varies one or two settings; got " + std::to_string(spec.axes.size()));
    if (spec.seeds < 1 || spec.seeds > scenario::kMaxSweepSeeds)
        err("/sweep/seeds", "must be between 1 and " + std::to_string(scenario::kMaxSweepSeeds));
    if (!plan.ok()) return plan;
    for (std::size_t a = 0; a < spec.axes.size(); ++a) {
        const std::string path = "/sweep/axes/" + std::to_string(a);
        ResolvedAxis axis;
        std::string error;
        if (!resolveTarget(base, spec.axes[a].target, axis, error)) {
            err(path + "/set", error);
            continue;
        }
        for (std::size_t v = 0; v < spec.axes[a].values.size(); ++v) {
            const std::string vpath = path + "/values/" + std::to_string(v);
            std::vector<std::string> expanded;
            if (expandRange(*axis.setting, spec.axes[a].values[v], expanded, error)) {
                if (!error.empty()) {
                    err(vpath, error);
                    error.clear();
                    continue;
                }
            } else {
                expanded.push_back(spec.axes[a].values[v]);
            }
            for (const std::string& text : expanded) {
                // Each value alone on the base scenario, checked as the reader checks the file.
                sim::Scenario probe = base;
                if (!applyValue(probe, axis, text, &error)) {
                    err(vpath, axis.target + ": " + error);
                    break;
                }
                const std::vector<ScenarioError> problems = scenario::validate(probe);
                if (!problems.empty()) {
                    err(vpath,
                        axis.target + " = " + text + ": " + problems.front().path + ": " + problems.front().message);
                    break;
                }
                axis.values.push_back(
                    scenario::settingText(*axis.setting, {&probe, axis.node >= 0 ? &probe.nodes[axis.node] : nullptr,
                                                          axis.edge >= 0 ? &probe.edges[axis.edge] : nullptr}));
            }
        }
        plan.axes.push_back(std::move(axis));
    }
    if (!plan.ok()) return plan;
    std::size_t runs = static_cast<std::size_t>(spec.seeds);
    for (const ResolvedAxis& axis : plan.axes) runs *= axis.values.size();
    if (runs > scenario::kMaxSweepRuns) {
        err("/sweep", "the grid has " + std::to_string(runs) + " runs; the limit is " +
                          std::to_string(scenario::kMaxSweepRuns) + " (fewer values or seeds)");
        return plan;
    }
    const std::size_t n0 = plan.axes[0].values.size(), n1 = plan.axes.size() > 1 ? plan.axes[1].values.size() : 1;
    for (std::size_t i = 0; i < n0; ++i)
        for (std::size_t j = 0; j < n1; ++j) {
            sim::Scenario cell = base;
            applyValue(cell, plan.axes[0], plan.axes[0].values[i], nullptr);
            if (plan.axes.size() > 1) applyValue(cell, plan.axes[1], plan.axes[1].values[j], nullptr);
            // The two values together may break a cross-check neither breaks alone.
            const std::vector<ScenarioError> problems = scenario::validate(cell);
            if (!problems.empty()) {
                err("/sweep", "the cell " + plan.axes[0].values[i] +
                                  (plan.axes.size() > 1 ? ", " + plan.axes[1].values[j] : "") +
                                  " is not valid: " + problems.front().path + ": " + problems.front().message);
                plan.cells.clear();
                return plan;
            }
            for (int k = 0; k < spec.seeds; ++k) {
                SweepCell c;
                c.valueIndex = plan.axes.size() > 1 ? std::vector<std::size_t>{i, j} : std::vector<std::size_t>{i};
                c.seed = base.seed + static_cast<std::uint64_t>(k);
                c.scenario = cell;
                c.scenario.seed = c.seed;
                plan.cells.push_back(std::move(c));
            }
        }
    return plan;
}

}  // namespace pg::sweep
