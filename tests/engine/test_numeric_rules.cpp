// Compiled behaviour rules (NumericRule): the fast evaluator used for rules without item or body conditions
// must give the outcome of the general evaluator and draw from the generator exactly when it does, or a run
// would change with the evaluator (docs/scenario-format.md "behavior": first matching rule wins, every present
// condition must hold, `rate` is drawn only when the others hold).
#include <doctest/doctest.h>

#include "engine/function_runtime.hpp"

using namespace pg::sim;

namespace {

std::vector<BehaviorRule> randomNumericRules(Rng& pick) {
    std::vector<BehaviorRule> rules(1 + pick.next() % 4);
    const RuleOutcome outcomes[] = {RuleOutcome::Error, RuleOutcome::Timeout, RuleOutcome::Success,
                                    RuleOutcome::ReportFailure};
    for (BehaviorRule& r : rules) {
        RuleCondition& c = r.when;
        if (pick.next() % 2) c.attemptAtMost = static_cast<int>(pick.next() % 4);
        if (pick.next() % 3 == 0) c.after = static_cast<SimTime>(pick.next() % 50);
        if (pick.next() % 3 == 0) c.before = static_cast<SimTime>(pick.next() % 50);
        if (pick.next() % 2) {
            c.itemModulo = static_cast<std::int64_t>(pick.next() % 7) - 1;  // -1 and 0: no condition
            c.itemRemainder = static_cast<std::int64_t>(pick.next() % 5);
        }
        if (pick.next() % 3 == 0) c.rate = static_cast<double>(pick.next() % 5) / 4.0;
        r.then = outcomes[pick.next() % 4];
    }
    return rules;
}

}  // namespace

TEST_CASE("compiled numeric rules: same outcome and same generator draws as evaluateBehavior") {
    Rng pick(20261128);
    std::string scratch;
    int matched = 0, drawn = 0;
    for (int round = 0; round < 3000; ++round) {
        const std::vector<BehaviorRule> rules = randomNumericRules(pick);
        REQUIRE_FALSE(behaviorReadsText(rules));
        const std::vector<NumericRule> compiled = compileNumericRules(rules);
        REQUIRE(compiled.size() == rules.size());
        RuleInput in;
        in.number = static_cast<std::uint32_t>(pick.next() % 40);
        in.attempt = static_cast<int>(1 + pick.next() % 4);
        in.now = static_cast<SimTime>(pick.next() % 60);
        const std::uint64_t seed = pick.next();
        Rng general(seed), fast(seed);
        const RuleOutcome expected = evaluateBehavior(rules, in, general, scratch);
        CHECK(evaluateNumericRules(compiled, in, fast) == expected);
        const std::uint64_t afterGeneral = general.next(), afterFast = fast.next();
        CHECK(afterGeneral == afterFast);  // the same number of draws
        matched += expected != RuleOutcome::Success ? 1 : 0;
        drawn += afterGeneral != Rng(seed).next() ? 1 : 0;
    }
    // The random rules exercise both sides: matches and misses, with and without a draw.
    CHECK(matched > 300);
    CHECK(drawn > 100);
}
