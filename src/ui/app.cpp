// App: the scenario and the engine built from it, command dispatch (validated edits, undo/redo) and the frame
// (panels laid out, bottom tabs). Playback: app_playback.cpp; menus: app_menus.cpp; links, files: app_share.cpp.
// [SECTION] scenario and engine  [SECTION] commands  [SECTION] frame. State JSON: app_state_json.cpp.
#include "app.hpp"

#include <dirent.h>
#include <imgui.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <sstream>

#include "compare_state.hpp"
#include "layout.hpp"
#include "panels/panels.hpp"
#include "panels/canvas_panel.hpp"
#include "panels/inspector_panel.hpp"
#include "panels/journey_panel.hpp"
#include "panels/log_panel.hpp"
#include "panels/metrics_panel.hpp"
#include "panels/palette_panel.hpp"
#include "panels/timeline_panel.hpp"
#include "panels/transport_panel.hpp"
#include "panels/warnings_panel.hpp"
#include "params.hpp"
#include "scenario/scenario_json.hpp"
#include "scenario_edit.hpp"
#include "ui_text.hpp"

namespace pg::ui {

using namespace sim;

namespace {
constexpr const char* kPresetDir = "/scenarios";
constexpr const char* kDefaultPreset = "/scenarios/sqs_no_redrive.json";
constexpr double kWarningsEvery = 0.25;  // wall seconds between two warning refreshes while playing

std::vector<std::string> listPresets() {
    std::vector<std::string> out;
    if (DIR* dir = opendir(kPresetDir)) {
        while (dirent* e = readdir(dir)) {
            const std::string name = e->d_name;
            if (name.size() > 5 && name.substr(name.size() - 5) == ".json") out.push_back(std::string(kPresetDir) + "/" + name);
        }
        closedir(dir);
    }
    std::sort(out.begin(), out.end());
    return out;
}

bool readFile(const std::string& path, std::string& out) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return false;
    std::ostringstream ss;
    ss << in.rdbuf();
    out = ss.str();
    return true;
}

const char* bottomTabTitle(BottomTab tab) {
    switch (tab) {
    case BottomTab::Timeline: return "Timeline";
    case BottomTab::Journey: return "Item journey";
    case BottomTab::Metrics: return "Metrics";
    case BottomTab::EventLog: return "Event log";
    case BottomTab::Warnings: return "Warnings";
    case BottomTab::Compare: return "Compare A/B";
    }
    return "";
}
}  // namespace

// [SECTION] scenario and engine
App::App() : m_panels(std::make_unique<Panels>()) {
    m_panels->presets = listPresets();
    loadDefaultScenario();
}

App::~App() = default;

void App::loadDefaultScenario() {
    std::string errors;
    std::vector<std::string> order = {kDefaultPreset};
    order.insert(order.end(), m_panels->presets.begin(), m_panels->presets.end());
    for (const std::string& path : order) {
        std::string text;
        if (readFile(path, text) && loadScenarioText(text, errors, true)) return;
    }
    rebuildEngine(false);  // empty scenario
}

bool App::loadScenarioJson(const std::string& json, std::string& errors) { return loadScenarioText(json, errors, false); }

bool App::loadScenarioText(const std::string& json, std::string& errors, bool preset) {
    scenario::ParseResult result = scenario::parseScenario(json);
    if (!result.ok()) {
        errors = scenario::formatErrors(result.errors);
        return false;
    }
    if (m_engine) {
        m_undo.push_back(m_scenario);
        m_redo.clear();
    }
    m_scenario = std::move(result.scenario);
    m_ui.selection = {};
    m_ui.selectedItem = kNone;
    m_ui.playing = false;
    fitOnOpen();
    m_compare.reset();
    rebuildEngine(false);
    takeCompareB(std::move(result.compareB), preset);
    errors.clear();
    return true;
}

void App::fitOnOpen() {
    // Each scenario opened (preset, file, link) is shown whole, and the view follows resizes until the user
    // pans, zooms or drags; a new empty scenario keeps the plain view, where palette clicks add nodes.
    m_ui.canvasFit = m_share.embed || !m_scenario.nodes.empty();
}

std::string App::scenarioJson() const {
    return m_compare ? scenario::writeComparison(scenarioA(), scenarioB()) : scenario::writeScenario(m_scenario);
}

