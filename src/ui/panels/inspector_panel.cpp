#include "inspector_panel.hpp"

#include <imgui.h>

#include <cstring>

#include "engine/model_choices.hpp"
#include "inspector_cost.hpp"
#include "sweep/sweep.hpp"
#include "ui/fidelity_link.hpp"
#include "ui/params.hpp"
#include "ui/scenario_edit.hpp"
#include "ui/ui_text.hpp"

namespace pg::ui {

using namespace sim;

namespace {
/// Where the last control was drawn, under `key`, for the browser tests (read through the state JSON).
void noteField(FrameContext& ctx, const std::string& key) {
    if (!ImGui::IsItemVisible()) return;
    const ImVec2 lo = ImGui::GetItemRectMin(), hi = ImGui::GetItemRectMax();
    ctx.ui.fieldRects[key] = {lo.x, lo.y, hi.x - lo.x, hi.y - lo.y, 0, 0};
}

/// The setting's source badge ("[documented] FIDELITY 6.2, SQS-VIS"); a click opens its entry of the fidelity
/// reference (docs/fidelity.html, issue 20) through the App's shell.
void badge(FrameContext& ctx, const scenario::Setting& p) {
    const bool documented = p.source == scenario::SettingSource::Documented;
    const bool input = p.source == scenario::SettingSource::ScenarioInput;
    const ImVec4 col = documented ? ImVec4(0.45f, 0.75f, 1.0f, 1)
                       : input    ? ImVec4(0.7f, 0.7f, 0.75f, 1)
                                  : ImVec4(1.0f, 0.7f, 0.35f, 1);
    const std::string anchor = fidelityAnchor(p);
    ImGui::BeginGroup();
    ImGui::TextColored(col, "%s", documented ? "[documented]" : input ? "[scenario input]" : "[model choice]");
    ImGui::SameLine();
    ImGui::TextDisabled("%s", p.citation);
    ImGui::EndGroup();
    const ImVec2 lo = ImGui::GetItemRectMin(), hi = ImGui::GetItemRectMax();
    ctx.ui.badgeRects[p.key] = {lo.x, lo.y, hi.x - lo.x, hi.y - lo.y, 0, 0};
    if (anchor.empty() || !ImGui::IsItemHovered()) return;
    ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    ImGui::SetTooltip("%s\nClick to open its entry in the fidelity reference (%s)",
                      documented ? "AWS documentation or observed behaviour"
                                 : "Not stated by AWS: the simulator's model, listed under Model choices",
                      fidelityPage(anchor).c_str());
    if (ImGui::IsMouseClicked(ImGuiMouseButton_Left)) ctx.commands.push(cmd::OpenPage{fidelityPage(anchor)});
}
/// The sweep's name of a setting: NODE.KEY, FROM->TO.KEY, or the top-level KEY.
std::string sweepTarget(const Scenario& s, int node, int edge, const std::string& key) {
    if (node >= 0) return s.nodes[static_cast<std::size_t>(node)].id + "." + key;
    if (edge >= 0) {
        const Edge& e = s.edges[static_cast<std::size_t>(edge)];
        return e.from + "->" + e.to + "." + key;
    }
    return key;
}

/// Live tumbling-window state per shard of a stream node whose mapping has a tumbling window (FIDELITY 6.3).
void drawStreamWindows(const Engine& engine, const std::string& nodeId) {
    const std::uint32_t node = engine.nodeIndex(nodeId);
    if (node == kNone) return;
    bool windowed = false;
    for (const Edge& e : engine.scenario().edges) windowed = windowed || (e.from == nodeId && e.tumblingWindow > 0);
    const auto view = engine.streamView(node);
    if (!windowed || !view || view->lanes.empty()) return;
    ImGui::TextUnformatted("Tumbling windows, per shard (now):");
    for (const StreamLaneView& l : view->lanes) {
        std::string who = "shard " + std::to_string(l.shard);
        if (view->parallelizationFactor > 1) who += "." + std::to_string(l.lane);
        std::string line = who + ": ";
        if (l.windowStart < 0) line += "no window open";
        else
            line += "window " + formatClock(l.windowStart) + " - " + formatClock(l.windowEnd) + ", state of " +
                    std::to_string(l.windowRecords) + " records (" + std::to_string(l.windowStateBytes / 1024) + " KB)";
        if (l.finalInvoke) line += ", final invoke running or retried";
        else if (l.terminatedEarly) line += ", over 1 MB: ends early";
        line += "; " + std::to_string(l.windowsClosed) + " closed";
        ImGui::Bullet();
        ImGui::TextWrapped("%s", line.c_str());
    }
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyle().Colors[ImGuiCol_TextDisabled]);
    ImGui::TextWrapped("After a window ends, one final invoke per shard (isFinalInvokeForWindow, no records) runs "
                       "before the next window is read (FIDELITY 6.3; model choice stream_tumbling_window).");
    ImGui::PopStyleColor();
}
}  // namespace

