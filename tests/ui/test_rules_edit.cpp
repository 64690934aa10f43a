// The behaviour rules editor's model natively (src/ui/rules_edit.cpp): condition text, quick actions, list
// edits and the notes flagged next to a rule. Semantics: docs/scenario-format.md "Behaviour rules" (first
// matching rule wins; an attempt no rule matches succeeds) and FIDELITY 6.2 (partial batch responses).
#include "engine/engine.hpp"
#include "scenario/scenario_json.hpp"
#include "ui/params.hpp"
#include "ui/rules_edit.hpp"
#include "ui/scenario_edit.hpp"
#include "ui_test_helpers.hpp"

using namespace pg;
using namespace pg::sim;
using namespace pg::ui;
using namespace pg::ui::test;

namespace {

std::vector<BehaviorRule>& rulesOf(Scenario& s, const std::string& id) {
    return s.nodes[static_cast<std::size_t>(nodeAt(s, id))].function.behavior;
}

std::vector<RuleNote> notesOf(const std::vector<RuleNote>& notes, int rule) {
    std::vector<RuleNote> out;
    for (const RuleNote& n : notes)
        if (n.rule == rule) out.push_back(n);
    return out;
}

}  // namespace

TEST_CASE("rules: condition fields read and write as the format's values, and bad text is refused") {
    BehaviorRule r;
    CHECK(setRuleField(r, RuleField::Item, "orders#13").empty());
    CHECK(setRuleField(r, RuleField::AttemptAtMost, "2").empty());
    CHECK(setRuleField(r, RuleField::Rate, "0.25").empty());
    CHECK(setRuleField(r, RuleField::After, "2m").empty());
    CHECK(setRuleField(r, RuleField::ItemModulo, "10/7").empty());
    CHECK(*r.when.item == "orders#13");
    CHECK(*r.when.attemptAtMost == 2);
    CHECK(*r.when.rate == 0.25);
    CHECK(*r.when.after == 2 * kMinute);
    CHECK(*r.when.itemModulo == 10);
    CHECK(r.when.itemRemainder == 7);
    CHECK(ruleFieldText(r, RuleField::After) == "2m");  // the canonical duration text
    CHECK(ruleFieldText(r, RuleField::ItemModulo) == "10/7");

    // The format's ranges (docs/scenario-format.md, `when` table): refused, the condition unchanged.
    CHECK(setRuleField(r, RuleField::AttemptAtMost, "0") == "between 1 and 100000 (attempt numbers start at 1)");
    CHECK(setRuleField(r, RuleField::Rate, "1.5") == "between 0 and 1 (a probability)");
    CHECK(setRuleField(r, RuleField::ItemModulo, "10/10") == "N/R: R between 0 and N - 1");
    CHECK(setRuleField(r, RuleField::Before, "soon").rfind("not a duration", 0) == 0);
    CHECK(*r.when.attemptAtMost == 2);
    CHECK(*r.when.rate == 0.25);
    CHECK(*r.when.itemModulo == 10);
    CHECK_FALSE(r.when.before.has_value());

    // Empty text removes the condition.
    CHECK(setRuleField(r, RuleField::Rate, "").empty());
    CHECK_FALSE(r.when.rate.has_value());
    CHECK(setRuleField(r, RuleField::ItemModulo, "").empty());
    CHECK_FALSE(r.when.itemModulo.has_value());
    CHECK(r.when.itemRemainder == 0);
}

TEST_CASE("rules: quick actions are the lessons' rules, and describe themselves") {
    CHECK(describeRule(failEveryAttempt()) == "every attempt -> error");
    CHECK(describeRule(timeOutEveryAttempt()) == "every attempt -> timeout");
    CHECK(describeRule(failFirstAttempts(2)) == "attempt <= 2 -> error");
    CHECK(describeRule(poisonItem("orders#13")) == "item orders#13 -> error");
    const BehaviorRule tenth = failPercent(10);
    REQUIRE(tenth.when.rate.has_value());
    CHECK(*tenth.when.rate == doctest::Approx(0.1));  // 10 % = a probability of 0.1 per attempt
    CHECK(*failPercent(150).when.rate == 1.0);  // clamped to the format's 0-1
}

