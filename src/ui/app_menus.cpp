// App: the main menu bar (File, Presets, Edit, Help, the scenario's name and the status line). Menu items push
// commands or call the App's verbs (app_share.cpp: new, files, links); none edits the scenario here.
#include <imgui.h>

#include <string>

#include "app.hpp"
#include "layout.hpp"
#include "import/chrome_trace.hpp"
#include "import/import_template.hpp"
#include "panels/panels.hpp"
#include "scenario/scenario_json.hpp"

namespace pg::ui {

using namespace sim;

namespace {
/// "Orders (v2)!" -> "orders-v2.json": the Save file name.
std::string fileNameFor(const std::string& name) {
    std::string out;
    for (char c : name) {
        const bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
        if (c >= 'A' && c <= 'Z') out += static_cast<char>(c - 'A' + 'a');
        else if (alnum) out += c;
        else if (!out.empty() && out.back() != '-') out += '-';
        if (out.size() >= 60) break;
    }
    while (!out.empty() && out.back() == '-') out.pop_back();
    return (out.empty() ? std::string("scenario") : out) + ".json";
}
/// "/scenarios/s3_async_dlq.json" -> "s3_async_dlq" (the embed's preset= name).
std::string presetStemOf(const std::string& path) {
    const std::size_t slash = path.find_last_of('/'), dot = path.rfind(".json");
    const std::size_t from = slash == std::string::npos ? 0 : slash + 1;
    return path.substr(from, (dot == std::string::npos || dot < from ? path.size() : dot) - from);
}
}  // namespace

float App::drawMainMenuBar() {
    float menuH = 0;
    if (ImGui::BeginMainMenuBar()) {
        if (ImGui::GetIO().DisplaySize.x >= kStackedBelowWidth) ImGui::TextUnformatted("Lambda Playground");  // narrow: room for the menus
        drawFileMenu();
        drawPresetsMenu();
        drawEditMenu();
        drawViewMenu();
        drawHelpMenu();
        drawCompareBar();  // app_compare.cpp
        ImGui::Separator();
        ImGui::TextDisabled("%s", m_scenario.name.c_str());
        if (!m_ui.status.text.empty()) {
            ImGui::Separator();
            const bool bad = m_ui.status.kind == StatusKind::Error;
            ImGui::TextColored(bad ? ImVec4(1, 0.45f, 0.4f, 1) : ImVec4(0.6f, 0.85f, 0.65f, 1), "%s", m_ui.status.text.c_str());
        }
        menuH = ImGui::GetWindowSize().y;
        ImGui::EndMainMenuBar();
    }
    return menuH;
}

/// Where a menu or menu item was drawn, for the browser tests.
void App::drawViewMenu() {
    const bool open = ImGui::BeginMenu("View");
    noteMenuRect("View");
    if (!open) return;
    ImGui::MenuItem("Cost on canvas", nullptr, &m_ui.costOnCanvas);
    noteMenuRect("Cost on canvas");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Each priced node's cost so far, above it (docs/cost.md)");
    ImGui::MenuItem("Free tier", nullptr, &m_ui.costFreeTier);
    noteMenuRect("Free tier");
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("Subtract the monthly free tier from the cost (off by default: the run priced in full)");
    ImGui::EndMenu();
}

void App::noteMenuRect(const char* label) {
    const ImVec2 lo = ImGui::GetItemRectMin(), hi = ImGui::GetItemRectMax();
    m_ui.menuRects[label] = {lo.x, lo.y, hi.x - lo.x, hi.y - lo.y, 0, 0};
}

void App::drawFileMenu() {
    auto note = [this](const char* label) { noteMenuRect(label); };
    const bool open = ImGui::BeginMenu("File");
    note("File");
    if (!open) return;
    if (ImGui::MenuItem("New")) newScenario();
    note("New");
    if (ImGui::MenuItem("Open file...")) shell(ShellVerb::OpenFile, "", "");
    note("Open file...");
    if (ImGui::MenuItem("Save file"))  // A and B when comparing; else with the sweep window's grid, if one is set up (the "sweep" key)
        shell(ShellVerb::SaveFile, fileNameFor(m_scenario.name),
              m_compare ? scenarioJson() : scenario::writeScenarioWithSweep(m_scenario, m_panels->sweep.spec()));
    note("Save file");
    if (ImGui::MenuItem("Import AWS template...")) m_importOpen = true;
    note("Import AWS template...");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Paste, open or drop an AWS SAM or CloudFormation template");
    if (ImGui::MenuItem("Export as SAM template")) {
        std::string name = fileNameFor(m_scenario.name);
        name.insert(name.size() - 5, "-sam-template");  // before ".json"
        shell(ShellVerb::SaveFile, name, templates::exportSam(m_scenario));
    }
    note("Export as SAM template");
    if (ImGui::MenuItem("Export Perfetto trace")) {
        std::string name = fileNameFor(m_scenario.name);
        name.insert(name.size() - 5, "-trace");  // the run so far, for Perfetto or Chrome's tracing
        shell(ShellVerb::SaveFile, name, templates::chromeTraceJson(*m_engine));
    }
    note("Export Perfetto trace");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("The run so far as Trace Event Format (opens in Perfetto)");
    ImGui::Separator();
    if (ImGui::MenuItem("Copy link")) copyLink(false);
    note("Copy link");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("A link that carries the whole scenario");
    if (ImGui::MenuItem("Copy link at this step")) copyLink(true);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Also opens at step %llu%s",
                                                  static_cast<unsigned long long>(m_engine->stepCount()),
                                                  m_ui.selectedItem != kNone ? " with the selected item" : "");
    ImGui::Separator();
    if (ImGui::MenuItem("Presets gallery...")) m_share.galleryOpen = true;
    const std::string* presetPath = nullptr;
    for (const PresetInfo& p : m_panels->gallery.presets(m_panels->presets))
        if (p.title == m_scenario.name) presetPath = &p.path;
    if (ImGui::MenuItem("Reset to preset", nullptr, false, presetPath != nullptr)) m_commands.push(cmd::LoadPreset{*presetPath});
    note("Reset to preset");
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
        ImGui::SetTooltip(presetPath ? "Reload the preset this scenario came from (Undo brings your edits back)"
                                     : "This scenario has no preset of the same name");
    drawToolsMenuItems(presetPath ? presetStemOf(*presetPath) : std::string());  // app_tools.cpp
    ImGui::EndMenu();
}