void InspectorPanel::drawParams(FrameContext& ctx, int node, int edge) {
    const Scenario& s = ctx.scenario;
    const std::string nodeId = node >= 0 ? s.nodes[static_cast<std::size_t>(node)].id : "";
    for (const scenario::Setting* p : paramsOf(s, node, edge)) {
        ImGui::PushID(p->key);
        const std::string value = getParam(s, node, edge, p->key);
        auto set = [&](const std::string& v) { ctx.commands.push(cmd::SetParam{nodeId, edge, p->key, v}); };
        ImGui::TextUnformatted(p->label);
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", p->key);
        if (sweep::sweepable(p->kind)) {  // the sweep window with this setting on an axis (issue 18)
            ImGui::SameLine();
            if (ImGui::SmallButton("Sweep")) ctx.commands.push(cmd::SweepSetting{sweepTarget(s, node, edge, p->key), value});
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("Run the scenario over several values of this setting (Edit > Sweep...)");
            noteField(ctx, std::string(p->key) + ".sweep");
        }
        ImGui::SetNextItemWidth(-1);
        switch (p->kind) {
        case scenario::SettingKind::Bool: {
            bool b = value == "true";
            if (ImGui::Checkbox("##v", &b)) set(b ? "true" : "false");
            noteField(ctx, p->key);
            break;
        }
        case scenario::SettingKind::Choice: {
            if (ImGui::BeginCombo("##v", value.c_str())) {
                for (const std::string& c : p->choiceNames()) {
                    if (ImGui::Selectable(c.c_str(), c == value)) set(c);
                    noteField(ctx, std::string(p->key) + "=" + c);
                }
                ImGui::EndCombo();
            }
            noteField(ctx, p->key);
            break;
        }
        case scenario::SettingKind::NodeRef: {
            if (ImGui::BeginCombo("##v", value.empty() ? "(none)" : value.c_str())) {
                if (ImGui::Selectable("(none)", value.empty())) set("");
                noteField(ctx, std::string(p->key) + "=");
                for (const Node& n : s.nodes)
                    if (n.id != nodeId && n.type != NodeType::Function) {
                        if (ImGui::Selectable(n.id.c_str(), n.id == value)) set(n.id);
                        noteField(ctx, std::string(p->key) + "=" + n.id);
                    }
                for (const Node& n : s.nodes)  // functions can be destinations too
                    if (n.id != nodeId && n.type == NodeType::Function) {
                        if (ImGui::Selectable((n.id + " (function)").c_str(), n.id == value)) set(n.id);
                        noteField(ctx, std::string(p->key) + "=" + n.id);
                    }
                ImGui::EndCombo();
            }
            noteField(ctx, p->key);
            break;
        }
        default: {
            const bool editing = m_editKey == p->key;
            char buf[512];
            std::snprintf(buf, sizeof buf, "%s", editing ? m_editBuf : value.c_str());
            ImGui::InputTextWithHint("##v", p->kind == scenario::SettingKind::OptionalInt ? "unset (default)" : "", editing ? m_editBuf : buf,
                                     sizeof buf);
            noteField(ctx, p->key);
            if (ImGui::IsItemActivated()) {
                m_editKey = p->key;
                std::snprintf(m_editBuf, sizeof m_editBuf, "%s", value.c_str());
            }
            if (ImGui::IsItemDeactivated() && m_editKey == p->key) {
                if (value != m_editBuf) set(m_editBuf);
                m_editKey.clear();
            }
            break;
        }
        }
        if (!ctx.ui.editError.empty() && ctx.ui.editError.rfind(std::string(p->key) + ":", 0) == 0) {
            ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1, 0.45f, 0.4f, 1));
            ImGui::TextWrapped("Not applied: %s", ctx.ui.editError.c_str() + std::strlen(p->key) + 2);
            ImGui::PopStyleColor();
        }
        if (p->key == std::string("seed")) {
            if (ImGui::SmallButton("New seed")) ctx.commands.push(cmd::NewSeed{});
            noteField(ctx, "seed.new");
            ImGui::SameLine();
            ImGui::TextDisabled("draws again: rates, durations, Poisson arrivals");
        }
        const std::vector<std::string> preview = templatePreview(p->key, value, 3);
        if (!preview.empty()) {
            std::string line = "first items:";
            for (const std::string& item : preview) line += "  " + item;
            ImGui::TextWrapped("%s", line.c_str());
        }
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyle().Colors[ImGuiCol_TextDisabled]);
        std::string limits = "default " + defaultLabel(*p) + "; " + rangeLabel(*p);
        if (*p->unit) limits += std::string("; unit: ") + p->unit;
        ImGui::TextWrapped("%s", limits.c_str());
        ImGui::PopStyleColor();
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.72f, 0.74f, 0.78f, 1));
        ImGui::TextWrapped("%s", p->help);
        ImGui::PopStyleColor();
        badge(ctx, *p);
        ImGui::Separator();
        ImGui::PopID();
    }
}