TEST_CASE("rules: the first item a poison rule can name comes from a source wired to the function") {
    const Scenario s = loadPreset("sqs_no_redrive");  // orders (20 messages) -> process
    CHECK(firstItemFor(s, "process") == "orders#1");
    CHECK(firstItemFor(s, "orders").empty());
}

TEST_CASE("rules: reorder and remove keep the others in order; bad indices change nothing") {
    std::vector<BehaviorRule> rules = {poisonItem("a#1"), poisonItem("a#2"), poisonItem("a#3")};
    CHECK(moveRule(rules, 2, 0));
    CHECK(*rules[0].when.item == "a#3");
    CHECK(*rules[1].when.item == "a#1");
    CHECK(*rules[2].when.item == "a#2");
    CHECK_FALSE(moveRule(rules, 0, 3));
    CHECK_FALSE(removeRule(rules, -1));
    CHECK(removeRule(rules, 1));
    REQUIRE(rules.size() == 2);
    CHECK(*rules[1].when.item == "a#2");
}

TEST_CASE("rules: a rule after a catch-all never matches, because the first match wins") {
    Scenario s = loadPreset("sqs_no_redrive");
    std::vector<BehaviorRule>& rules = rulesOf(s, "process");
    rules = {failEveryAttempt(), poisonItem("orders#13")};
    std::vector<RuleNote> notes = lintRules(s, "process");
    CHECK(notesOf(notes, 0).empty());
    REQUIRE(notesOf(notes, 1).size() == 1);
    CHECK(notesOf(notes, 1)[0].kind == RuleNoteKind::NeverMatches);
    CHECK(notesOf(notes, 1)[0].text.find("rule 1 (every attempt -> error)") != std::string::npos);

    // A narrower earlier rule shadows nothing: attempt <= 1 does not cover attempt <= 3.
    rules = {failFirstAttempts(1), failFirstAttempts(3)};
    CHECK(lintRules(s, "process").empty());
    // ...but attempt <= 3 covers attempt <= 1.
    rules = {failFirstAttempts(3), failFirstAttempts(1)};
    CHECK(notesOf(lintRules(s, "process"), 1).size() == 1);
    // An earlier rule with a rate below 1 lets some attempts through: the later rule can still match.
    rules = {failPercent(50), poisonItem("orders#13")};
    CHECK(lintRules(s, "process").empty());
    // item_modulo 5/3 covers orders#13 (13 % 5 == 3), and body "order-1" covers body "order-13".
    rules = {BehaviorRule{}, poisonItem("orders#13")};
    REQUIRE(setRuleField(rules[0], RuleField::ItemModulo, "5/3").empty());
    CHECK(notesOf(lintRules(s, "process"), 1).size() == 1);
    rules = {BehaviorRule{}, BehaviorRule{}};
    REQUIRE(setRuleField(rules[0], RuleField::BodyContains, "order-1").empty());
    REQUIRE(setRuleField(rules[1], RuleField::BodyContains, "order-13").empty());
    CHECK(notesOf(lintRules(s, "process"), 1).size() == 1);
}

TEST_CASE("rules: rate 0, a window after the run and an item the source never sends never match") {
    Scenario s = loadPreset("sqs_no_redrive");  // run_for 12m; orders sends 20 messages
    std::vector<BehaviorRule>& rules = rulesOf(s, "process");
    rules = {failPercent(0), BehaviorRule{}, poisonItem("orders#21"), poisonItem("orders#20")};
    REQUIRE(setRuleField(rules[1], RuleField::After, "12m").empty());
    const std::vector<RuleNote> notes = lintRules(s, "process");
    CHECK(notesOf(notes, 0).size() == 1);
    CHECK(notesOf(notes, 1).size() == 1);  // after 12m: no attempt of a 12 min run starts then
    REQUIRE(notesOf(notes, 2).size() == 1);
    CHECK(notesOf(notes, 2)[0].text.find("orders sends only 20 items") != std::string::npos);
    CHECK(notesOf(notes, 3).empty());  // orders#20 is the last message sent
}

