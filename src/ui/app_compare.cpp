// App: the A/B comparison (issue 17). The edited side is the App's scenario and engine (every panel edits it as
// usual); the other side waits in CompareState and follows the edited side's clock after each playback command
// and frame. The canvas shows both (A left or on top); a press on the other canvas edits that side. The diff
// table's figures come from src/compare, as the command line's `compare` prints them.
// [SECTION] start, switch, end  [SECTION] clock and diff  [SECTION] drawing  [SECTION] state JSON
#include <imgui.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "app.hpp"
#include "compare_state.hpp"
#include "engine/run_budget.hpp"
#include "layout.hpp"
#include "panels/frame_context.hpp"
#include "panels/panels.hpp"
#include "scenario/scenario_json.hpp"
#include "scenario_edit.hpp"

namespace pg::ui {

using namespace sim;

namespace {
constexpr ImVec4 kAmber(1.0f, 0.69f, 0.13f, 1.0f);
constexpr float kStackBelowWidth = 760;  ///< a canvas narrower than this shows B under A

void copyView(const UiState& from, UiState& to) {
    to.canvasPanX = from.canvasPanX;
    to.canvasPanY = from.canvasPanY;
    to.canvasZoom = from.canvasZoom;
    to.canvasFit = from.canvasFit;
    to.canvasRect = from.canvasRect;
}

void swapViews(UiState& a, UiState& b) {
    UiState t;
    copyView(a, t);
    copyView(b, a);
    copyView(t, b);
}
}  // namespace

// [SECTION] start, switch, end
bool App::startCompare() {
    if (m_compare) return false;
    Scenario b = m_scenario;
    b.name = forkedName(m_scenario.name);  // a name to tell B from A by, wherever the two are named
    startCompare(std::move(b));
    m_ui.status = {StatusKind::Info, "comparing: B is a copy of A; edit B, then play"};
    return true;
}

void App::startCompare(Scenario b) {
    m_compare = std::make_unique<CompareState>();
    CompareState& c = *m_compare;
    c.editingB = true;
    c.other = std::move(m_scenario);
    c.otherEngine = std::move(m_engine);
    c.otherUndo = std::move(m_undo);
    c.otherRedo = std::move(m_redo);
    m_undo.clear();
    m_redo.clear();
    m_ui.canvasFit = true;  // each half shows its scenario whole
    copyView(m_ui, c.otherView);
    c.otherView.locked = true;
    c.otherWarnings = m_warnings;
    m_scenario = std::move(b);
    m_engine = std::make_unique<Engine>(m_scenario);
    ++m_ui.engineBuild;
    m_warningsStep = UINT64_MAX;
    syncCompareClock();  // B starts where A is
    if (!m_share.embed) m_ui.requestTab = BottomTab::Compare;
}

bool App::showFix() {
    if (!m_presetFix) return false;
    Scenario fix = *m_presetFix;
    if (m_compare) endCompare();
    startCompare(std::move(fix));
    m_ui.status = {StatusKind::Info, "B is the preset's fix: " + m_scenario.name};
    return true;
}

bool App::compareWithPreset(const std::string& stem) {
    for (const PresetInfo& p : m_panels->gallery.presets(m_panels->presets))
        if (p.stem == stem) {
            std::ifstream in(p.path, std::ios::binary);
            std::stringstream text;
            text << in.rdbuf();
            scenario::ParseResult parsed = scenario::parseScenario(text.str());
            if (!parsed.ok()) return false;
            if (m_compare) endCompare();
            if (parsed.scenario.name == m_scenario.name) parsed.scenario.name = forkedName(parsed.scenario.name);
            startCompare(std::move(parsed.scenario));
            return true;
        }
    return false;
}

bool App::editSide(bool b) {
    if (!m_compare) return false;
    CompareState& c = *m_compare;
    if (c.editingB == b) return true;
    std::swap(m_scenario, c.other);
    std::swap(m_engine, c.otherEngine);
    std::swap(m_undo, c.otherUndo);
    std::swap(m_redo, c.otherRedo);
    std::swap(m_warnings, c.otherWarnings);
    swapViews(m_ui, c.otherView);
    c.editingB = b;
    ++m_ui.engineBuild;
    m_warningsStep = UINT64_MAX;
    m_ui.editError.clear();
    if (m_ui.selection.kind == SelectionKind::Node && nodeIndexOf(m_scenario, m_ui.selection.node) < 0) m_ui.selection = {};
    if (m_ui.selection.kind == SelectionKind::Edge) m_ui.selection = {};
    m_ui.selectedItem = kNone;
    m_ui.status = {StatusKind::Info, std::string("editing ") + (b ? "B" : "A")};
    return true;
}

void App::endCompare() {
    if (!m_compare) return;
    const bool b = m_compare->editingB;
    m_compare.reset();
    m_ui.canvasFit = true;
    m_ui.status = {StatusKind::Info, std::string("comparison ended: kept ") + (b ? "B" : "A")};
}

void App::takeCompareB(std::optional<Scenario> b, bool preset) {
    m_compare.reset();
    m_presetFix.reset();
    if (!b) return;
    if (preset) {
        m_presetFix = std::move(b);
        return;
    }
    startCompare(std::move(*b));
    editSide(false);  // a comparison opens on A (a link's step counts A's steps)
}

const Scenario& App::scenarioA() const { return m_compare && m_compare->editingB ? m_compare->other : m_scenario; }
const Scenario& App::scenarioB() const { return m_compare && !m_compare->editingB ? m_compare->other : m_scenario; }

// [SECTION] clock and diff
void App::syncCompareClock() {
    if (!m_compare || !m_compare->otherEngine) return;
    Engine& other = *m_compare->otherEngine;
    const SimTime t = m_engine->now();
    if (other.now() > t || (m_engine->stepCount() == 0 && other.stepCount() > 0)) other.reset();
    if (m_engine->stepCount() == 0) return;
    RunBudget budget;  // the page's events-per-run cap, as the edited side has
    runSlice(other, t, budget);
}

void App::drawCompareTab(FrameContext&) {
    if (!m_compare) {
        ImGui::TextDisabled("Compare forks this scenario into B; edit B and play both on one clock.");
        return;
    }
    CompareState& c = *m_compare;
    const Engine& a = c.editingB ? *c.otherEngine : *m_engine;
    const Engine& b = c.editingB ? *m_engine : *c.otherEngine;
    m_panels->compare.draw(c.diff, c.delta, a.scenario().name, b.scenario().name);
}

// [SECTION] drawing
void App::drawCanvasArea(FrameContext& ctx) {
    if (!m_compare) {
        m_panels->canvas.draw(ctx);
        return;
    }
    CompareState& c = *m_compare;
    // The figures and outlines, at most four times a second while playing (as the warnings).
    c.diffAge += ImGui::GetIO().DeltaTime;
    const std::uint64_t stepA = (c.editingB ? *c.otherEngine : *m_engine).stepCount();
    const std::uint64_t stepB = (c.editingB ? *m_engine : *c.otherEngine).stepCount();
    // (time too: the clock runs on past the last event to the end of the run, and per-day figures follow it)
    if ((stepA != c.diffStepA || stepB != c.diffStepB || m_engine->now() != c.diffTime || m_ui.engineBuild != c.diffBuild) &&
        (!m_ui.playing || c.diffAge >= 0.25 || m_ui.engineBuild != c.diffBuild)) {
        const Engine& a = c.editingB ? *c.otherEngine : *m_engine;
        const Engine& b = c.editingB ? *m_engine : *c.otherEngine;
        c.diff = compare::diffRuns(compare::collectRunStats(a), compare::collectRunStats(b));
        c.delta = scenario::scenarioDelta(scenarioA(), scenarioB());
        c.otherWarnings = computeWarnings(*c.otherEngine);
        c.diffStepA = stepA;
        c.diffStepB = stepB;
        c.diffBuild = m_ui.engineBuild;
        c.diffTime = m_engine->now();
        c.diffAge = 0;
    }
    ctx.delta = &c.delta;
    CommandQueue otherCommands;
    c.otherView.locked = true;
    c.otherView.speed = m_ui.speed;
    FrameContext otherCtx{*c.otherEngine, c.other, c.otherView, otherCommands, c.otherWarnings, &c.delta};
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const bool stacked = avail.x < kStackBelowWidth;
    constexpr float gap = 6;
    const ImVec2 half = stacked ? ImVec2(avail.x, (avail.y - gap) * 0.5f) : ImVec2((avail.x - gap) * 0.5f, avail.y);
    for (int side = 0; side < 2; ++side) {  // A left (or on top), B right (or below)
        const bool isB = side == 1, edited = isB == c.editingB;
        if (isB && !stacked) ImGui::SameLine(0, gap);
        ImGui::BeginChild(isB ? "##compare-b" : "##compare-a", half, true,
                          ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
        const Scenario& s = isB ? scenarioB() : scenarioA();
        ImGui::TextColored(edited ? kAmber : ImVec4(0.6f, 0.6f, 0.65f, 1), "%s  %s", isB ? "B" : "A", s.name.c_str());
        ImGui::SameLine();
        ImGui::TextDisabled(edited ? "(editing)" : "(press a node to edit)");
        if (edited) m_panels->canvas.draw(ctx);
        else m_panels->canvasOther.draw(otherCtx);
        ImGui::EndChild();
    }
    for (const Command& command : otherCommands.take())
        if (const auto* select = std::get_if<cmd::Select>(&command))
            if (select->selection.kind == SelectionKind::Node) c.switchTo = select->selection;
}

void App::drawCompareBar() {
    const bool open = ImGui::BeginMenu("Compare");
    noteMenuRect("Compare");
    if (open) {
        if (ImGui::MenuItem("Compare: fork into B", nullptr, false, !m_compare)) startCompare();
        noteMenuRect("Compare: fork into B");
        if (ImGui::MenuItem("Show the fix", nullptr, false, m_presetFix.has_value())) showFix();
        noteMenuRect("Show the fix");
        if (ImGui::MenuItem("Edit A", nullptr, m_compare && !m_compare->editingB, m_compare != nullptr)) editSide(false);
        if (ImGui::MenuItem("Edit B", nullptr, m_compare && m_compare->editingB, m_compare != nullptr)) editSide(true);
        if (ImGui::MenuItem("End comparison (keep the side being edited)", nullptr, false, m_compare != nullptr)) endCompare();
        ImGui::EndMenu();
    }
    if (!m_compare) {
        // Not labelled "Compare": the menu beside it is, and two "Compare" side by side read as one word twice.
        if (ImGui::SmallButton("Fork into B##fork")) startCompare();
        noteMenuRect("button:Compare");
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Fork this scenario into B, edit B, and play A and B on one clock");
        if (m_presetFix) {
            if (ImGui::SmallButton("Show the fix##bar")) showFix();
            noteMenuRect("button:Show the fix");
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("Compare with the fix this preset carries: %s", m_presetFix->name.c_str());
        }
        return;
    }
    ImGui::TextColored(kAmber, "editing");
    for (const bool b : {false, true}) {
        const bool on = m_compare->editingB == b;
        if (on) ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0.55f, 0.38f, 0.08f, 1));
        if (ImGui::SmallButton(b ? "B" : "A")) editSide(b);
        if (on) ImGui::PopStyleColor();
        noteMenuRect(b ? "button:Edit B" : "button:Edit A");
    }
    if (ImGui::SmallButton("End##compare")) endCompare();
    noteMenuRect("button:End comparison");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("End the comparison and keep the side being edited");
}

