// Scenario JSON (format version 1) <-> pg::sim::Scenario. The only place besides the runner and the web
// bridge that sees nlohmann/json; this header keeps it out of its includers.
#pragma once
#include <string>
#include <vector>

#include "engine/scenario_config.hpp"

namespace pg::scenario {

/// One problem found in a scenario: where (a JSON pointer such as "/nodes/2/timeout") and what.
struct ScenarioError {
    std::string path;
    std::string message;
};

struct ParseResult {
    sim::Scenario scenario;             // meaningful only when errors is empty
    std::vector<ScenarioError> errors;  // every problem found, not just the first
    bool ok() const { return errors.empty(); }
};

/// Parses and validates. Never throws; malformed JSON, unknown keys, wrong types, out-of-range values and
/// dangling references all come back as errors naming their JSON path.
ParseResult parseScenario(const std::string& jsonText);

/// Writes the scenario back as format-version-1 JSON; parseScenario(writeScenario(s)) == s.
std::string writeScenario(const sim::Scenario& scenario, int indent = 2);

/// "1:2 /nodes/0/timeout: must be ..." lines, one per error, for terminals and the UI.
std::string formatErrors(const std::vector<ScenarioError>& errors);

}  // namespace pg::scenario
