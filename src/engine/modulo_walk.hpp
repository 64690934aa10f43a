// A batch rated against one compiled rule whose only per-item condition is an item modulo (startBatch): the
// items of a batch received from one run mostly carry consecutive numbers, so whether the rule holds follows
// from the first number's remainder, without a remainder per item.
#pragma once
#include <cstddef>
#include <cstdint>
#include <limits>

#include "function_runtime.hpp"

namespace pg::sim {

/// Whether `r` holds for an item by its number's remainder alone: no item id, no rate (no draw), no attempt
/// bound; a modulo that fits 32 bits. Its time window is left to the caller (one test per batch).
inline bool numericRuleIsModuloOnly(const NumericRule& r) {
    return !r.hasItem && !r.hasRate && r.attemptAtMost == std::numeric_limits<int>::max() && r.modulo > 0 &&
           r.moduloMagic != 0;
}

/// numericRuleHoldsInWindow for a modulo-only rule (numericRuleIsModuloOnly), item i of a batch carrying
/// number `number`, asked for i = 0, 1, 2, ... in order: an item numbered base + i (base: item 0's number) is
/// decided by its index, any other by its remainder.
class ModuloWalk {
public:
    /// Whether the numbers base .. base + n - 1 can run on: past 2^32 they wrap and their remainders do not
    /// (then the caller rates each item by its remainder).
    static bool fits(std::uint32_t base, std::size_t n) {
        return n == 0 || base <= std::numeric_limits<std::uint32_t>::max() - (n - 1);
    }
    /// For a batch of `n` items, item 0 numbered `base` (fits(base, n)).
    ModuloWalk(const NumericRule& rule, std::uint32_t base) : m_rule(rule), m_base(base) {
        const auto modulo = static_cast<std::uint64_t>(rule.modulo);
        if (rule.remainder < 0 || static_cast<std::uint64_t>(rule.remainder) >= modulo) return;  // never holds
        const auto first = static_cast<std::uint64_t>(remainderOf(base, rule));
        m_next = (static_cast<std::uint64_t>(rule.remainder) + modulo - first) % modulo;
    }
    bool holds(std::uint32_t number, std::size_t i) {
        if (number == m_base + static_cast<std::uint32_t>(i)) {
            if (i != m_next) return false;
            m_next += static_cast<std::uint64_t>(m_rule.modulo);
            return true;
        }
        if (i == m_next) m_next += static_cast<std::uint64_t>(m_rule.modulo);  // keeps m_next the next index due
        return remainderOf(number, m_rule) == m_rule.remainder;
    }

private:
    const NumericRule& m_rule;
    std::uint32_t m_base;
    /// The next index whose number base + index holds (64 bits: a modulo may be up to 2^32 - 1 in wasm too).
    std::uint64_t m_next = std::numeric_limits<std::uint64_t>::max();
};

}  // namespace pg::sim
