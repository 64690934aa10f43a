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
    void clear() {
        m_runs.clear();
        m_size = 0;
    }
    /// Records the cost of every whole second the engine has completed since the last call, from its counters
    /// now: second k (virtual time [k s, k+1 s)) is due once now() >= (k+1) s. Exact when the caller stops the
    /// engine at every whole second with an event in it (runSampled); a caller that jumps several seconds at
    /// once (the page at high speed) gives those seconds the counters at the end of the jump (shard-hours, which
    /// grow with the clock alone, are still each second's own). Drops seconds past now() (after a rewind).
    void sample(const sim::Engine& engine);
    /// Seconds sampled.
    std::size_t size() const { return m_size; }
    /// The cost so far at the end of second k: gross, or with the monthly free tier taken from the run.
    double usdAt(std::size_t k, bool freeTier) const;
    /// The units of each price so far at the end of second k.
    std::array<double, kPriceKeyCount> unitsAt(std::size_t k) const;

private:
    /// Seconds from `first` on whose counters are the same: a run of a day that ends after a few minutes of
    /// events is a few hundred of these, not 86,400 copies of the last one.
    struct Run {
        std::size_t first = 0;
        std::array<double, kPriceKeyCount> units{};  ///< shard-hours left out: unitsAt computes them per second
    };
    std::vector<Run> m_runs;
    std::size_t m_size = 0;
    std::vector<std::int64_t> m_streamShards;  ///< each Kinesis node's shards, in node order (computeCost's order)
};

/// The run's cost from its units per price, with the monthly free tier taken from it when `freeTier`
/// (computeCost's rule: a shared allowance goes to the pool's first row first).
double usdOfUnits(const std::array<double, kPriceKeyCount>& units, bool freeTier);

/// runSlice(engine, until, budget), stopping at every whole second to sample `series` (the command line's
/// summary); seconds without an event are crossed in one jump. The same run as one slice: where a run stops
/// never changes its events.
sim::RunSlice runSampled(sim::Engine& engine, sim::SimTime until, const sim::RunBudget& budget, CostSeries& series);

}  // namespace pg::cost