void App::rebuildEngine(bool keepTime) {
    const SimTime previous = keepTime && m_engine ? m_engine->now() : 0;
    m_engine = std::make_unique<Engine>(m_scenario);
    ++m_ui.engineBuild;
    if (previous > 0) m_engine->runUntil(previous);
    if (m_ui.selectedItem != kNone && m_ui.selectedItem >= m_engine->items().size()) m_ui.selectedItem = kNone;
    if (m_ui.selection.kind == SelectionKind::Node && nodeIndexOf(m_scenario, m_ui.selection.node) < 0)
        m_ui.selection = {};
    if (m_ui.selection.kind == SelectionKind::Edge && m_ui.selection.edge >= static_cast<int>(m_scenario.edges.size()))
        m_ui.selection = {};
    m_warningsStep = UINT64_MAX;
}

void App::commit(Scenario candidate, bool rebuild) {
    m_undo.push_back(m_scenario);
    if (m_undo.size() > 200) m_undo.erase(m_undo.begin());
    m_redo.clear();
    m_scenario = std::move(candidate);
    if (rebuild) rebuildEngine(true);
}

// [SECTION] commands
void App::apply(const Command& command) {
    Engine& e = *m_engine;
    UiState& ui = m_ui;
    if (ui.locked && editsScenario(command)) {
        ui.status = {StatusKind::Info, "this embed is read-only: Open in playground to edit"};
        return;
    }
    std::visit(
        [&](const auto& c) {
            using T = std::decay_t<decltype(c)>;
            if constexpr (std::is_same_v<T, cmd::SetPlaying>) {
                ui.playing = c.playing;
            } else if constexpr (std::is_same_v<T, cmd::TogglePlay>) {
                ui.playing = !ui.playing;
                if (ui.playing && e.now() >= m_scenario.runFor && e.idle()) {
                    e.reset();  // replay from the start
                }
            } else if constexpr (std::is_same_v<T, cmd::Step>) {
                ui.playing = false;
                int stepped = 0;
                while (stepped < c.count && stepWithinRun()) ++stepped;
                if (stepped < c.count) ui.status = {StatusKind::Info, "end of the run (run_for)"};
            } else if constexpr (std::is_same_v<T, cmd::StepToInvocation>) {
                ui.playing = false;
                const std::int64_t before = e.totalInvocations();
                const SimTime limit = std::max(m_scenario.runFor, e.now());
                e.runUntil([&](const Engine& en) { return en.totalInvocations() > before || en.nextEventTime() > limit; });
                if (e.totalInvocations() == before) ui.status = {StatusKind::Info, "no further invocation before the end of the run"};
            } else if constexpr (std::is_same_v<T, cmd::StepBack>) {
                ui.playing = false;
                if (e.stepCount() > 0) e.rewindTo(e.stepCount() - 1);
            } else if constexpr (std::is_same_v<T, cmd::Seek>) {
                if (c.time < e.now()) e.reset();
                e.runUntil(std::max<SimTime>(0, c.time));
            } else if constexpr (std::is_same_v<T, cmd::Reset>) {
                ui.playing = false;
                e.reset();
            } else if constexpr (std::is_same_v<T, cmd::SetSpeed>) {
                ui.speed = std::clamp(c.speed, 0.001, 100000.0);
            } else if constexpr (std::is_same_v<T, cmd::Select>) {
                ui.selection = c.selection;
                ui.editError.clear();
            } else if constexpr (std::is_same_v<T, cmd::SelectItem>) {
                ui.selectedItem = c.item < e.items().size() ? c.item : kNone;
            } else if constexpr (std::is_same_v<T, cmd::AddNode>) {
                Scenario candidate = m_scenario;
                const std::string id = addNode(candidate, c.type, nodeRoleIdBase(c.role), c.x, c.y);
                const std::string error = validationError(candidate);
                if (!error.empty()) {
                    ui.status = {StatusKind::Error, "cannot add: " + error};
                    return;
                }
                commit(std::move(candidate), true);
                ui.selection = {SelectionKind::Node, id, -1};
                ui.status = {StatusKind::Info, "added " + id};
            } else if constexpr (std::is_same_v<T, cmd::Connect>) {
                const ConnectCheck check = canConnect(m_scenario, c.from, c.to);
                if (!check.ok) {
                    ui.status = {StatusKind::Error, "rejected: " + check.message};
                    return;
                }
                Scenario candidate = m_scenario;
                Edge edge;
                edge.from = c.from;
                edge.to = c.to;
                candidate.edges.push_back(edge);
                commit(std::move(candidate), true);
                ui.selection = {SelectionKind::Edge, "", static_cast<int>(m_scenario.edges.size()) - 1};
                ui.status = {StatusKind::Info, "wired " + c.from + " -> " + c.to};
            } else if constexpr (std::is_same_v<T, cmd::MoveNode>) {
                const int i = nodeIndexOf(m_scenario, c.id);
                if (i < 0) return;
                Scenario candidate = m_scenario;
                candidate.nodes[static_cast<std::size_t>(i)].x = c.x;
                candidate.nodes[static_cast<std::size_t>(i)].y = c.y;
                commit(std::move(candidate), false);  // positions do not change the run
            } else if constexpr (std::is_same_v<T, cmd::DeleteSelection>) {
                Scenario candidate = m_scenario;
                if (ui.selection.kind == SelectionKind::Node) {
                    removeNode(candidate, ui.selection.node);
                    ui.status = {StatusKind::Info, "deleted " + ui.selection.node};
                } else if (ui.selection.kind == SelectionKind::Edge &&
                           ui.selection.edge < static_cast<int>(candidate.edges.size())) {
                    candidate.edges.erase(candidate.edges.begin() + ui.selection.edge);
                    ui.status = {StatusKind::Info, "deleted the edge"};
                } else {
                    return;
                }
                ui.selection = {};
                commit(std::move(candidate), true);
            } else if constexpr (std::is_same_v<T, cmd::SetParam>) {
                Scenario candidate = m_scenario;
                const int node = c.node.empty() ? -1 : nodeIndexOf(candidate, c.node);
                std::string error = setParam(candidate, node, c.edge, c.key, c.value);
                if (error.empty()) error = validationError(candidate);
                if (!error.empty()) {
                    ui.editError = c.key + ": " + error;
                    return;
                }
                ui.editError.clear();
                commit(std::move(candidate), true);
            } else if constexpr (std::is_same_v<T, cmd::SetRules>) {
                Scenario candidate = m_scenario;
                const int node = nodeIndexOf(candidate, c.node);
                if (node < 0 || candidate.nodes[static_cast<std::size_t>(node)].type != NodeType::Function) return;
                candidate.nodes[static_cast<std::size_t>(node)].function.behavior = c.rules;
                const std::string error = validationError(candidate);
                if (!error.empty()) {
                    ui.editError = "behavior: " + error;
                    return;
                }
                ui.editError.clear();
                commit(std::move(candidate), true);
                ui.status = {StatusKind::Info, c.node + ": " + c.what};
            } else if constexpr (std::is_same_v<T, cmd::NewSeed>) {
                Scenario candidate = m_scenario;
                // Any other seed will do; the clock makes successive presses differ (a seed is a scenario input).
                const auto ticks = static_cast<std::uint64_t>(std::chrono::steady_clock::now().time_since_epoch().count());
                candidate.seed = (ticks * 6364136223846793005ull + 1442695040888963407ull) >> 1;
                if (candidate.seed == m_scenario.seed) ++candidate.seed;
                commit(std::move(candidate), true);
                ui.status = {StatusKind::Info, "new seed " + std::to_string(m_scenario.seed) + ": the run replays"};
            } else if constexpr (std::is_same_v<T, cmd::Undo>) {
                if (m_undo.empty()) return;
                m_redo.push_back(m_scenario);
                m_scenario = m_undo.back();
                m_undo.pop_back();
                rebuildEngine(true);
                ui.status = {StatusKind::Info, "undone"};
            } else if constexpr (std::is_same_v<T, cmd::Redo>) {
                if (m_redo.empty()) return;
                m_undo.push_back(m_scenario);
                m_scenario = m_redo.back();
                m_redo.pop_back();
                rebuildEngine(true);
                ui.status = {StatusKind::Info, "redone"};
            } else if constexpr (std::is_same_v<T, cmd::LoadPreset>) {
                std::string text, errors;
                if (!readFile(c.path, text)) ui.status = {StatusKind::Error, "cannot read " + c.path};
                else if (!loadScenarioText(text, errors, true)) ui.status = {StatusKind::Info, "preset rejected: " + errors};
                else ui.status = {StatusKind::Info, "loaded " + m_scenario.name};
            } else if constexpr (std::is_same_v<T, cmd::OpenPage>) {
                shell(ShellVerb::OpenPage, c.path, "");
            } else if constexpr (std::is_same_v<T, cmd::SweepSetting>) {
                m_panels->sweep.addAxis(c.target, c.value);
            }
        },
        command);
    if (m_compare) syncCompareClock();  // playback moves both sides; an edit rebuilt this side at the same time
}

