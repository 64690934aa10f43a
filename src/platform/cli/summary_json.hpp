// The runner's `--summary` JSON (issue 3 contract): scenario, seed, ended_at_s, events, nodes {counters},
// outcomes, cost {...} (docs/cost.md), items [...]; destination/DLQ nodes carry their first received records in
// AWS's delivered shape; a queue or stream with several mappings lists each mapping's outcomes (`mappings`).
#pragma once
#include <cstddef>
#include <string>

#include "cost/cost_series.hpp"
#include "engine/engine.hpp"

namespace pg::cli {

struct SummaryOptions {
    bool items = true;              ///< false: leave `items` out (--no-items)
    std::size_t recordsPerNode = 10;  ///< first N delivered records per destination/DLQ node
    int indent = 2;
    bool freeTier = false;          ///< the cost object subtracts the monthly free tier (--free-tier)
    /// The run's cost per second (cost.series); null: left out.
    const cost::CostSeries* costSeries = nullptr;
};

std::string summaryJson(const sim::Engine& engine, const SummaryOptions& options);

/// True if a stream or queue has several event source mappings (edges to different functions): the summary
/// then lists each mapping's item outcomes, read from the items, so the runner keeps finished items.
bool hasSeveralMappings(const sim::Scenario& scenario);

}  // namespace pg::cli