TEST_CASE("rules: report_failure is flagged without ReportBatchItemFailures on a mapping (FIDELITY 6.2)") {
    Scenario s = loadPreset("sqs_no_redrive");
    rulesOf(s, "process") = {poisonItem("orders#13")};
    rulesOf(s, "process")[0].then = RuleOutcome::ReportFailure;
    std::vector<RuleNote> notes = lintRules(s, "process");
    REQUIRE(notes.size() == 1);
    CHECK(notes[0].kind == RuleNoteKind::NeedsPartialBatch);
    // With report_batch_item_failures on the SQS mapping the outcome means something: no note.
    REQUIRE(setParam(s, -1, 0, "report_batch_item_failures", "true").empty());
    CHECK(lintRules(s, "process").empty());
    // missing_state needs a stream mapping with a tumbling window (docs: `tumbling_window`).
    rulesOf(s, "process")[0].then = RuleOutcome::MissingState;
    notes = lintRules(s, "process");
    REQUIRE(notes.size() == 1);
    CHECK(notes[0].kind == RuleNoteKind::NeedsWindow);
}

TEST_CASE("rules: edited rules validate, write canonically and read back equal") {
    Scenario s = loadPreset("sqs_no_redrive");
    std::vector<BehaviorRule>& rules = rulesOf(s, "process");
    rules.push_back(failFirstAttempts(2));
    rules.push_back(failPercent(5));
    REQUIRE(setRuleField(rules.back(), RuleField::Before, "5m").empty());
    CHECK(validationError(s).empty());
    const std::string json = scenario::writeScenario(s);
    const scenario::ParseResult back = scenario::parseScenario(json);
    REQUIRE(back.ok());
    CHECK(scenario::writeScenario(back.scenario) == json);
    const auto& read =
        back.scenario.nodes[static_cast<std::size_t>(nodeAt(back.scenario, "process"))].function.behavior;
    REQUIRE(read.size() == 3);
    CHECK(*read[1].when.attemptAtMost == 2);
    CHECK(*read[2].when.before == 5 * kMinute);

    // The validator judges what needs the whole scenario: an item of a node that does not exist.
    rules.push_back(poisonItem("nowhere#1"));
    CHECK(validationError(s).rfind("/nodes/1/behavior/3/when/item: ", 0) == 0);
    // and `before` not later than `after` (docs: must be later than `after`).
    rules.pop_back();
    REQUIRE(setRuleField(rules.back(), RuleField::After, "6m").empty());
    CHECK(validationError(s).rfind("/nodes/1/behavior/2/when/before: must be later than `after`", 0) == 0);
}

TEST_CASE("traffic: template previews expand {n} and {n%K} as the engine does") {
    // docs/scenario-format.md "Templates": {n} is the item number; in group and partition_key, {n%K} is n mod K.
    const std::vector<std::string> body = templatePreview("traffic.body", "order-{n}", 3);
    CHECK(body == std::vector<std::string>{"#1 order-1", "#2 order-2", "#3 order-3"});
    CHECK(templatePreview("traffic.group", "customer-{n%3}", 4) ==
          std::vector<std::string>{"#1 customer-1", "#2 customer-2", "#3 customer-0", "#4 customer-1"});
    // Bodies know only {n}: {n%3} stays literal there.
    CHECK(templatePreview("traffic.body", "{n%3}", 1) == std::vector<std::string>{"#1 {n%3}"});
    // No partition key template: the record number is the key (docs: "empty: the item number").
    CHECK(templatePreview("traffic.partition_key", "", 2) == std::vector<std::string>{"#1 1", "#2 2"});
    CHECK(templatePreview("traffic.group", "", 2).empty());
    CHECK(templatePreview("timeout", "3s", 2).empty());
}
