#include "warnings_panel.hpp"

#include <imgui.h>

namespace pg::ui {

void WarningsPanel::draw(FrameContext& ctx) {
    if (ctx.warnings.empty()) {
        ImGui::TextDisabled("No warnings. Loops, ignored settings and blocked shards show up here as they happen.");
        return;
    }
    ImGui::BeginChild("##warnings");
    int i = 0;
    for (const Warning& w : ctx.warnings) {
        ImGui::PushID(i++);
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1.0f, 0.72f, 0.3f, 1));
        const bool open = ImGui::Selectable(("(!) " + w.title).c_str(), false);
        ImGui::PopStyleColor();
        if (open) {
            if (!w.node.empty()) ctx.commands.push(cmd::Select{{SelectionKind::Node, w.node, -1}});
            if (w.item != sim::kNone) ctx.commands.push(cmd::SelectItem{w.item});
        }
        ImGui::Indent();
        ImGui::TextWrapped("%s", w.text.c_str());
        ImGui::Unindent();
        ImGui::PopID();
    }
    ImGui::EndChild();
}

}  // namespace pg::ui
