// Inspector cost section: read-only, from cost::computeCost (docs/cost.md).
#include "inspector_cost.hpp"

#include <imgui.h>

#include <string>

#include "compare/run_compare.hpp"
#include "cost/cost_model.hpp"

namespace pg::ui {

namespace {
std::string formatUnits(double units) {
    char text[32];
    if (units == static_cast<double>(static_cast<long long>(units))) std::snprintf(text, sizeof text, "%lld", static_cast<long long>(units));
    else std::snprintf(text, sizeof text, "%.6g", units);
    return text;
}
}  // namespace

void drawNodeCost(FrameContext& ctx, int node) {
    const sim::Engine& e = ctx.engine;
    if (node < 0 || static_cast<std::uint32_t>(node) >= e.nodeCount()) return;
    if (!ImGui::CollapsingHeader("Cost", ImGuiTreeNodeFlags_DefaultOpen)) return;
    cost::CostOptions options;
    options.freeTier = ctx.ui.costFreeTier;
    const cost::CostReport report = cost::computeCost(e, options);
    const cost::NodeCost& n = report.nodes[static_cast<std::size_t>(node)];
    const double dayScale = report.elapsedSeconds > 0 ? 86400.0 / report.elapsedSeconds : 0;
    if (n.priced) {
        ImGui::Text("This node so far: %s", compare::formatUsd(n.usd).c_str());
        ImGui::SameLine();
        ImGui::TextDisabled("(%s per day at this rate)", compare::formatUsd(n.usd * dayScale).c_str());
        if (ImGui::BeginTable("cost", 3, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp)) {
            ImGui::TableSetupColumn("priced unit");
            ImGui::TableSetupColumn("units");
            ImGui::TableSetupColumn("USD");
            ImGui::TableHeadersRow();
            for (const cost::CostLine& line : n.lines) {
                const cost::PriceRow& row = cost::priceRow(line.key);
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(row.unit);
                if (ImGui::IsItemHovered())
                    ImGui::SetTooltip("%s %s: $%.10g per %s (%s, checked %s)\n%s\n%s", row.service, row.unit, row.usd,
                                      formatUnits(row.per).c_str(), row.region, row.checked, row.url, row.note);
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(formatUnits(line.units).c_str());
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(compare::formatUsd(line.usd).c_str());
            }
            ImGui::EndTable();
        }
    } else {
        ImGui::TextWrapped("Not priced: the cost view does not price this node type (see the list below).");
    }
    ImGui::Text("Run total: %s", compare::formatUsd(report.totalUsd).c_str());
    ImGui::SameLine();
    ImGui::TextDisabled("(%s per day at this rate)", compare::formatUsd(report.perDayUsd).c_str());
    ImGui::Checkbox("Free tier", &ctx.ui.costFreeTier);
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("Subtract the monthly free tier, as if this run were the month's first usage (off by "
                          "default). Also in the View menu.");
    const cost::PriceRow& first = cost::priceTable().front();
    ImGui::TextDisabled("%s prices, first tier, checked %s (docs/cost.md)", first.region, first.checked);
    if (ImGui::TreeNode("Not priced")) {
        for (const char* line : cost::notPriced()) {
            ImGui::Bullet();
            ImGui::TextWrapped("%s", line);
        }
        ImGui::TreePop();
    }
}

}  // namespace pg::ui
