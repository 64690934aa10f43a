// Shared helpers for the template import suites: look-ups into an imported scenario and its warnings.
#pragma once
#include <doctest/doctest.h>

#include <algorithm>
#include <string>

#include "import/import_template.hpp"
#include "scenario/scenario_json.hpp"

namespace pg::templates::test {

using pg::scenario::validate;

inline const sim::Node& node(const ImportResult& r, const std::string& id) {
    for (const sim::Node& n : r.scenario.nodes)
        if (n.id == id) return n;
    FAIL("no node " << id);
    static sim::Node none;
    return none;
}

inline bool hasNode(const ImportResult& r, const std::string& id) {
    return std::any_of(r.scenario.nodes.begin(), r.scenario.nodes.end(), [&](const sim::Node& n) { return n.id == id; });
}

inline const sim::Edge& edge(const ImportResult& r, const std::string& from, const std::string& to) {
    for (const sim::Edge& e : r.scenario.edges)
        if (e.from == from && e.to == to) return e;
    FAIL("no edge " << from << " -> " << to);
    static sim::Edge none;
    return none;
}

/// True when one warning line is exactly `line`.
inline bool warned(const ImportResult& r, const std::string& line) {
    return std::find(r.warnings.begin(), r.warnings.end(), line) != r.warnings.end();
}

inline std::string allWarnings(const ImportResult& r) {
    std::string all;
    for (const std::string& w : r.warnings) all += w + "\n";
    return all;
}

}  // namespace pg::templates::test
