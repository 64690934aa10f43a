#include "log_panel.hpp"

#include <imgui.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <string>

#include "ui/rules_edit.hpp"
#include "ui/ui_text.hpp"

namespace pg::ui {

using namespace sim;

namespace {
bool isFailure(const TraceRecord& r) {
    switch (r.kind) {
    case TraceKind::InvokeEnd: return r.outcome != static_cast<std::uint8_t>(InvokeResult::Success);
    case TraceKind::Throttled: case TraceKind::RetryScheduled: case TraceKind::FailureHandled:
    case TraceKind::IntegrationTimeout: case TraceKind::ReturnedVisible: return true;
    case TraceKind::Response: return r.detail >= 400;
    default: return false;
    }
}

std::string detailText(const Engine& e, const TraceRecord& r) {
    switch (r.kind) {
    case TraceKind::InvokeStart: {  // "warm; rule 1: item orders#13 -> error" (the rule that decided)
        const unsigned rule = invokeStartRule(r);
        std::string text = invokeStartCold(r) ? "cold" : "warm";
        if (rule > 0 && r.node < e.nodeCount() && rule <= e.scenario().nodes[r.node].function.behavior.size())
            text += "; rule " + std::to_string(rule) + ": " +
                    describeRule(e.scenario().nodes[r.node].function.behavior[rule - 1]);
        return text;
    }
    case TraceKind::InvokeEnd: return invokeResultName(static_cast<InvokeResult>(r.outcome));
    case TraceKind::Throttled: return throttleReasonName(static_cast<ThrottleReason>(r.detail));
    case TraceKind::Response: return std::to_string(r.detail);
    case TraceKind::RetryScheduled: return "wait " + std::to_string(r.detail) + " s";
    case TraceKind::FailureHandled: case TraceKind::Delivered: return conditionName(static_cast<Condition>(r.detail));
    case TraceKind::Finished: return itemOutcomeName(static_cast<ItemOutcome>(r.outcome));
    case TraceKind::BatchRead: return "shard " + std::to_string(r.detail);
    default: return r.detail ? std::to_string(r.detail) : std::string();
    }
}

std::string rowText(const Engine& e, std::uint32_t index, const TraceRecord& r) {
    const std::string node = r.node < e.nodeCount() ? e.scenario().nodes[r.node].id : "";
    return std::to_string(index) + "\t" + formatClock(r.time) + "\t" + traceKindName(r.kind) + "\t" + node + "\t" +
           (r.item != kNone ? e.itemId(r.item) : "") + "\t" + std::to_string(r.attempt) + "\t" + detailText(e, r);
}
}  // namespace

void LogPanel::compileFilter(const Engine& e) {
    m_kindMatch.assign(256, 0);  // every TraceKind value (a uint8_t)
    for (std::size_t k = 0; k < m_kindMatch.size(); ++k)
        m_kindMatch[k] = !m_filter[0] || std::strstr(traceKindName(static_cast<TraceKind>(k)), m_filter) != nullptr;
    m_nodeMatch.assign(e.nodeCount(), 0);
    for (std::size_t n = 0; n < e.nodeCount(); ++n)
        m_nodeMatch[n] = m_filter[0] && e.scenario().nodes[n].id.find(m_filter) != std::string::npos;
    // "orders#13": the item with that origin and number (ids are "<origin id>#<number>")
    m_itemOrigin = kNone;
    const char* hash = std::strrchr(m_filter, '#');
    if (hash && hash[1]) {
        char* end = nullptr;
        const unsigned long number = std::strtoul(hash + 1, &end, 10);
        if (end && !*end && number <= UINT32_MAX) {
            m_itemOrigin = e.nodeIndex(std::string(m_filter, static_cast<std::size_t>(hash - m_filter)));
            m_itemNumber = static_cast<std::uint32_t>(number);
        }
    }
}

bool LogPanel::matches(const Engine& e, const TraceRecord& r) const {
    if (m_failuresOnly && !isFailure(r)) return false;
    if (static_cast<std::size_t>(r.kind) < m_kindMatch.size() && m_kindMatch[static_cast<std::size_t>(r.kind)]) return true;
    if (r.node < m_nodeMatch.size() && m_nodeMatch[r.node]) return true;
    if (m_itemOrigin == kNone || r.item == kNone || r.item >= e.items().size()) return false;
    const Item& it = e.items()[r.item];
    return it.number == m_itemNumber && it.origin == m_itemOrigin;
}

void LogPanel::draw(FrameContext& ctx) {
    const Engine& e = ctx.engine;
    const auto& recs = e.trace().records();
    ImGui::SetNextItemWidth(220);
    if (ImGui::InputTextWithHint("##filter", "filter: node, kind or item#n", m_filter, sizeof m_filter)) m_dirty = true;
    ImGui::SameLine();
    if (ImGui::Checkbox("failures only", &m_failuresOnly)) m_dirty = true;
    ImGui::SameLine();
    ImGui::Checkbox("follow", &m_followTail);
    ImGui::SameLine();
    const bool copy = ImGui::SmallButton("Copy as text");
    // Extend (or rebuild after a filter change / rewind) the filtered index.
    if (m_dirty || ctx.ui.engineBuild != m_build || recs.size() < m_scanned || (m_scanned > 0 && recs[m_scanned - 1].time != m_lastTime)) {
        m_rows.clear();
        m_scanned = 0;
        m_dirty = false;
        m_build = ctx.ui.engineBuild;
        compileFilter(e);
    }
    const std::size_t scanEnd = std::min(recs.size(), m_scanned + kScanPerFrame);
    for (; m_scanned < scanEnd; ++m_scanned)
        if (matches(e, recs[m_scanned])) m_rows.push_back(static_cast<std::uint32_t>(m_scanned));
    m_lastTime = m_scanned > 0 ? recs[m_scanned - 1].time : -1;
    ImGui::SameLine();
    if (m_scanned < recs.size())
        ImGui::TextDisabled("%zu of %zu records (filtering, %.0f %%)", m_rows.size(), recs.size(),
                            100.0 * static_cast<double>(m_scanned) / static_cast<double>(recs.size()));
    else
        ImGui::TextDisabled("%zu of %zu records", m_rows.size(), recs.size());
    if (copy) {
        std::string out = "seq\ttime\tkind\tnode\titem\tattempt\tdetail\n";
        for (std::size_t i = 0; i < m_rows.size() && i < 200000; ++i) out += rowText(e, m_rows[i], recs[m_rows[i]]) + "\n";
        ctx.ui.copyRequest = out;
        ctx.ui.status = {StatusKind::Info, "copied " + std::to_string(std::min<std::size_t>(m_rows.size(), 200000)) + " log lines"};
    }
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY | ImGuiTableFlags_BordersInnerV |
                                  ImGuiTableFlags_Resizable;
    if (!ImGui::BeginTable("log", 7, flags)) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("#", ImGuiTableColumnFlags_WidthFixed, 70);
    ImGui::TableSetupColumn("time", ImGuiTableColumnFlags_WidthFixed, 120);
    ImGui::TableSetupColumn("kind", ImGuiTableColumnFlags_WidthFixed, 140);
    ImGui::TableSetupColumn("node", ImGuiTableColumnFlags_WidthFixed, 120);
    ImGui::TableSetupColumn("item", ImGuiTableColumnFlags_WidthFixed, 120);
    ImGui::TableSetupColumn("att.", ImGuiTableColumnFlags_WidthFixed, 40);
    ImGui::TableSetupColumn("detail", ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableHeadersRow();
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(m_rows.size()));
    while (clipper.Step()) {
        for (int row = clipper.DisplayStart; row < clipper.DisplayEnd; ++row) {
            const std::uint32_t index = m_rows[static_cast<std::size_t>(row)];
            const TraceRecord& r = recs[index];
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::PushID(row);
            const bool selected = r.item != kNone && r.item == ctx.ui.selectedItem;
            if (ImGui::Selectable("##row", selected, ImGuiSelectableFlags_SpanAllColumns) && r.item != kNone)
                ctx.commands.push(cmd::SelectItem{r.item});
            ImGui::PopID();
            ImGui::SameLine();
            ImGui::TextDisabled("%u", index);
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(formatClock(r.time).c_str());
            ImGui::TableNextColumn();
            if (isFailure(r)) ImGui::TextColored(ImVec4(1, 0.5f, 0.45f, 1), "%s", traceKindName(r.kind));
            else ImGui::TextUnformatted(traceKindName(r.kind));
            ImGui::TableNextColumn();
            if (r.node < e.nodeCount()) ImGui::TextUnformatted(e.scenario().nodes[r.node].id.c_str());
            ImGui::TableNextColumn();
            if (r.item != kNone) ImGui::TextUnformatted(e.itemId(r.item).c_str());
            ImGui::TableNextColumn();
            if (r.attempt) ImGui::Text("%u", r.attempt);
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(detailText(e, r).c_str());
        }
    }
    if (m_followTail && ctx.ui.playing) ImGui::SetScrollHereY(1.0f);
    ImGui::EndTable();
}

}  // namespace pg::ui
