#include "app.hpp"

#include <imgui.h>
#include <nlohmann/json.hpp>

#include "layout.hpp"
#include "scenario/scenario_json.hpp"

namespace pg::ui {

App::App() = default;

void App::frame(double dtSeconds) {
    ++m_frameCount;
    m_wallSeconds += dtSeconds;
    float menuH = 0;
    if (ImGui::BeginMainMenuBar()) {
        ImGui::TextUnformatted("Lambda Playground");
        ImGui::Separator();
        ImGui::TextDisabled("%s", m_scenario.name.c_str());
        menuH = ImGui::GetWindowSize().y;
        ImGui::EndMainMenuBar();
    }
    const Layout layout = computeLayout(ImGui::GetIO().DisplaySize, menuH);

    if (beginPanel("Transport", layout.transport, ImGuiWindowFlags_NoTitleBar)) {
        ImGui::Button("Play");
        ImGui::SameLine();
        ImGui::Button("Step");
        ImGui::SameLine();
        ImGui::Text("t = 00:00:00.000");
    }
    ImGui::End();
    if (beginPanel("Palette", layout.palette)) {
        ImGui::SeparatorText("Synchronous");
        ImGui::SeparatorText("Asynchronous");
        ImGui::SeparatorText("Poll-based");
    }
    ImGui::End();
    if (beginPanel("Canvas", layout.canvas)) {
        ImGui::Text("%zu nodes, %zu edges", m_scenario.nodes.size(), m_scenario.edges.size());
    }
    ImGui::End();
    if (beginPanel("Inspector", layout.inspector)) {
        ImGui::TextWrapped("Select a node or an edge to see its settings.");
    }
    ImGui::End();
    if (beginPanel("Details", layout.bottom, ImGuiWindowFlags_NoTitleBar)) {
        if (ImGui::BeginTabBar("bottom")) {
            for (const char* tab : {"Timeline", "Journey", "Metrics", "Log", "Warnings"}) {
                if (ImGui::BeginTabItem(tab)) ImGui::EndTabItem();
            }
            ImGui::EndTabBar();
        }
    }
    ImGui::End();
}

bool App::loadScenarioJson(const std::string& json, std::string& errors) {
    scenario::ParseResult result = scenario::parseScenario(json);
    if (!result.ok()) {
        errors = scenario::formatErrors(result.errors);
        return false;
    }
    m_scenario = std::move(result.scenario);
    errors.clear();
    return true;
}

std::string App::scenarioJson() const { return scenario::writeScenario(m_scenario); }

std::string App::stateJson() const {
    nlohmann::json state;
    state["frame"] = m_frameCount;
    state["scenario"] = m_scenario.name;
    state["nodes"] = m_scenario.nodes.size();
    state["edges"] = m_scenario.edges.size();
    return state.dump();
}

}  // namespace pg::ui
