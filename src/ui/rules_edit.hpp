// The behaviour rules editor's model (docs/scenario-format.md "Behaviour rules"): a rule's conditions as text
// fields, quick-action rules, list edits and the notes flagged next to a rule. Draws nothing (pg_ui_model).
#pragma once
#include <string>
#include <vector>

#include "engine/scenario_config.hpp"

namespace pg::ui {

/// The conditions of a rule (`when`), in the format's order; ItemModulo's text is "N" or "N/R" (divisor N,
/// remainder R, default 0).
enum class RuleField { Item, BodyContains, AttemptAtMost, Rate, After, Before, ItemModulo };

struct RuleFieldInfo {
    RuleField field;
    const char* key;  ///< the format's key under `when`
    const char* hint;  ///< what an empty field means / an example
    const char* help;  ///< one line: what the condition tests
};
const std::vector<RuleFieldInfo>& ruleFields();

/// The condition as text ("" when the rule has no such condition).
std::string ruleFieldText(const sim::BehaviorRule& rule, RuleField field);
/// Sets or (with "") removes a condition; returns "" or why the text is not a value of that condition (ranges
/// that need the whole scenario, such as an item's source, are the validator's).
std::string setRuleField(sim::BehaviorRule& rule, RuleField field, const std::string& text);

/// The outcomes (`then`) in the format's spelling, in the order the editor offers them.
const std::vector<sim::RuleOutcome>& ruleOutcomes();
const char* ruleOutcomeName(sim::RuleOutcome outcome);
const char* ruleOutcomeHelp(sim::RuleOutcome outcome);

/// One line: "item orders#13, attempt <= 2 -> error"; "every attempt -> error" without conditions.
std::string describeRule(const sim::BehaviorRule& rule);

// Quick actions: the common lessons as one rule each.
sim::BehaviorRule failEveryAttempt();
sim::BehaviorRule failFirstAttempts(int attempts);
sim::BehaviorRule poisonItem(const std::string& itemId);
sim::BehaviorRule failPercent(double percent);  ///< rate = percent / 100
sim::BehaviorRule timeOutEveryAttempt();

/// The first item id a rule could name for `functionId`: "<source>#1" of a source wired to it (directly or
/// through a queue or stream); "" when nothing feeds the function.
std::string firstItemFor(const sim::Scenario& scenario, const std::string& functionId);

// List edits; out-of-range indices leave the list unchanged and return false.
bool moveRule(std::vector<sim::BehaviorRule>& rules, int from, int to);
bool removeRule(std::vector<sim::BehaviorRule>& rules, int index);

enum class RuleNoteKind {
    NeverMatches,  ///< shadowed by an earlier rule, rate 0, or a time window outside the run
    NeedsPartialBatch,  ///< report_failure / invalid_batch_response without ReportBatchItemFailures on a mapping
    NeedsWindow,  ///< missing_state without a tumbling window
};
struct RuleNote {
    int rule = 0;
    RuleNoteKind kind = RuleNoteKind::NeverMatches;
    std::string text;
};
/// What to flag next to each rule of function `functionId`.
std::vector<RuleNote> lintRules(const sim::Scenario& scenario, const std::string& functionId);

}  // namespace pg::ui
