// App: File menu items for documentation authors and presenters (issue 20): copy embed code, PNG exports,
// recording a video, the trace as JSON Lines. The page does the work (web/tools.js, web/embed_code.js).
#include <imgui.h>

#include <sstream>
#include <string>

#include "app.hpp"
#include "panels/panels.hpp"
#include "scenario/trace_jsonl.hpp"

namespace pg::ui {

std::string App::traceJsonl() const {
    std::ostringstream out;
    scenario::writeTraceJsonl(*m_engine, out);
    return out.str();
}

void App::drawToolsMenuItems(const std::string& presetStem) {
    ImGui::Separator();
    if (ImGui::MenuItem("Copy embed code...")) shell(ShellVerb::EmbedCode, shareFragment(false), presetStem);
    noteMenuRect("Copy embed code...");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("An <iframe> (and Markdown/MDX, reStructuredText) for documentation");
    if (ImGui::BeginMenu("Export")) {
        noteMenuRect("Export");
        if (ImGui::MenuItem("Canvas as PNG")) shell(ShellVerb::ExportPng, "canvas", "");
        noteMenuRect("Canvas as PNG");
        if (ImGui::MenuItem("Timeline as PNG")) shell(ShellVerb::ExportPng, "timeline", "");
        noteMenuRect("Timeline as PNG");
        if (ImGui::MenuItem("Whole page as PNG")) shell(ShellVerb::ExportPng, "page", "");
        noteMenuRect("Whole page as PNG");
        if (ImGui::MenuItem(m_share.recording ? "Stop recording and save (WebM)" : "Record video (WebM)")) {
            m_share.recording = !m_share.recording;
            shell(ShellVerb::RecordVideo, "", "");
        }
        noteMenuRect("Record video");
        if (ImGui::MenuItem("Trace as JSON Lines")) shell(ShellVerb::ExportTrace, "", "");
        noteMenuRect("Trace as JSON Lines");
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("The trace so far, as `lambda-playground run --trace` writes it");
        ImGui::EndMenu();
    }
}

}  // namespace pg::ui
