// CostSeries: units per price sampled at whole seconds; priced on demand.
#include "cost_series.hpp"

#include <algorithm>

namespace pg::cost {

void CostSeries::sample(const sim::Engine& engine) {
    const auto done = static_cast<std::size_t>(engine.now() / sim::kSecond);  // seconds completed
    if (m_units.size() > done) m_units.resize(done);  // rewound
    if (m_units.size() == done) return;
    const CostReport report = computeCost(engine);
    m_units.resize(done, report.units);
}

double usdOfUnits(const std::array<double, kPriceKeyCount>& units, bool freeTier) {
    std::array<double, kPriceKeyCount> allowance{};
    for (const PriceRow& row : priceTable()) allowance[static_cast<std::size_t>(row.key)] = row.freeTierPerMonth;
    double usd = 0;
    for (const PriceRow& row : priceTable()) {
        double billable = units[static_cast<std::size_t>(row.key)];
        if (freeTier) {
            const auto pool = static_cast<std::size_t>(freeTierPool(row.key));
            const double used = std::min(billable, allowance[pool]);
            allowance[pool] -= used;
            billable -= used;
        }
        usd += billable * row.perUnit();
    }
    return usd;
}

double CostSeries::usdAt(std::size_t k, bool freeTier) const { return usdOfUnits(m_units[k], freeTier); }

sim::RunSlice runSampled(sim::Engine& engine, sim::SimTime until, const sim::RunBudget& budget, CostSeries& series) {
    sim::RunSlice total;
    for (;;) {
        // The next whole second, or `until`; a run without an end stops at its last event's second.
        sim::SimTime next = (engine.now() / sim::kSecond + 1) * sim::kSecond;
        if (until != sim::kNever) next = std::min(next, until);
        else if (engine.idle()) next = engine.now();
        const sim::RunSlice slice = sim::runSlice(engine, next, budget);
        total.steps += slice.steps;
        total.stop = slice.stop;
        series.sample(engine);
        if (slice.stop != sim::RunStop::Reached || engine.now() >= until || (until == sim::kNever && engine.idle()))
            return total;
    }
}

}  // namespace pg::cost
