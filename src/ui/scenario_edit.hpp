// Edits of the plain-data Scenario made by the UI (add, delete with cascade, connect) and their validation
// by scenario::validate(): a candidate is accepted only if it has no problem. Draws nothing (pg_ui_model).
#pragma once
#include <string>

#include "engine/scenario_config.hpp"
#include "scenario/scenario_rules.hpp"

namespace pg::ui {

/// "" when the scenario is valid, else the first problem scenario::validate() finds, as "path: message".
std::string validationError(const sim::Scenario& candidate);

/// What an edge would be (accepted), or why it is refused.
enum class ConnectVerdict {
    SynchronousInvoke,  ///< from a synchronous source
    AsynchronousInvoke, ///< from an asynchronous source, through Lambda's internal queue
    EventSourceMapping, ///< from a queue or stream that Lambda polls
    SendEdge,           ///< from a function to a queue or topic its code sends to
    Subscription,       ///< from an SNS topic to an SQS queue: the topic delivers every message to it
    NotTwoNodes,        ///< refused: an end is missing, or both ends are the same node
    BreaksRule,         ///< refused: the scenario with the edge breaks `rule` at `path`
};

struct ConnectCheck {
    bool ok = false;
    ConnectVerdict verdict = ConnectVerdict::NotTwoNodes;
    scenario::Rule rule = scenario::Rule::Value; ///< BreaksRule: the rule broken
    std::string path;                            ///< BreaksRule: where, e.g. "/edges/1" (the new edge)
    std::string message;  ///< why not (the validator's or AWS's wording), or what the edge will be
};
/// Would an edge from -> to be accepted? Asks the model (the validator) with the edge added.
ConnectCheck canConnect(const sim::Scenario& scenario, const std::string& from, const std::string& to);

/// Adds a node with a fresh id ("sns-2"); sources get a small traffic so something happens. Returns the id.
std::string addNode(sim::Scenario& scenario, sim::NodeType type, const std::string& role, double x, double y);
/// Removes a node and everything that refers to it (edges, DLQ/destination/redrive references).
void removeNode(sim::Scenario& scenario, const std::string& id);
int nodeIndexOf(const sim::Scenario& scenario, const std::string& id);  ///< -1 if none

/// B's name when a comparison forks A: "<A's name> (B)" ("B" for an unnamed A), A's part cut at a character
/// boundary so the whole stays within the format's 200 bytes. Every place that names the sides (the canvas
/// headers, the Compare tab, a saved file's compare_b) then tells them apart.
std::string forkedName(const std::string& aName);

}  // namespace pg::ui