bool App::selectById(const std::string& id) {
    if (id.empty()) {
        apply(cmd::Select{{}});
        apply(cmd::SelectItem{kNone});
        return true;
    }
    if (nodeIndexOf(m_scenario, id) >= 0) {
        apply(cmd::Select{{SelectionKind::Node, id, -1}});
        return true;
    }
    for (std::uint32_t i = 0; i < m_engine->items().size(); ++i)
        if (m_engine->itemId(i) == id) {
            apply(cmd::SelectItem{i});
            return true;
        }
    return false;
}

void App::pinch(float x, float y, float scale, float dx, float dy) {
    PinchInput& p = m_ui.pinch;
    if (!p.active) p = {true, x, y, 1, 0, 0};
    p.x = x;
    p.y = y;
    p.scale *= scale;
    p.dx += dx;
    p.dy += dy;
}

bool App::nodeScreenRect(const std::string& id, ScreenRect& out) const {
    auto it = m_ui.nodeRects.find(id);
    if (it == m_ui.nodeRects.end()) return false;
    out = it->second;
    return true;
}

// [SECTION] frame
void App::handleKeys() {
    const ImGuiIO& io = ImGui::GetIO();
    if (io.WantTextInput) return;
    if (ImGui::IsKeyPressed(ImGuiKey_Space, false)) m_commands.push(cmd::TogglePlay{});
    if (ImGui::IsKeyPressed(ImGuiKey_RightArrow)) m_commands.push(cmd::Step{1});
    if (ImGui::IsKeyPressed(ImGuiKey_LeftArrow)) m_commands.push(cmd::StepBack{});
    if (ImGui::IsKeyPressed(ImGuiKey_Home, false)) m_commands.push(cmd::Reset{});
    const bool shortcut = io.ConfigMacOSXBehaviors ? io.KeySuper : io.KeyCtrl;  // Cmd on a Mac, as text fields
    if (shortcut && ImGui::IsKeyPressed(ImGuiKey_Z)) m_commands.push(io.KeyShift ? Command(cmd::Redo{}) : Command(cmd::Undo{}));
    if (shortcut && ImGui::IsKeyPressed(ImGuiKey_Y)) m_commands.push(cmd::Redo{});
    // (a Mac keyboard's delete key is Backspace)
    if (ImGui::IsKeyPressed(ImGuiKey_Delete, false) || (io.ConfigMacOSXBehaviors && ImGui::IsKeyPressed(ImGuiKey_Backspace, false)))
        m_commands.push(cmd::DeleteSelection{});
}

