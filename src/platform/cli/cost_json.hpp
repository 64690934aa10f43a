// The summary's `cost` object (docs/cost.md): the price table's region and date, per node cost with its
// priced units, the total, the free tier and the per-day projection.
#pragma once
#include <nlohmann/json.hpp>

#include "cost/cost_model.hpp"
#include "cost/cost_series.hpp"

namespace pg::cli {

nlohmann::ordered_json costJson(const sim::Engine& engine, const cost::CostReport& report);

/// cost.series: {"interval_s": N, "usd": [cost so far at the end of second N-1, 2N-1, ...]} (at most 3,600).
nlohmann::ordered_json costSeriesJson(const cost::CostSeries& series, bool freeTier);

}  // namespace pg::cli
