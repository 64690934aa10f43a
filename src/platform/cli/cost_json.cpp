// costJson: nodes the cost view prices, in scenario order; unpriced nodes are listed by id under not_priced.
#include "cost_json.hpp"

#include <algorithm>

namespace pg::cli {

using nlohmann::ordered_json;

ordered_json costJson(const sim::Engine& e, const cost::CostReport& r) {
    ordered_json j;
    const cost::PriceRow& first = cost::priceTable().front();
    j["region"] = first.region;
    j["prices_checked"] = first.checked;
    j["free_tier"] = r.freeTier;
    ordered_json nodes = ordered_json::object();
    ordered_json notPriced = ordered_json::array();
    for (const cost::NodeCost& n : r.nodes) {
        if (!n.priced) {
            notPriced.push_back(e.node(n.node).id);
            continue;
        }
        ordered_json units = ordered_json::object();
        for (const cost::CostLine& line : n.lines)
            units[cost::priceKeyName(line.key)] = {{"units", line.units}, {"usd", line.usd}};
        nodes[e.node(n.node).id] = {{"usd", n.usd}, {"units", units}};
    }
    j["nodes"] = nodes;
    j["not_priced"] = notPriced;
    j["gross_usd"] = r.grossUsd;
    j["free_tier_usd"] = r.freeTierUsd;
    j["total_usd"] = r.totalUsd;
    j["elapsed_s"] = r.elapsedSeconds;
    j["per_day_usd"] = r.perDayUsd;
    return j;
}

ordered_json costSeriesJson(const cost::CostSeries& series, bool freeTier) {
    // At most kMaxCostPoints points: a long run is sampled every `interval_s` seconds (each point the cost so far
    // at the end of its second).
    constexpr std::size_t kMaxCostPoints = 3600;
    const std::size_t interval = std::max<std::size_t>(1, (series.size() + kMaxCostPoints - 1) / kMaxCostPoints);
    ordered_json usd = ordered_json::array();
    for (std::size_t k = interval - 1; k < series.size(); k += interval) usd.push_back(series.usdAt(k, freeTier));
    return {{"interval_s", interval}, {"usd", usd}};
}

}  // namespace pg::cli
