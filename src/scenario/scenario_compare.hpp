// Field-by-field comparison of two scenarios, for round-trip tests and "has the user changed anything?".
#pragma once
#include <string>
#include <utility>
#include <vector>

#include "engine/scenario_config.hpp"

namespace pg::scenario {

/// "" when every field is equal, else the first differing field with both values, e.g.
/// "nodes[2].function.timeout: 3000000 != 60000000".
std::string firstDifference(const sim::Scenario& a, const sim::Scenario& b);

/// What B changes in A, for the comparison view's outlines: nodes (by id) and edges (by their ends) that
/// differ or exist on one side only, and every differing setting named ("node jobs: queue.redrive",
/// "edge jobs -> worker: batchSize", "scenario: seed"). Node positions are not differences. Pure.
struct ScenarioDelta {
    std::vector<std::string> nodes;
    std::vector<std::pair<std::string, std::string>> edges;
    std::vector<std::string> settings;
    bool empty() const { return settings.empty(); }
    bool nodeDiffers(const std::string& id) const;
    bool edgeDiffers(const std::string& from, const std::string& to) const;
};
ScenarioDelta scenarioDelta(const sim::Scenario& a, const sim::Scenario& b);

inline bool sameScenario(const sim::Scenario& a, const sim::Scenario& b) { return firstDifference(a, b).empty(); }

}  // namespace pg::scenario
