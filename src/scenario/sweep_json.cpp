// The "sweep" key of a scenario file (sweep_spec.hpp, docs/scenario-format.md "Sweeps"): read with JSON-path
// errors, written after the scenario's own keys. Values are kept as text: a JSON number 5 and the string "5"
// read the same, and src/sweep parses them as the setting's kind.
#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdlib>

#include "reader_support.hpp"
#include "sweep_spec.hpp"

namespace pg::scenario {

namespace {

using detail::json;
using detail::shortDump;

void add(SweepParse& out, std::string path, std::string message) {
    out.errors.push_back({std::move(path), std::move(message)});
}

/// A value as text: numbers as they were written (5, 0.5), strings as they are, booleans as true/false.
bool valueText(const json& v, std::string& out) {
    if (v.is_string())
        out = v.get<std::string>();
    else if (v.is_boolean())
        out = v.get<bool>() ? "true" : "false";
    else if (v.is_number())
        out = v.dump();
    else
        return false;
    return !out.empty() && out.size() <= 64;
}

void readAxis(const json& v, const std::string& path, SweepParse& out) {
    if (!v.is_object())
        return add(out, path, "must be an object {\"set\": \"NODE.KEY\", \"values\": [...]}; got " + shortDump(v));
    for (auto it = v.begin(); it != v.end(); ++it)
        if (it.key() != "set" && it.key() != "values")
            add(out, path + "/" + it.key(), "unknown key in a sweep axis (expected \"set\" and \"values\")");
    SweepAxis axis;
    const auto set = v.find("set");
    if (set == v.end())
        add(out, path + "/set", "is required (the setting to vary: \"NODE.KEY\" or \"FROM->TO.KEY\")");
    else if (!set->is_string() || set->get<std::string>().empty() || set->get<std::string>().size() > 200)
        add(out, path + "/set", "must be a setting such as \"orders.visibility_timeout\"; got " + shortDump(*set));
    else
        axis.target = set->get<std::string>();
    const auto values = v.find("values");
    if (values == v.end()) {
        add(out, path + "/values", "is required (a list of values, or a range \"from:to:step\")");
    } else if (values->is_string()) {
        axis.values.push_back(values->get<std::string>());
    } else if (!values->is_array() || values->empty() || values->size() > kMaxSweepRuns) {
        add(out, path + "/values",
            "must be a non-empty list of at most " + std::to_string(kMaxSweepRuns) +
                " values, or a range \"from:to:step\"; got " + shortDump(*values));
    } else {
        for (std::size_t i = 0; i < values->size(); ++i) {
            std::string text;
            if (!valueText((*values)[i], text))
                add(out, path + "/values/" + std::to_string(i),
                    "must be a number, a string or true/false; got " + shortDump((*values)[i]));
            axis.values.push_back(text);
        }
    }
    out.spec.axes.push_back(std::move(axis));
}

/// A text value back as JSON: a plain number or boolean as itself, anything else (durations, choices) a string.
nlohmann::ordered_json valueJson(const std::string& text) {
    if (text == "true") return true;
    if (text == "false") return false;
    char* end = nullptr;
    const double d = std::strtod(text.c_str(), &end);
    const bool plain = !text.empty() && end == text.c_str() + text.size() && std::isfinite(d) &&
                       text.find_first_not_of("-0123456789.") == std::string::npos;
    if (!plain) return text;
    if (std::floor(d) == d && std::fabs(d) < 9007199254740992.0) return static_cast<std::int64_t>(d);
    return d;
}

}  // namespace

SweepParse parseSweepSection(const std::string& jsonText) {
    SweepParse out;
    try {
        const json doc = json::parse(jsonText);
        if (!doc.is_object()) return out;
        const auto sweep = doc.find("sweep");
        if (sweep == doc.end()) return out;
        out.hasSweep = true;
        if (!sweep->is_object()) {
            add(out, "/sweep", "must be an object {\"axes\": [...], \"seeds\": 1}; got " + shortDump(*sweep));
            return out;
        }
        for (auto it = sweep->begin(); it != sweep->end(); ++it)
            if (it.key() != "axes" && it.key() != "seeds" && it.key() != "outcome")
                add(out, "/sweep/" + it.key(), "unknown key in the sweep (expected \"axes\", \"seeds\", \"outcome\")");
        const auto axes = sweep->find("axes");
        if (axes == sweep->end()) {
            add(out, "/sweep/axes", "is required (one or two settings to vary)");
        } else if (!axes->is_array() || axes->empty() || axes->size() > kMaxSweepAxes) {
            add(out, "/sweep/axes", "must be a list of one or two settings to vary; got " + shortDump(*axes));
        } else {
            for (std::size_t i = 0; i < axes->size(); ++i)
                readAxis((*axes)[i], "/sweep/axes/" + std::to_string(i), out);
        }
        if (const auto seeds = sweep->find("seeds"); seeds != sweep->end()) {
            if (!seeds->is_number_integer() || seeds->get<std::int64_t>() < 1 ||
                seeds->get<std::int64_t>() > kMaxSweepSeeds)
                add(out, "/sweep/seeds",
                    "must be a whole number between 1 and " + std::to_string(kMaxSweepSeeds) +
                        " (runs per cell); got " + shortDump(*seeds));
            else
                out.spec.seeds = static_cast<int>(seeds->get<std::int64_t>());
        }
        if (const auto outcome = sweep->find("outcome"); outcome != sweep->end()) {
            if (!outcome->is_string() || outcome->get<std::string>().size() > 40)
                add(out, "/sweep/outcome",
                    "must be an outcome column name such as \"expired\"; got " + shortDump(*outcome));
            else
                out.spec.outcome = outcome->get<std::string>();
        }
    } catch (...) {
        // Not JSON: parseScenario reports that; a sweep is only read from a scenario that parsed.
    }
    return out;
}

std::string writeScenarioWithSweep(const sim::Scenario& scenario, const SweepSpec& spec, int indent) {
    const std::string base = writeScenario(scenario, indent);
    if (spec.axes.empty()) return base;
    nlohmann::ordered_json doc = nlohmann::ordered_json::parse(base);
    nlohmann::ordered_json axes = nlohmann::ordered_json::array();
    for (const SweepAxis& a : spec.axes) {
        nlohmann::ordered_json values = nlohmann::ordered_json::array();
        for (const std::string& v : a.values) values.push_back(valueJson(v));
        axes.push_back({{"set", a.target}, {"values", std::move(values)}});
    }
    nlohmann::ordered_json sweep = {{"axes", std::move(axes)}};
    if (spec.seeds != 1) sweep["seeds"] = spec.seeds;
    if (!spec.outcome.empty()) sweep["outcome"] = spec.outcome;
    doc["sweep"] = std::move(sweep);
    std::string text = doc.dump(indent < 0 ? -1 : indent, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
    if (indent >= 0) text += '\n';
    return text;
}

}  // namespace pg::scenario
