// The format's spelling of a behaviour rule's outcome ("report_failure"): written by the scenario writer, the
// command-line trace and the page's rules editor, so the three never disagree.
#pragma once
#include "engine/scenario_config.hpp"

namespace pg::scenario {

/// "success", "error", "timeout", "report_failure", "invalid_batch_response" or "missing_state".
const char* ruleOutcomeKey(sim::RuleOutcome outcome);

}  // namespace pg::scenario
