// ModuloWalk (startBatch's pass for a lone item_modulo rule, the poison rule of sqs_poison): deciding by the
// item's index while the batch's numbers run on from the first must give the outcome of the per-item remainder
// (numericRuleHoldsInWindow) for every item, numbers consecutive or not (docs/scenario-format.md "behavior":
// item_modulo holds when the item's number modulo the divisor is the remainder).
#include <doctest/doctest.h>

#include <limits>
#include <vector>

#include "engine/modulo_walk.hpp"

using namespace pg::sim;

namespace {

NumericRule moduloRule(std::int64_t divisor, std::int64_t remainder) {
    BehaviorRule rule;
    rule.when.itemModulo = divisor;
    rule.when.itemRemainder = remainder;
    rule.then = RuleOutcome::Error;
    return compileNumericRules({rule}).front();
}

}  // namespace

TEST_CASE("numericRuleIsModuloOnly: a modulo alone, no item, rate or attempt bound") {
    CHECK(numericRuleIsModuloOnly(moduloRule(100, 1)));
    NumericRule withRate = moduloRule(100, 1);
    withRate.hasRate = true;  // draws from the generator: per item
    CHECK_FALSE(numericRuleIsModuloOnly(withRate));
    NumericRule withAttempt = moduloRule(100, 1);
    withAttempt.attemptAtMost = 2;
    CHECK_FALSE(numericRuleIsModuloOnly(withAttempt));
    NumericRule withItem = moduloRule(100, 1);
    withItem.hasItem = true;
    CHECK_FALSE(numericRuleIsModuloOnly(withItem));
    CHECK_FALSE(numericRuleIsModuloOnly(moduloRule(0, 0)));  // no modulo: no condition at all
    CHECK_FALSE(numericRuleIsModuloOnly(moduloRule(std::int64_t{1} << 33, 1)));  // too big for fastmod
}

TEST_CASE("ModuloWalk: the per-item remainder's outcome for runs, gaps and wrapping numbers") {
    Rng pick(20261204);
    int held = 0, byIndex = 0;
    const std::uint32_t top = std::numeric_limits<std::uint32_t>::max();
    for (int round = 0; round < 4000; ++round) {
        // (Not 1: its fastmod multiplier wraps to 0, so the rule takes the general pass.)
        const std::int64_t divisors[] = {2, 3, 4, 7, 10, 100, 4294967295};
        const std::int64_t divisor = divisors[pick.next() % 7];
        // Mostly a remainder that can hold; sometimes one that never does (negative, or the divisor or more).
        std::int64_t remainder = static_cast<std::int64_t>(pick.next() % static_cast<std::uint64_t>(divisor));
        if (pick.next() % 8 == 0)
            remainder = pick.next() % 2 ? -1 : divisor + static_cast<std::int64_t>(pick.next() % 3);
        const NumericRule rule = moduloRule(divisor, remainder);
        REQUIRE(numericRuleIsModuloOnly(rule));
        const std::size_t n = 1 + pick.next() % 25;
        // A first number near 0, anywhere, or near 2^32 (numbers that would wrap within the batch).
        const std::uint32_t starts[] = {static_cast<std::uint32_t>(pick.next() % 300),
                                        static_cast<std::uint32_t>(pick.next()),
                                        top - static_cast<std::uint32_t>(pick.next() % 30)};
        std::vector<std::uint32_t> numbers(n);
        numbers[0] = starts[pick.next() % 3];
        for (std::size_t i = 1; i < n; ++i)  // mostly running on, sometimes a jump
            numbers[i] = pick.next() % 6 ? numbers[i - 1] + 1 : static_cast<std::uint32_t>(pick.next() % 1000);
        if (!ModuloWalk::fits(numbers[0], n)) {  // numbers past 2^32 would wrap: rated by remainder instead
            CHECK(numbers[0] > top - n + 1);
            continue;
        }
        ModuloWalk walk(rule, numbers[0]);
        Rng unused(1);
        for (std::size_t i = 0; i < n; ++i) {
            const bool expected = numericRuleHoldsInWindow(rule, 0, numbers[i], 1, unused);
            CHECK(walk.holds(numbers[i], i) == expected);
            held += expected ? 1 : 0;
            byIndex += numbers[i] == numbers[0] + i ? 1 : 0;
        }
    }
    CHECK(held > 2000);  // both outcomes exercised
    CHECK(byIndex > 15000);  // most items numbered base + i (decided by index unless wrapping)
}
