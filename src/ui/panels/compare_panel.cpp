// Compare tab (compare_panel.hpp). Rows come from compare::diffRuns in its order; money is shown as dollars,
// latency in seconds, counts as integers. A row that differs has its difference coloured (lower is green for
// money, losses and latency; other counts are neutral amber: more invocations is not better or worse by itself).
#include "compare_panel.hpp"

#include <imgui.h>

#include <cmath>
#include <cstdio>

namespace pg::ui {

namespace {

bool isMoney(const compare::DiffRow& r) { return r.group == "cost" || r.group == "total"; }

std::string cell(const compare::DiffRow& r, const std::optional<double>& v, bool signedValue) {
    if (!v) return "-";
    if (isMoney(r)) {
        const std::string usd = compare::formatUsd(*v);
        return signedValue && *v > 0 ? "+" + usd : usd;
    }
    char text[48];
    if (r.group == "latency") std::snprintf(text, sizeof text, signedValue ? "%+.3f s" : "%.3f s", *v);
    else std::snprintf(text, sizeof text, signedValue ? "%+.0f" : "%.0f", *v);
    return text;
}

std::string label(const compare::DiffRow& r) {
    if (r.group == "node") return r.node + "  " + r.field;
    if (r.group == "cost") return r.node + "  cost";
    if (r.group == "total") return r.field == "usd" ? "total cost" : "total cost per day";
    if (r.group == "lost") return "items lost (expired or dropped)";
    return r.group + "  " + r.field;
}

/// Lower is better for money, losses, latency and failure outcomes.
bool lowerIsBetter(const compare::DiffRow& r) {
    return isMoney(r) || r.group == "lost" || r.group == "latency" ||
           (r.group == "outcomes" && (r.field == "expired" || r.field == "dropped"));
}

}  // namespace

void ComparePanel::draw(const compare::RunDiff& diff, const scenario::ScenarioDelta& delta, const std::string& nameA,
                        const std::string& nameB) {
    ImGui::TextColored(ImVec4(1.0f, 0.75f, 0.3f, 1.0f), "%s", diff.summary.c_str());
    ImGui::SameLine();
    ImGui::Checkbox("only differences", &m_onlyDifferences);
    ImGui::TextDisabled("A: %s    B: %s    %zu setting%s differ%s (outlined in amber on the canvas)", nameA.c_str(),
                        nameB.c_str(), delta.settings.size(), delta.settings.size() == 1 ? "" : "s",
                        delta.settings.size() == 1 ? "s" : "");
    if (!delta.settings.empty() && ImGui::IsItemHovered()) {
        std::string list;
        for (const std::string& s : delta.settings) list += s + "\n";
        ImGui::SetTooltip("%s", list.c_str());
    }
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_ScrollY |
                                  ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable("##diff", 4, flags, ImGui::GetContentRegionAvail())) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthStretch, 3.0f);
    ImGui::TableSetupColumn("A", ImGuiTableColumnFlags_WidthStretch, 1.0f);
    ImGui::TableSetupColumn("B", ImGuiTableColumnFlags_WidthStretch, 1.0f);
    ImGui::TableSetupColumn("B - A", ImGuiTableColumnFlags_WidthStretch, 1.0f);
    ImGui::TableHeadersRow();
    for (const compare::DiffRow& r : diff.rows) {
        if (m_onlyDifferences && !r.differs()) continue;
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(label(r).c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(cell(r, r.a, false).c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(cell(r, r.b, false).c_str());
        ImGui::TableNextColumn();
        const std::optional<double> d = r.difference();
        if (!d || *d == 0) {
            ImGui::TextDisabled("%s", r.differs() ? "(one side)" : "same");
            continue;
        }
        ImVec4 colour(1.0f, 0.75f, 0.3f, 1.0f);
        if (lowerIsBetter(r)) colour = *d < 0 ? ImVec4(0.45f, 0.85f, 0.5f, 1) : ImVec4(1, 0.45f, 0.4f, 1);
        ImGui::TextColored(colour, "%s", cell(r, d, true).c_str());
    }
    ImGui::EndTable();
}

}  // namespace pg::ui