void App::refreshWarnings(double dtSeconds) {
    m_warningsAge += dtSeconds;
    // While playing, at most four times a second; once paused or stepped, at once (the list then matches
    // the counters it is read beside).
    if (m_engine->stepCount() == m_warningsStep) return;
    if (m_ui.playing && m_warningsAge < kWarningsEvery && m_warningsStep != UINT64_MAX) return;
    m_warnings = computeWarnings(*m_engine);
    appendImportWarnings();
    m_warningsStep = m_engine->stepCount();
    m_warningsAge = 0;
}

/// Stacked layout (narrow screens): the inspector and the palette are the first tabs under the canvas; a new
/// selection on the canvas brings the inspector forward.
void App::drawStackedTabs(FrameContext& ctx) {
    const bool selectionChanged = !(m_ui.selection == m_stackedSelection);
    m_stackedSelection = m_ui.selection;
    const bool showInspector = selectionChanged && m_ui.selection.kind != SelectionKind::None;
    const auto tab = [&](const char* label, ImGuiTabItemFlags flags, auto draw) {
        if (!ImGui::BeginTabItem(label, nullptr, flags)) return;
        if (m_ui.touchUi) ImGui::PopStyleVar();
        ImGui::BeginChild(label);
        draw();
        ImGui::EndChild();
        if (m_ui.touchUi) ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(12, 10));
        ImGui::EndTabItem();
    };
    tab("Inspector###stack-inspector", showInspector ? ImGuiTabItemFlags_SetSelected : 0, [&] { m_panels->inspector.draw(ctx); });
    tab("Palette###stack-palette", 0, [&] { m_panels->palette.draw(ctx); });
}

void App::drawBottomTab(BottomTab tab, FrameContext& ctx) {
    switch (tab) {
    case BottomTab::Timeline: m_panels->timeline.draw(ctx); break;
    case BottomTab::Journey: m_panels->journey.draw(ctx); break;
    case BottomTab::Metrics: m_panels->metrics.draw(ctx); break;
    case BottomTab::EventLog: m_panels->log.draw(ctx); break;
    case BottomTab::Warnings: m_panels->warnings.draw(ctx); break;
    case BottomTab::Compare: drawCompareTab(ctx); break;
    }
}

