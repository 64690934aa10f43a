// The cost series: the run's cost at the end of each whole second of virtual time (the metrics tab, the summary
// JSON). It keeps each price's units, cumulative, so the free tier switch reprices it without a rerun.
// Read-only: sampling never changes the run.
#pragma once
#include <array>
#include <vector>

#include "cost/cost_model.hpp"
#include "engine/run_budget.hpp"

namespace pg::cost {

class CostSeries {
public:
    /// Forget every sample (a new engine, a rewind).
    void clear() { m_units.clear(); }
    /// Records the cost of every whole second the engine has completed since the last call, from its counters
    /// now: second k (virtual time [k s, k+1 s)) is due once now() >= (k+1) s. Exact when the caller stops the
    /// engine at every whole second (runSampled); a caller that jumps several seconds at once (the page at high
    /// speed) gives those seconds the value at the end of the jump. Drops seconds past now() (after a rewind).
    void sample(const sim::Engine& engine);
    /// Seconds sampled.
    std::size_t size() const { return m_units.size(); }
    /// The cost so far at the end of second k: gross, or with the monthly free tier taken from the run.
    double usdAt(std::size_t k, bool freeTier) const;
    /// The units of each price so far at the end of second k.
    const std::array<double, kPriceKeyCount>& unitsAt(std::size_t k) const { return m_units[k]; }

private:
    std::vector<std::array<double, kPriceKeyCount>> m_units;
};

/// The run's cost from its units per price, with the monthly free tier taken from it when `freeTier`
/// (computeCost's rule: a shared allowance goes to the pool's first row first).
double usdOfUnits(const std::array<double, kPriceKeyCount>& units, bool freeTier);

/// runSlice(engine, until, budget), stopping at every whole second to sample `series` (the command line's
/// summary). The same run as one slice: where a run stops never changes its events.
sim::RunSlice runSampled(sim::Engine& engine, sim::SimTime until, const sim::RunBudget& budget, CostSeries& series);

}  // namespace pg::cost
