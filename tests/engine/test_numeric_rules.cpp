// Compiled behaviour rules (NumericRule): the fast evaluator used for rules without body conditions
// must give the outcome of the general evaluator and draw from the generator exactly when it does, or a run
// would change with the evaluator (docs/scenario-format.md "behavior": first matching rule wins, every present
// condition must hold, `rate` is drawn only when the others hold).
#include <doctest/doctest.h>

#include <map>
#include <string>

#include "engine/function_runtime.hpp"

using namespace pg::sim;

namespace {

// Node ids for item conditions: one with a '#' of its own (an item id is "<node id>#<n>").
const std::vector<std::string> kNodeIds = {"orders", "a#b", "stream"};
const std::map<std::string, std::uint32_t> kNodeIndex = {{"orders", 0}, {"a#b", 1}, {"stream", 2}};
// Ids items have and ids none can have (leading zero, no such node, no number, too big, not a number).
const char* const kItemIds[] = {"orders#3", "orders#0", "stream#12", "a#b#7", "orders#03", "nope#3", "orders#",
                                "orders#4294967296", "stream#1x", "b#7", "#3"};

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
        if (pick.next() % 3 == 0) c.item = kItemIds[pick.next() % (sizeof kItemIds / sizeof kItemIds[0])];
        if (pick.next() % 3 == 0) c.rate = static_cast<double>(pick.next() % 5) / 4.0;
        r.then = outcomes[pick.next() % 4];
    }
    return rules;
}

}  // namespace

TEST_CASE("compiled numeric rules: same outcome and same generator draws as evaluateBehavior") {
    // Item id conditions included: compiled to (origin, number), they must match exactly the items isItemId does.
    Rng pick(20261128);
    std::string scratch;
    int matched = 0, drawn = 0, itemMatched = 0;
    for (int round = 0; round < 3000; ++round) {
        const std::vector<BehaviorRule> rules = randomNumericRules(pick);
        REQUIRE_FALSE(behaviorReadsText(rules));
        const std::vector<NumericRule> compiled = compileNumericRules(rules, kNodeIndex);
        REQUIRE(compiled.size() == rules.size());
        RuleInput in;
        in.origin = static_cast<std::uint32_t>(pick.next() % kNodeIds.size());
        in.originId = &kNodeIds[in.origin];
        const std::uint32_t idNumbers[] = {0, 3, 7, 12};  // the numbers of the ids above, half the time
        in.number = pick.next() % 2 ? idNumbers[pick.next() % 4] : static_cast<std::uint32_t>(pick.next() % 16);
        in.attempt = static_cast<int>(1 + pick.next() % 4);
        in.now = static_cast<SimTime>(pick.next() % 60);
        const std::uint64_t seed = pick.next();
        Rng general(seed), fast(seed);
        std::uint8_t generalRule = 99, fastRule = 99;
        const RuleOutcome expected = evaluateBehavior(rules, in, general, scratch, &generalRule);
        CHECK(evaluateNumericRules(compiled, in, fast, &fastRule) == expected);
        CHECK(fastRule == generalRule);  // the same deciding rule (1-based), 0 when none matched
        if (generalRule > 0) CHECK(rules[generalRule - 1u].then == expected);
        else CHECK(expected == RuleOutcome::Success);
        const std::uint64_t afterGeneral = general.next(), afterFast = fast.next();
        CHECK(afterGeneral == afterFast);  // the same number of draws
        matched += expected != RuleOutcome::Success ? 1 : 0;
        for (const BehaviorRule& r : rules)  // an item condition that held (the rule matched on its id)
            itemMatched += r.when.item && *r.when.item == kNodeIds[in.origin] + "#" + std::to_string(in.number) &&
                                   expected == r.then && expected != RuleOutcome::Success ? 1 : 0;
        drawn += afterGeneral != Rng(seed).next() ? 1 : 0;
    }
    // The random rules exercise both sides: matches and misses, with and without a draw.
    CHECK(matched > 300);
    CHECK(drawn > 100);
    CHECK(itemMatched > 5);
}

TEST_CASE("compiled numeric rules: the item-number remainder equals % for every size of number and modulo") {
    // remainderOf multiplies instead of dividing when the modulo fits 32 bits (Lemire's fastmod); a modulo above
    // that leaves every 32-bit number unchanged. Both must equal the plain remainder.
    Rng pick(7);
    const std::int64_t edges[] = {1, 2, 3, 7, 100, 65535, 65536, 0x7FFFFFFF, 0xFFFFFFFF, 0x100000000, 0x1FFFFFFFF};
    const std::uint32_t numbers[] = {0, 1, 99, 100, 101, 0x7FFFFFFF, 0x80000000, 0xFFFFFFFE, 0xFFFFFFFF};
    auto check = [](std::uint32_t number, std::int64_t modulo) {
        BehaviorRule rule;
        rule.when.itemModulo = modulo;
        rule.then = RuleOutcome::Error;
        const NumericRule compiled = compileNumericRules({rule}).front();
        CHECK(remainderOf(number, compiled) == static_cast<std::int64_t>(number) % modulo);
    };
    for (std::int64_t m : edges)
        for (std::uint32_t n : numbers) check(n, m);
    for (int i = 0; i < 20000; ++i) {
        const std::int64_t modulo = 1 + static_cast<std::int64_t>(pick.next() % (i % 2 ? 1000 : 0x1FFFFFFFF));
        check(static_cast<std::uint32_t>(pick.next()), modulo);
    }
}
