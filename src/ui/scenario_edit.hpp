// Edits of the plain-data Scenario made by the UI (add, delete with cascade, connect) and their validation
// through the scenario reader: a candidate is accepted only if parseScenario(writeScenario(candidate)) is clean.
#pragma once
#include <string>

#include "engine/scenario_config.hpp"

namespace pg::ui {

/// "" when the scenario is valid, else the validator's first message (with its JSON path).
std::string validationError(const sim::Scenario& candidate);

struct ConnectCheck {
    bool ok = false;
    std::string message;  ///< why not (the validator's or AWS's wording), or what the edge will be
};
/// Would an edge from -> to be accepted? Asks the model (the validator) with the edge added.
ConnectCheck canConnect(const sim::Scenario& scenario, const std::string& from, const std::string& to);

/// Adds a node with a fresh id ("sns-2"); sources get a small traffic so something happens. Returns the id.
std::string addNode(sim::Scenario& scenario, sim::NodeType type, const std::string& role, double x, double y);
/// Removes a node and everything that refers to it (edges, DLQ/destination/redrive references).
void removeNode(sim::Scenario& scenario, const std::string& id);
int nodeIndexOf(const sim::Scenario& scenario, const std::string& id);  ///< -1 if none

}  // namespace pg::ui
