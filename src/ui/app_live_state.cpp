// App: the state JSON's live part (issue 17), for the browser tests and the page's JS: the cost as the page
// shows it (labels on the canvas, free tier, total, per day, the series), the invariants' status and the
// payloads delivered about the selected item.
#include <nlohmann/json.hpp>

#include "app.hpp"
#include "compare/run_compare.hpp"
#include "cost/cost_model.hpp"
#include "delivered_payloads.hpp"

namespace pg::ui {

using namespace sim;

void App::liveStateJson(nlohmann::json& s) const {
    const Engine& e = *m_engine;
    cost::CostOptions options;
    options.freeTier = m_ui.costFreeTier;
    const cost::CostReport report = cost::computeCost(e, options);
    nlohmann::json c;
    c["free_tier"] = m_ui.costFreeTier;
    c["on_canvas"] = m_ui.costOnCanvas;
    c["gross_usd"] = report.grossUsd;
    c["total_usd"] = report.totalUsd;
    c["per_day_usd"] = report.perDayUsd;
    nlohmann::json labels = nlohmann::json::object();  // what the canvas shows above each priced node
    nlohmann::json nodes = nlohmann::json::object();
    for (const cost::NodeCost& n : report.nodes) {
        if (!n.priced) continue;
        nodes[e.node(n.node).id] = n.usd;
        if (m_ui.costOnCanvas) labels[e.node(n.node).id] = compare::formatUsd(n.usd);
    }
    c["nodes_usd"] = nodes;
    c["labels"] = labels;
    nlohmann::json series = nlohmann::json::array();
    const cost::CostSeries& cs = m_live.costSeries();
    for (std::size_t k = 0; k < cs.size(); ++k) series.push_back(cs.usdAt(k, m_ui.costFreeTier));
    c["series_usd"] = series;
    s["cost"] = c;
    nlohmann::json inv;
    inv["checked"] = m_live.checked();
    inv["step"] = m_live.checked() ? m_live.checkedStep() : 0;
    inv["problems"] = m_live.problems();
    s["invariants"] = inv;
    nlohmann::json payloads = nlohmann::json::array();
    if (m_ui.selectedItem != kNone && m_ui.selectedItem < e.items().size())
        for (const DeliveredPayload& p : deliveredPayloads(e, m_ui.selectedItem))
            payloads.push_back({{"node", p.node}, {"what", p.what}, {"json", p.json}});
    s["journey_payloads"] = payloads;
}

}  // namespace pg::ui
