// Scenario JSON (format version 1) <-> pg::sim::Scenario. The only place besides the runner and the web
// bridge that sees nlohmann/json; this header keeps it out of its includers.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "engine/scenario_config.hpp"
#include "scenario_rules.hpp"

namespace pg::scenario {

/// One problem found in a scenario: where (a JSON pointer such as "/nodes/2/timeout"), what, and which rule.
/// line/column (1-based) locate the offending key or value in the text, or its nearest existing ancestor
/// for a missing key; 0 when unknown (e.g. errors about a Scenario that did not come from text).
struct ScenarioError {
    std::string path;
    std::string message;
    int line = 0;
    int column = 0;
    Rule rule = Rule::Value;
};

struct ParseResult {
    sim::Scenario scenario;             // meaningful only when errors is empty
    std::vector<ScenarioError> errors;  // every problem found, not just the first
    /// A comparison file's B (the top-level "compare_b": a whole scenario); its errors are under /compare_b.
    std::optional<sim::Scenario> compareB;
    bool ok() const { return errors.empty(); }
};

/// Parses and validates. Never throws; malformed JSON, unknown keys, wrong types, out-of-range values and
/// dangling references all come back as errors naming their JSON path.
ParseResult parseScenario(const std::string& jsonText);

/// The problems of a Scenario held as data (an edit the UI is about to make), each with its JSON path and
/// Rule: every key's value checked as the reader checks it (Rule::Value), then the reader's own cross-checks
/// on the Scenario itself. The first error is the one parseScenario(writeScenario(s)) reports first, and with
/// no value error the lists are equal. line/column stay 0. Never throws.
std::vector<ScenarioError> validate(const sim::Scenario& scenario);

/// Writes the scenario back as format-version-1 JSON; parseScenario(writeScenario(s)) == s.
/// Canonical: fixed key order, durations as strings in their largest exact unit, defaults omitted.
/// indent < 0 gives the compact form (what share links carry). Never throws.
std::string writeScenario(const sim::Scenario& scenario, int indent = 2);

/// A comparison: A's JSON with B as the top-level "compare_b" (a whole scenario, written as writeScenario
/// writes it); parseScenario reads it back into ParseResult::compareB.
std::string writeComparison(const sim::Scenario& a, const sim::Scenario& b, int indent = 2);

/// "1:2 /nodes/0/timeout: must be ..." lines, one per error, for terminals and the UI.
std::string formatErrors(const std::vector<ScenarioError>& errors);

}  // namespace pg::scenario
