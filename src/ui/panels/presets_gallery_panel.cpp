#include "presets_gallery_panel.hpp"

#include <imgui.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "scenario/scenario_json.hpp"

namespace pg::ui {

namespace {
PresetInfo readPreset(const std::string& path) {
    PresetInfo info;
    info.path = path;
    const std::size_t slash = path.rfind('/');
    info.stem = path.substr(slash == std::string::npos ? 0 : slash + 1);
    if (info.stem.size() > 5) info.stem.resize(info.stem.size() - 5);  // ".json"
    info.title = info.stem;
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    const scenario::ParseResult parsed = scenario::parseScenario(text.str());
    if (parsed.ok()) {
        info.title = parsed.scenario.name;
        info.description = parsed.scenario.description;
        info.hasFix = parsed.compareB.has_value();
    } else {
        info.description = "(this preset does not load: " + (parsed.errors.empty() ? "" : parsed.errors[0].message) + ")";
    }
    return info;
}
}  // namespace

const std::vector<PresetInfo>& PresetsGalleryPanel::presets(const std::vector<std::string>& paths) {
    if (!m_loaded) {
        for (const std::string& p : paths) m_presets.push_back(readPreset(p));
        m_loaded = true;
    }
    return m_presets;
}

void PresetsGalleryPanel::drawMenuItems(const std::vector<std::string>& paths, CommandQueue& q) {
    for (const PresetInfo& p : presets(paths)) {
        ImGui::PushID(p.path.c_str());
        if (ImGui::MenuItem(p.title.c_str())) q.push(cmd::LoadPreset{p.path});
        if (ImGui::IsItemHovered() && !p.description.empty()) {
            ImGui::BeginTooltip();
            ImGui::PushTextWrapPos(ImGui::GetFontSize() * 28);
            ImGui::TextUnformatted(p.description.c_str());
            ImGui::PopTextWrapPos();
            ImGui::EndTooltip();
        }
        ImGui::PopID();
    }
}

void PresetsGalleryPanel::draw(bool& open, const std::vector<std::string>& paths, const std::string& current,
                               CommandQueue& q) {
    if (!open) return;
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    ImGui::SetNextWindowPos(ImVec2(display.x * 0.5f, display.y * 0.5f), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(std::min(760.0f, display.x - 40), std::min(620.0f, display.y - 60)),
                             ImGuiCond_Appearing);
    if (!ImGui::Begin("Presets gallery", &open, ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings)) {
        ImGui::End();
        return;
    }
    ImGui::TextDisabled("Each preset teaches one behaviour of Lambda. Click one to open it (Undo brings back what you had).");
    ImGui::Separator();
    const float wrap = ImGui::GetContentRegionAvail().x;
    for (const PresetInfo& p : presets(paths)) {
        ImGui::PushID(p.path.c_str());
        const bool isCurrent = p.title == current;
        // Text first, then a selectable over the whole entry (its height is known only after wrapping).
        const ImVec2 start = ImGui::GetCursorScreenPos();
        ImGui::BeginGroup();
        ImGui::TextUnformatted(p.title.c_str());
        ImGui::PushTextWrapPos(wrap);
        ImGui::TextDisabled("%s", p.description.c_str());
        ImGui::PopTextWrapPos();
        ImGui::EndGroup();
        const float height = ImGui::GetItemRectSize().y;
        ImGui::SetCursorScreenPos(start);
        if (ImGui::Selectable("##open", isCurrent, 0, ImVec2(wrap, height))) {
            q.push(cmd::LoadPreset{p.path});
            open = false;
        }
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Open \"%s\"", p.title.c_str());
        if (p.hasFix) {  // a lesson shipped as a comparison: open it beside its fix
            if (ImGui::SmallButton("Show the fix")) {
                fixRequest = p.path;
                open = false;
            }
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("Open \"%s\" beside the fix it carries, on one clock", p.title.c_str());
        }
        ImGui::Spacing();
        ImGui::PopID();
    }
    ImGui::End();
}

}  // namespace pg::ui
