// The playground application: owns the scenario and the engine, lays out and draws the panels each frame.
// ImGui only: the platform layer (src/platform) owns the window, GL context and browser.
#pragma once
#include <cstdint>
#include <string>

#include "engine/scenario_config.hpp"

namespace pg::ui {

class App {
public:
    App();
    /// One UI frame; call between ImGui::NewFrame() and ImGui::Render(). `dtSeconds` is wall time.
    void frame(double dtSeconds);

    /// Replaces the scenario when `json` is valid; otherwise keeps the current one and returns false with
    /// the errors (one per line, each naming its JSON path) in `errors`.
    bool loadScenarioJson(const std::string& json, std::string& errors);
    std::string scenarioJson() const;
    /// A JSON snapshot of what the user sees (for tests and the page's JS).
    std::string stateJson() const;
    std::uint64_t frameCount() const { return m_frameCount; }

private:
    sim::Scenario m_scenario;
    std::uint64_t m_frameCount = 0;
    double m_wallSeconds = 0;
};

}  // namespace pg::ui