// [SECTION] state JSON
void App::compareStateJson(nlohmann::json& s) const {
    s["fix_available"] = m_presetFix.has_value();
    if (!m_compare) {
        s["compare"] = nullptr;
        return;
    }
    const CompareState& c = *m_compare;
    const Engine& a = c.editingB ? *c.otherEngine : *m_engine;
    const Engine& b = c.editingB ? *m_engine : *c.otherEngine;
    auto side = [](const Engine& e) {
        nlohmann::json j;
        j["scenario"] = e.scenario().name;
        j["time_us"] = e.now();
        j["step"] = e.stepCount();
        nlohmann::json counters = nlohmann::json::object();
        for (std::uint32_t i = 0; i < e.nodeCount(); ++i) {
            const NodeCounters& n = e.counters(i);
            counters[e.node(i).id] = {{"received", n.received}, {"receives", n.receives},
                                      {"dead_lettered", n.deadLettered}, {"invocations", n.invocations},
                                      {"errors", n.errors}, {"visible", n.visible}, {"in_flight", n.inFlight},
                                      {"expired", n.expired}, {"deleted", n.deleted}};
        }
        j["counters"] = counters;
        nlohmann::json items;
        for (int st = 0; st < kItemStateCount; ++st)
            items[itemStateName(static_cast<ItemState>(st))] = e.itemsInState(static_cast<ItemState>(st));
        j["items"] = items;
        return j;
    };
    nlohmann::json j;
    j["editing"] = c.editingB ? "B" : "A";
    j["a"] = side(a);
    j["b"] = side(b);
    const compare::RunDiff diff = compare::diffRuns(compare::collectRunStats(a), compare::collectRunStats(b));
    nlohmann::json rows = nlohmann::json::array();
    for (const compare::DiffRow& r : diff.rows)
        rows.push_back({{"group", r.group}, {"node", r.node}, {"field", r.field},
                        {"a", r.a ? nlohmann::json(*r.a) : nlohmann::json(nullptr)},
                        {"b", r.b ? nlohmann::json(*r.b) : nlohmann::json(nullptr)}});
    j["rows"] = rows;
    j["summary"] = diff.summary;
    j["shown_summary"] = c.diff.summary;  // what the Compare tab shows (refreshed at most 4 times a second)
    j["delta"] = c.delta.settings;
    nlohmann::json rects = nlohmann::json::object();
    for (const auto& [id, r] : c.otherView.nodeRects) rects[id] = {{"x", r.x}, {"y", r.y}, {"w", r.w}, {"h", r.h}};
    j["other_node_rects"] = rects;  // the canvas of the side not being edited (tests)
    const ScreenRect& o = c.otherView.canvasRect;
    j["other_canvas_rect"] = {{"x", o.x}, {"y", o.y}, {"w", o.w}, {"h", o.h}};
    s["compare"] = j;
}

}  // namespace pg::ui
