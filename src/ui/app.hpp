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
#include "panels/sweep_window.hpp"
#include "live_checks.hpp"
#include "share_state.hpp"
#include "slice_budget.hpp"
#include "ui_state.hpp"
#include "warnings.hpp"

namespace pg::ui {

class Panels;
struct FrameContext;
struct CompareState;

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
    /// The few fields of stateJson a per-frame probe needs ({"frame","playing","last_frame_sim_ms",
    /// "last_frame_ui_ms"}): stateJson grows with the run (a cost point per virtual second), this does not.
    std::string frameProbeJson() const;
    /// What an embed reports to its page several times a second (web/embed.js: "scenario", "step", "time_us",
    /// "playing", "idle", "invocations", "items" (the count), "notice" (its title, or null)), the same values as
    /// stateJson's, at a cost that does not grow with the run: stateJson hashes the trace and lists the cost
    /// series.
    std::string embedStateJson() const;
    /// The scenario's name (the page title), without building the whole state JSON.
    const std::string& scenarioName() const { return m_scenario.name; }
    std::uint64_t frameCount() const { return m_frameCount; }
    /// The page runs the live invariant check between frames rather than inside one (LiveChecks).
    void deferLiveChecks(bool defer) { m_live.setDeferWhilePlaying(defer); }
    bool liveCheckDue() const { return m_live.deferredDue(); }
    bool runDeferredLiveCheck() { return m_live.runDeferred(*m_engine, m_ui.engineBuild); }  ///< true: more to do
    /// The page's whole main-loop callback took `seconds` (after frame()): a playing frame's slice is sized
    /// from it (SliceBudget). Without these reports every slice gets kSimulationSliceSeconds.
    void noteCallbackTime(double seconds);
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
    // A/B comparison (issue 17; app_compare.cpp). A and B run on one clock; the user edits one side at a time
    // with the normal panels (the other side waits in CompareState).
    /// Forks the current scenario into B (nothing changes until B is edited). False if already comparing.
    bool startCompare();
    /// Compares the current scenario (A) with `b`.
    void startCompare(sim::Scenario b);
    /// A preset that carries its fix as B ("compare_b"): compare with it. False when there is none.
    bool showFix();
    bool hasFix() const { return m_presetFix.has_value(); }
    /// Keeps the side being edited as the scenario.
    void endCompare();
    bool comparing() const { return m_compare != nullptr; }
    /// Edits B (true) or A; false when not comparing.
    bool editSide(bool b);
    /// Compares with preset `stem` as B (the embed API's compare=NAME). False when there is no such preset.
    bool compareWithPreset(const std::string& stem);
    /// Touch (issue 20): a pinch to hand to the panel under (x, y) next frame; successive ones combine.
    void pinch(float x, float y, float scale, float dx, float dy);
    /// A finger has been used: finger-sized targets from now on.
    void setTouchUi(bool touch) { m_ui.touchUi = touch; }
    /// Platform hook for browser services (files, links, clipboard); see share_state.hpp.
    void setShellHandler(ShellHandler handler) { m_share.shell = std::move(handler); }
    /// The trace so far as JSON Lines, as `lambda-playground run --trace` writes it (app_tools.cpp).
    std::string traceJsonl() const;
    /// Platform hook that runs a sweep's cells (the page: Web Workers); without one the window runs them itself.
    void setSweepRunner(SweepRunner runner) { m_sweepRunner = std::move(runner); }
    /// A finished sweep run's row (JSON from sweep_engine.wasm); rows of an older generation are ignored.
    void sweepRow(int index, const std::string& rowJson, int generation);
    /// A sweep's cells are out running (the page then draws less often: main_web.cpp).
    bool sweepRunning() const;
    bool playing() const { return m_ui.playing; }

private:
    // Scenario, engine and frame (app.cpp).
    void loadDefaultScenario();
    /// loadScenarioJson; a preset's "compare_b" is kept as its fix instead of opening a comparison.
    bool loadScenarioText(const std::string& json, std::string& errors, bool preset);
    void rebuildEngine(bool keepTime);
    void commit(sim::Scenario candidate, bool rebuild);  // validated edit with an undo snapshot
    void fitOnOpen();                                    // the canvas shows an opened scenario whole
    void handleKeys();
    void refreshWarnings(double dtSeconds);
    void drawBottomTab(BottomTab tab, FrameContext& ctx);
    void drawStackedTabs(FrameContext& ctx);  // narrow screens: inspector and palette as tabs
    // Playback (app_playback.cpp).
    /// One engine step, unless the next event falls at or after run_for: stepping never shows events past the
    /// end of the run (playing stops there too, as Engine::runUntil does). False when it did not step.
    bool stepWithinRun();
    void advance(double dtSeconds, double sliceSeconds);  ///< plays one frame's slice of virtual time
    // Menus (app_menus.cpp).
    float drawMainMenuBar();  ///< returns the bar's height
    void drawFileMenu();
    void drawPresetsMenu();
    void drawEditMenu();
    void drawViewMenu();
    void drawHelpMenu();
    void noteMenuRect(const char* label);
    // Comparison (app_compare.cpp).
    /// The other side follows the edited side's clock (after every playback command and frame).
    void syncCompareClock();
    const sim::Scenario& scenarioA() const;
    const sim::Scenario& scenarioB() const;
    /// The canvas panel: one canvas, or A and B side by side (stacked on a narrow canvas) when comparing.
    void drawCanvasArea(FrameContext& ctx);
    void drawCompareBar();  ///< the menu bar's Compare / Show the fix / A|B / End buttons
    void drawCompareTab(FrameContext& ctx);
    void compareStateJson(nlohmann::json& s) const;
    /// Loads parsed text: a comparison opens as one, a preset's B becomes its fix ("Show the fix").
    void takeCompareB(std::optional<sim::Scenario> b, bool preset);
    void drawToolsMenuItems(const std::string& presetStem);  // File: embed code, exports (app_tools.cpp)
    // Sharing, files, embedding (app_share.cpp).
    void replaceScenario(sim::Scenario scenario);  // pushes undo; clears selection; pauses
    void shell(ShellVerb verb, const std::string& a, const std::string& b);
    void drawShareOverlays();
    void drawEmbedFrame();
    void openSweepOf(const scenario::SweepParse& sweep);
    void shareStateJson(nlohmann::json& s) const;
    // AWS templates (app_import.cpp).
    enum class TemplateImport { NotATemplate, Refused, Imported };
    /// Imports `text` when it is a SAM/CloudFormation template (Refused: it is one, but its scenario is not
    /// valid; a notice says why and the scenario is kept).
    TemplateImport importTemplateText(const std::string& text, const std::string& source);
    void appendImportWarnings();  ///< the import's unmodelled lines, after the scenario's own warnings
    void drawImportWindow();
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
    std::unique_ptr<CompareState> m_compare;
    std::optional<sim::Scenario> m_presetFix;  ///< the opened preset's B, offered as "Show the fix"
    Selection m_stackedSelection;  // the selection the stacked tabs last saw (a new one shows the inspector)
    SweepRunner m_sweepRunner;
    std::vector<std::string> m_importWarnings;  ///< lines of the last template import, until another open
    bool m_importOpen = false;                  ///< File > Import AWS template's window
    std::vector<char> m_importBuffer;           ///< its text field
    LiveChecks m_live;  ///< cost series and live invariants (live_checks.hpp)
    SliceBudget m_slice;         ///< the simulation slice of a playing frame (slice_budget.hpp)
    bool m_slicePlayed = false;  ///< the last frame played (its callback time is one SliceBudget observes)
};

}  // namespace pg::ui