void InspectorPanel::draw(FrameContext& ctx) {
    ctx.ui.fieldRects.clear();
    ctx.ui.badgeRects.clear();
    const Scenario& s = ctx.scenario;
    const Selection& sel = ctx.ui.selection;
    int node = sel.kind == SelectionKind::Node ? nodeIndexOf(s, sel.node) : -1;
    int edge = sel.kind == SelectionKind::Edge && sel.edge < static_cast<int>(s.edges.size()) ? sel.edge : -1;
    if (node >= 0) {
        const Node& n = s.nodes[static_cast<std::size_t>(node)];
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(modeColour(invocationModeOf(n.type))), "%s", serviceName(n.type));
        ImGui::SameLine();
        ImGui::TextDisabled("(%s)", modeName(invocationModeOf(n.type)));
        ImGui::Text("%s", n.id.c_str());
        if (n.type == NodeType::Kinesis || n.type == NodeType::DynamoDbStream) drawStreamWindows(ctx.engine, n.id);
    } else if (edge >= 0) {
        const Edge& e = s.edges[static_cast<std::size_t>(edge)];
        const int from = nodeIndexOf(s, e.from);
        const InvocationMode mode = from >= 0 ? invocationModeOf(s.nodes[static_cast<std::size_t>(from)].type) : InvocationMode::None;
        const bool sendEdge = from >= 0 && s.nodes[static_cast<std::size_t>(from)].type == NodeType::Function;
        ImGui::Text("%s -> %s", e.from.c_str(), e.to.c_str());
        if (sendEdge) {
            ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(colours::kSend), "send edge (function code)");
            ImGui::TextWrapped("%s's handler sends one message to %s per item it processed; each message is a new "
                               "item there, one step further along its chain of requests. Recursive loop detection "
                               "stops a chain after about 16 invocations (see the function's setting).",
                               e.from.c_str(), e.to.c_str());
        } else
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(modeColour(mode)), "%s integration", modeName(mode));
        if (!sendEdge && mode != InvocationMode::PollBased)
            ImGui::TextWrapped("A %s source invokes the function directly; the integration has no settings of its "
                               "own here (see the source and function).", modeName(mode));
    } else {
        ImGui::TextUnformatted("Scenario settings");
        ImGui::TextDisabled("Select a node or an edge on the canvas to see its settings.");
    }
    if (node >= 0 || edge >= 0) {
        if (ImGui::SmallButton("Delete")) ctx.commands.push(cmd::DeleteSelection{});
        ImGui::SameLine();
        ImGui::TextDisabled("(Del)");
    }
    ImGui::Separator();
    if (node >= 0 && s.nodes[static_cast<std::size_t>(node)].type == NodeType::Function) m_rules.draw(ctx, node);
    drawParams(ctx, node, edge);
    drawNodeCost(ctx, node);  // last: it never moves a setting's control
    if (node < 0 && edge < 0 && ImGui::CollapsingHeader("Model choices (not documented by AWS)")) {
        for (const ModelChoice& c : modelChoices()) {
            ImGui::TextColored(ImVec4(1.0f, 0.7f, 0.35f, 1), "[model choice] %s", c.topic);
            if (ImGui::IsItemHovered()) {
                ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
                ImGui::SetTooltip("Click to open its entry in the fidelity reference");
                if (ImGui::IsMouseClicked(ImGuiMouseButton_Left))
                    ctx.commands.push(cmd::OpenPage{fidelityPage(std::string("mc-") + c.topic)});
            }
            ImGui::TextWrapped("%s", c.description);
            ImGui::TextDisabled("%s", c.basis);
            ImGui::Separator();
        }
    }
}

}  // namespace pg::ui
