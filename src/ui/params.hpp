// The inspector's parameter table: every setting of a node, an edge or the scenario, with its documented
// default and range, a short explanation and its provenance (FIDELITY.md source key or model-choice topic).
// Values cross as text ("30s", "5", "true", a node id); the scenario reader remains the judge of validity.
#pragma once
#include <string>
#include <vector>

#include "engine/scenario_config.hpp"

namespace pg::ui {

enum class ParamKind { Duration, Int, OptionalInt, Double, Bool, Text, NodeRef, Choice };

struct ParamInfo {
    const char* key;          ///< scenario-format spelling, e.g. "visibility_timeout", "async.max_retry_attempts"
    const char* label;
    ParamKind kind;
    const char* defaultText;  ///< documented default
    const char* rangeText;
    const char* help;         ///< one or two sentences
    bool documented;          ///< false: a model choice or a scenario input
    const char* source;       ///< FIDELITY source key, or model-choice topic
    const char* choices;      ///< Choice: "a|b|c"
};

/// Parameters of a node (node >= 0), an edge (edge >= 0) or, with neither, the scenario.
std::vector<const ParamInfo*> paramsOf(const sim::Scenario& scenario, int node, int edge);
std::string getParam(const sim::Scenario& scenario, int node, int edge, const std::string& key);
/// Writes `value` into `scenario`; returns "" or why the text is not a value of that kind (not range checks:
/// those come from the validator on the whole candidate).
std::string setParam(sim::Scenario& scenario, int node, int edge, const std::string& key, const std::string& value);

}  // namespace pg::ui