void App::frame(double dtSeconds) {
    const auto frameStart = std::chrono::steady_clock::now();
    ++m_frameCount;
    if (m_compare && m_compare->switchTo) {  // a press on the other side's canvas (last frame)
        const Selection select = *m_compare->switchTo;
        m_compare->switchTo.reset();
        editSide(!m_compare->editingB);
        apply(cmd::Select{select});
    }
    for (const Command& c : m_commands.take()) apply(c);
    // The invariants (every item) and the warnings are checked a few times a second while playing: on those
    // frames the simulation gets a shorter slice, so no frame pays for both (issue 21).
    // The slice counts from the start of the frame: commands applied above (a reset, a load) leave it less.
    const bool checkFrame = m_live.checkDue(dtSeconds) || m_warningsAge + dtSeconds >= kWarningsEvery;
    const double spent = std::chrono::duration<double>(std::chrono::steady_clock::now() - frameStart).count();
    m_slicePlayed = m_ui.playing;
    advance(dtSeconds, std::max(0.0, (checkFrame ? kCheckFrameSliceSeconds : m_slice.slice()) - spent));
    if (m_compare) syncCompareClock();
    m_live.setPlaying(m_ui.playing);
    m_live.update(*m_engine, m_ui.engineBuild, dtSeconds);
    refreshWarnings(dtSeconds);
    handleKeys();
    if (m_share.embed) {  // ?embed: title, transport and canvas only (app_share.cpp)
        drawEmbedFrame();
        m_ui.pinch = {};
        return;
    }

    const float menuH = drawMainMenuBar();  // app_menus.cpp
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    const Layout layout = computeLayout(display, menuH, TransportPanel::height(display.x, m_ui.touchUi));
    m_ui.canvasMinFitZoom = layout.stacked ? kReadableZoom : 0.3f;
    FrameContext ctx{*m_engine, m_scenario, m_ui, m_commands, m_warnings};
    m_ui.panelRects.clear();
    m_ui.panelRects["Menu bar"] = {0, 0, display.x, menuH, 0, 0};
    const auto panel = [this](const char* title, const PanelRect& rect, ImGuiWindowFlags flags) {
        m_ui.panelRects[title] = {rect.pos.x, rect.pos.y, rect.size.x, rect.size.y, 0, 0};
        return beginPanel(title, rect, flags);
    };
    ctx.live = &m_live;

    if (panel("Transport", layout.transport, ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoScrollbar))
        m_panels->transport.draw(ctx);
    ImGui::End();
    if (!layout.stacked) {
        if (panel("Palette", layout.palette, 0)) m_panels->palette.draw(ctx);
        ImGui::End();
    }
    if (panel("Canvas", layout.canvas, ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse))
        drawCanvasArea(ctx);  // app_compare.cpp: one canvas, or A and B
    ImGui::End();
    if (!layout.stacked) {
        if (panel("Inspector", layout.inspector, 0)) m_panels->inspector.draw(ctx);
        ImGui::End();
    }
    if (panel("Details", layout.bottom, ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoScrollbar)) {
        if (m_ui.touchUi) ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(12, 10));  // finger-sized tabs
        if (ImGui::BeginTabBar("bottom", ImGuiTabBarFlags_FittingPolicyScroll)) {
            if (layout.stacked) drawStackedTabs(ctx);  // inspector and palette as tabs (app_menus.cpp)
            for (int i = 0; i < kBottomTabCount; ++i) {
                const BottomTab tab = static_cast<BottomTab>(i);
                if (tab == BottomTab::Compare && !m_compare) continue;
                std::string label = bottomTabTitle(tab);
                if (tab == BottomTab::Warnings && !m_warnings.empty()) label += " (" + std::to_string(m_warnings.size()) + ")";
                label += "###tab" + std::to_string(i);
                const ImGuiTabItemFlags flags = m_ui.requestTab == tab ? ImGuiTabItemFlags_SetSelected : 0;
                if (ImGui::BeginTabItem(label.c_str(), nullptr, flags)) {
                    if (m_ui.touchUi) ImGui::PopStyleVar();
                    drawBottomTab(tab, ctx);
                    if (m_ui.touchUi) ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(12, 10));
                    ImGui::EndTabItem();
                }
            }
            m_ui.requestTab.reset();
            ImGui::EndTabBar();
        }
        if (m_ui.touchUi) ImGui::PopStyleVar();
    }
    ImGui::End();

    drawShareOverlays();  // gallery, "opened from a link" banner, messages (app_share.cpp)

    if (!m_ui.copyRequest.empty()) {
        if (m_copy) m_copy(m_ui.copyRequest);
        else ImGui::SetClipboardText(m_ui.copyRequest.c_str());
        m_ui.copyRequest.clear();
    }
    m_ui.pinch = {};  // a pinch over no zoomable panel is dropped
    m_ui.lastFrameUiMs = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - frameStart).count();
}

}  // namespace pg::ui
