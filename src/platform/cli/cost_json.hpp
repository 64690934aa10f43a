// The summary's `cost` object (docs/cost.md): the price table's region and date, per node cost with its
// priced units, the total, the free tier and the per-day projection.
#pragma once
#include <nlohmann/json.hpp>

#include "cost/cost_model.hpp"

namespace pg::cli {

nlohmann::ordered_json costJson(const sim::Engine& engine, const cost::CostReport& report);

}  // namespace pg::cli
