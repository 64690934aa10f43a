// The playground application: owns the scenario, the engine built from it, the UI state and the panels.
// Applies the panels' commands between frames and advances virtual time by wall time x speed (sliced).
#pragma once
#include <cstdint>
#include <functional>
#include <memory>
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <vector>

#include "bottom_tab.hpp"
#include "commands.hpp"
#include "engine/engine.hpp"
#include "live_checks.hpp"
#include "share_state.hpp"
#include "ui_state.hpp"
#include "warnings.hpp"

namespace pg::ui {

class Panels;
struct FrameContext;

class App {
public:
    App();
    ~App();
    /// One UI frame; call between ImGui::NewFrame() and ImGui::Render(). `dtSeconds` is wall time.
    void frame(double dtSeconds);

    /// Replaces the scenario when `json` is valid; otherwise keeps the current one and returns false with
    /// the errors (one per line, each naming its JSON path) in `errors`.
    bool loadScenarioJson(const std::string& json, std::string& errors);
    std::string scenarioJson() const;
    /// A JSON snapshot of what the user sees (for tests and the page's JS).
    std::string stateJson() const;
    std::uint64_t frameCount() const { return m_frameCount; }
    /// Applies a command now (the JS bridge calls between frames).
    void apply(const Command& command);
    /// Selects a node (by id) or an item ("orders#13"); "" clears. False when nothing has that id.
    bool selectById(const std::string& id);
    const std::string& lastEditError() const { return m_ui.editError; }
    /// Opens a bottom tab on the next frame.
    void showTab(BottomTab tab) { m_ui.requestTab = tab; }
    /// Screen rectangle of a node as last drawn, false if it is not on screen.
    bool nodeScreenRect(const std::string& id, ScreenRect& out) const;
    /// Platform hook for "copy as text" (the browser's clipboard).
    void setCopyHandler(std::function<void(const std::string&)> copy) { m_copy = std::move(copy); }

    // Sharing, files, embedding (app_share.cpp). Opening never replaces the scenario unless it is valid; a
    // failure is shown in the app (and in stateJson's "notice") and the current scenario is kept.
    /// The share-link fragment (no '#') of the scenario; with the step index and selected item when `atStep`.
    std::string shareFragment(bool atStep) const;
    bool openShareLink(const std::string& fragment);
    /// Scenario JSON from `source` (shown in the message, e.g. "the file orders.json").
    bool openScenarioText(const std::string& text, const std::string& source);
    /// A preset by file stem ("s3_async_dlq").
    bool openPreset(const std::string& stem);
    void newScenario();
    /// Embed mode: title bar + transport + canvas (+ bottom tab `panel`, if any); never autosaved.
    void setEmbed(std::optional<BottomTab> panel, const std::string& title);
    /// A locked embed: readers play, step, scrub and inspect; edits are refused (UiState::locked).
    void setLocked(bool locked) { m_ui.locked = locked; }
    /// False while a scenario opened from a link has not been kept (edited or "Keep"), and in embed mode.
    bool autosaveAllowed();
    void showNotice(const std::string& title, const std::string& text);
    /// File > Copy link: the page's URL with the fragment, to the clipboard (through the shell handler).
    void copyLink(bool atStep);
    /// Platform hook for browser services (files, links, clipboard); see share_state.hpp.
    void setShellHandler(ShellHandler handler) { m_share.shell = std::move(handler); }

private:
    // Scenario, engine and frame (app.cpp).
    void loadDefaultScenario();
    void rebuildEngine(bool keepTime);
    void commit(sim::Scenario candidate, bool rebuild);  // validated edit with an undo snapshot
    void fitOnOpen();                                    // the canvas shows an opened scenario whole
    void handleKeys();
    void refreshWarnings(double dtSeconds);
    void drawBottomTab(BottomTab tab, FrameContext& ctx);
    // Playback (app_playback.cpp).
    /// One engine step, unless the next event falls at or after run_for: stepping never shows events past the
    /// end of the run (playing stops there too, as Engine::runUntil does). False when it did not step.
    bool stepWithinRun();
    void advance(double dtSeconds);  ///< plays one frame's slice of virtual time
    // Menus (app_menus.cpp).
    float drawMainMenuBar();  ///< returns the bar's height
    void drawFileMenu();
    void drawPresetsMenu();
    void drawEditMenu();
    void drawViewMenu();
    void drawHelpMenu();
    void noteMenuRect(const char* label);
    // Sharing, files, embedding (app_share.cpp).
    void replaceScenario(sim::Scenario scenario);  // pushes undo; clears selection; pauses
    void shell(ShellVerb verb, const std::string& a, const std::string& b);
    void drawShareOverlays();
    void drawEmbedFrame();
    void shareStateJson(nlohmann::json& s) const;
    void liveStateJson(nlohmann::json& s) const;  ///< cost, invariants, the journey's payloads (app_live_state.cpp)

    sim::Scenario m_scenario;
    std::unique_ptr<sim::Engine> m_engine;
    UiState m_ui;
    CommandQueue m_commands;
    std::vector<sim::Scenario> m_undo, m_redo;
    std::vector<Warning> m_warnings;
    std::uint64_t m_warningsStep = UINT64_MAX;
    double m_warningsAge = 0;
    std::unique_ptr<Panels> m_panels;
    std::function<void(const std::string&)> m_copy;
    std::uint64_t m_frameCount = 0;
    ShareState m_share;
    LiveChecks m_live;  ///< cost series and live invariants (live_checks.hpp)
};

}  // namespace pg::ui
