// CostSeries: units per price sampled at whole seconds; priced on demand.
#include "cost_series.hpp"

#include <algorithm>
#include <iterator>

namespace pg::cost {

namespace {
constexpr auto kShardHour = static_cast<std::size_t>(PriceKey::KinesisShardHour);
}  // namespace

void CostSeries::sample(const sim::Engine& engine) {
    const auto done = static_cast<std::size_t>(engine.now() / sim::kSecond);  // seconds completed
    if (m_size > done) {  // rewound
        while (!m_runs.empty() && m_runs.back().first >= done) m_runs.pop_back();
        m_size = done;
    }
    if (m_size == done) return;
    m_streamShards.clear();
    for (std::uint32_t i = 0; i < engine.nodeCount(); ++i)
        if (engine.node(i).type == sim::NodeType::Kinesis) m_streamShards.push_back(engine.node(i).stream.shards);
    std::array<double, kPriceKeyCount> units = computeCost(engine).units;
    units[kShardHour] = 0;
    if (m_runs.empty() || m_runs.back().units != units) m_runs.push_back({m_size, units});
    m_size = done;
}

std::array<double, kPriceKeyCount> CostSeries::unitsAt(std::size_t k) const {
    const auto after = std::upper_bound(m_runs.begin(), m_runs.end(), k,
                                        [](std::size_t second, const Run& run) { return second < run.first; });
    std::array<double, kPriceKeyCount> units = std::prev(after)->units;
    // computeCost's sum at the end of second k, node by node: the clock then is exactly (k + 1) s.
    const double elapsed = sim::toSeconds(static_cast<sim::SimTime>(k + 1) * sim::kSecond);
    for (const std::int64_t shards : m_streamShards) units[kShardHour] += shardHours(shards, elapsed);
    return units;
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

double CostSeries::usdAt(std::size_t k, bool freeTier) const { return usdOfUnits(unitsAt(k), freeTier); }

sim::RunSlice runSampled(sim::Engine& engine, sim::SimTime until, const sim::RunBudget& budget, CostSeries& series) {
    sim::RunSlice total;
    for (;;) {
        // The next whole second, or `until`; a run without an end stops at its last event's second.
        sim::SimTime next = (engine.now() / sim::kSecond + 1) * sim::kSecond;
        // No event before a later whole second: only the clock moves until then, so cross those seconds at once.
        if (!engine.idle()) next = std::max(next, engine.nextEventTime() / sim::kSecond * sim::kSecond);
        else if (until != sim::kNever) next = until;
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
