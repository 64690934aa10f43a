// Field-by-field comparison of two scenarios, for round-trip tests and "has the user changed anything?".
#pragma once
#include <string>

#include "engine/scenario_config.hpp"

namespace pg::scenario {

/// "" when every field is equal, else the first differing field with both values, e.g.
/// "nodes[2].function.timeout: 3000000 != 60000000".
std::string firstDifference(const sim::Scenario& a, const sim::Scenario& b);

inline bool sameScenario(const sim::Scenario& a, const sim::Scenario& b) { return firstDifference(a, b).empty(); }

}  // namespace pg::scenario