void App::drawPresetsMenu() {
    if (!ImGui::BeginMenu("Presets")) return;
    if (ImGui::MenuItem("Gallery...")) m_share.galleryOpen = true;
    ImGui::Separator();
    m_panels->gallery.drawMenuItems(m_panels->presets, m_commands);
    ImGui::EndMenu();
}

void App::drawEditMenu() {
    const bool open = ImGui::BeginMenu("Edit");
    noteMenuRect("Edit");
    if (!open) return;
    const bool mac = ImGui::GetIO().ConfigMacOSXBehaviors;
    if (ImGui::MenuItem("Undo", mac ? "Cmd+Z" : "Ctrl+Z", false, !m_undo.empty())) m_commands.push(cmd::Undo{});
    if (ImGui::MenuItem("Redo", mac ? "Cmd+Y" : "Ctrl+Y", false, !m_redo.empty())) m_commands.push(cmd::Redo{});
    if (ImGui::MenuItem("Delete selection", "Del", false, m_ui.selection.kind != SelectionKind::None))
        m_commands.push(cmd::DeleteSelection{});
    ImGui::Separator();
    if (ImGui::MenuItem("Sweep...")) m_panels->sweep.open();
    noteMenuRect("Sweep...");
    ImGui::EndMenu();
}

void App::drawHelpMenu() {
    const bool open = ImGui::BeginMenu("Help");
    noteMenuRect("Help");
    if (!open) return;
    const auto item = [this](const char* label, HelpTopic topic) {
        if (ImGui::MenuItem(label)) m_panels->help.open(topic);
        noteMenuRect(label);
    };
    item("Keyboard shortcuts", HelpTopic::Shortcuts);
    item("What am I looking at", HelpTopic::Basics);
    if (ImGui::MenuItem("Invocation modes (docs page)")) shell(ShellVerb::OpenPage, "docs/invocation-modes.html", "");
    noteMenuRect("Invocation modes (docs page)");
    if (ImGui::MenuItem("Fidelity reference")) shell(ShellVerb::OpenPage, "docs/fidelity.html", "");
    noteMenuRect("Fidelity reference");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Every rule the simulator follows, its AWS source, and whether it is documented, observed or a model choice");
    ImGui::Separator();
    item("About", HelpTopic::About);
    ImGui::EndMenu();
}

}  // namespace pg::ui
