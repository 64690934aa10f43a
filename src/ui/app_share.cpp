// App: share links, files, presets gallery, embed mode and the messages shown when something cannot be opened
// (issue 6). The codec is scenario/share_link; the page's JS only moves strings (web/links.js, web/embed.js).
// [SECTION] opening  [SECTION] overlays  [SECTION] embed frame  [SECTION] state JSON
#include <imgui.h>

#include <algorithm>
#include <chrono>
#include <nlohmann/json.hpp>

#include "app.hpp"
#include "compare_state.hpp"
#include "layout.hpp"
#include "panels/panels.hpp"
#include "scenario/scenario_json.hpp"
#include "scenario/share_link.hpp"

namespace pg::ui {

using namespace sim;

namespace {
constexpr double kOpenStepBudgetSeconds = 2.0;  // replaying a link's step index never freezes the page longer
constexpr std::size_t kMaxErrorLinesShown = 12;

std::string errorLines(const std::vector<scenario::ScenarioError>& errors) {
    std::vector<scenario::ScenarioError> shown(errors.begin(),
                                               errors.begin() + std::min(errors.size(), kMaxErrorLinesShown));
    std::string text = scenario::formatErrors(shown);
    if (errors.size() > shown.size()) text += "... and " + std::to_string(errors.size() - shown.size()) + " more\n";
    return text;
}
}  // namespace

// [SECTION] opening
void App::replaceScenario(Scenario scenario) {
    if (m_engine) {
        m_undo.push_back(m_scenario);
        if (m_undo.size() > 200) m_undo.erase(m_undo.begin());
        m_redo.clear();
    }
    m_scenario = std::move(scenario);
    m_importWarnings.clear();
    m_ui.selection = {};
    m_ui.selectedItem = kNone;
    m_ui.playing = false;
    m_share.linkHeld = false;
    fitOnOpen();
    m_compare.reset();
    m_presetFix.reset();
    rebuildEngine(false);
}

void App::showNotice(const std::string& title, const std::string& text) {
    m_share.notice = Notice{title, text, false};
}

std::string App::shareFragment(bool atStep) const {
    std::optional<std::uint64_t> step;
    std::string item;
    if (atStep) {
        step = m_engine->stepCount();
        if (m_ui.selectedItem != kNone) item = m_engine->itemId(m_ui.selectedItem);
    }
    if (m_compare) {  // a comparison's link: A with B as compare_b; the step counts the edited side's steps
        if (m_compare->editingB) item.clear();
        return scenario::encodeComparisonLink(scenarioA(), scenarioB(), step, item);
    }
    const scenario::SweepSpec sweep = m_panels->sweep.spec();
    if (!atStep && !sweep.axes.empty()) return scenario::encodeShareLinkWithSweep(m_scenario, sweep);
    return scenario::encodeShareLink(m_scenario, step, item);
}

bool App::openShareLink(const std::string& fragment) {
    scenario::DecodedShareLink link = scenario::decodeShareLink(fragment);
    if (!link.ok()) {
        std::string text = link.message;
        if (!link.scenarioErrors.empty()) text += "\n\n" + errorLines(link.scenarioErrors);
        showNotice("This link could not be opened", text + "\n\nYour current scenario is unchanged.");
        m_ui.status = {StatusKind::Error, "cannot open the link"};
        return false;
    }
    replaceScenario(std::move(link.scenario));
    takeCompareB(std::move(link.compareB), false);
    if (link.step) {
        const auto start = std::chrono::steady_clock::now();
        for (std::uint64_t i = 0; i < *link.step && stepWithinRun(); ++i) {
            if ((i & 1023) == 1023 &&
                std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count() > kOpenStepBudgetSeconds)
                break;
        }
    }
    if (m_compare) syncCompareClock();
    if (!link.item.empty()) selectById(link.item);
    openSweepOf(link.sweep);
    m_ui.status = {StatusKind::Info, "opened a link: " + m_scenario.name};
    if (link.step && m_engine->stepCount() != *link.step)
        m_ui.status.text += " (at step " + std::to_string(m_engine->stepCount()) + " of " + std::to_string(*link.step) + ")";
    m_share.linkHeld = !m_share.embed;
    m_share.undoAtLink = m_undo.size();
    m_share.redoAtLink = m_redo.size();
    return true;
}

bool App::openScenarioText(const std::string& text, const std::string& source) {
    scenario::ParseResult parsed = scenario::parseScenario(text);
    if (!parsed.ok()) {
        // Not a scenario: an AWS template opened or dropped is imported (app_import.cpp).
        const TemplateImport imported = importTemplateText(text, source);
        if (imported != TemplateImport::NotATemplate) return imported == TemplateImport::Imported;
        showNotice("Could not open " + source,
                   errorLines(parsed.errors) + "\nYour current scenario is unchanged.");
        m_ui.status = {StatusKind::Error, "cannot open " + source};
        return false;
    }
    replaceScenario(std::move(parsed.scenario));
    takeCompareB(std::move(parsed.compareB), false);
    m_ui.status = {StatusKind::Info, "opened " + m_scenario.name};
    openSweepOf(scenario::parseSweepSection(text));
    return true;
}

bool App::openPreset(const std::string& stem) {
    for (const PresetInfo& p : m_panels->gallery.presets(m_panels->presets))
        if (p.stem == stem) {
            apply(cmd::LoadPreset{p.path});
            return m_scenario.name == p.title;
        }
    m_ui.status = {StatusKind::Info, "no preset named " + stem};
    return false;
}

void App::newScenario() {
    Scenario blank;
    blank.name = "Untitled scenario";
    replaceScenario(std::move(blank));
    m_ui.status = {StatusKind::Info, "new scenario: add a source and a function from the palette"};
}

void App::setEmbed(std::optional<BottomTab> panel, const std::string& title) {
    m_share.embed = true;
    m_share.embedPanel = panel;
    m_share.embedTitle = title;
    m_share.linkHeld = false;
    m_ui.canvasFit = true;  // the presets are laid out for the full app's canvas, not an iframe's
}

bool App::autosaveAllowed() {
    if (m_share.linkHeld && (m_undo.size() != m_share.undoAtLink || m_redo.size() != m_share.redoAtLink))
        m_share.linkHeld = false;  // the user edited the linked scenario: it is theirs now
    return !m_share.embed && !m_share.linkHeld;
}

void App::copyLink(bool atStep) {
    const std::string fragment = shareFragment(atStep);
    if (m_share.shell) m_share.shell(ShellVerb::CopyLink, fragment, "");
    else m_ui.copyRequest = fragment;
    m_ui.status = {StatusKind::Info, "link copied (" + std::to_string(fragment.size()) + " characters)"};
}

void App::shell(ShellVerb verb, const std::string& a, const std::string& b) {
    if (m_share.shell) m_share.shell(verb, a, b);
    else m_ui.status = {StatusKind::Info, std::string("not available here: ") + shellVerbName(verb)};
}

// A file's or link's "sweep" reopens the sweep window and reruns it; a bad one is named, the scenario kept.
void App::openSweepOf(const scenario::SweepParse& sweep) {
    if (!sweep.hasSweep) return;
    if (!sweep.errors.empty()) {
        showNotice("The sweep could not be read", errorLines(sweep.errors) + "\nThe scenario itself opened.");
        return;
    }
    m_panels->sweep.openWith(sweep.spec);
}

void App::sweepRow(int index, const std::string& rowJson, int generation) {
    m_panels->sweep.receiveRow(index, rowJson, generation);
}

bool App::sweepRunning() const { return m_panels->sweep.running(); }

// [SECTION] overlays
void App::drawShareOverlays() {
    if (auto run = m_panels->sweep.draw(m_scenario, m_sweepRunner)) {
        const std::string name = run->name;
        replaceScenario(std::move(*run));
        m_ui.status = {StatusKind::Info, "opened a sweep run of " + name};
    }
    autosaveAllowed();  // releases the link hold once the user edits
    m_panels->gallery.draw(m_share.galleryOpen, m_panels->presets, m_scenario.name, m_commands);
    if (!m_panels->gallery.fixRequest.empty()) {  // the gallery's "Show the fix": the preset, then its B
        apply(cmd::LoadPreset{m_panels->gallery.fixRequest});
        m_panels->gallery.fixRequest.clear();
        showFix();
    }
    drawImportWindow();
    const std::string page = m_panels->help.draw(ImGui::GetIO().ConfigMacOSXBehaviors);
    if (!page.empty()) shell(ShellVerb::OpenPage, page, "");

    const ImVec2 display = ImGui::GetIO().DisplaySize;
    if (m_share.linkHeld && !m_share.embed) {
        // Over the top of the canvas (below the transport bar), so the transport stays usable.
        ImGui::SetNextWindowPos(ImVec2(display.x * 0.5f, ImGui::GetFrameHeight() + 96.0f + 30.0f), ImGuiCond_Always, ImVec2(0.5f, 0));
        ImGui::SetNextWindowBgAlpha(0.96f);
        const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize |
                                       ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoMove;
        if (ImGui::Begin("##link-banner", nullptr, flags)) {
            ImGui::TextColored(ImVec4(0.65f, 0.8f, 1.0f, 1.0f), "Opened from a link:");
            ImGui::SameLine();
            ImGui::TextUnformatted(m_scenario.name.c_str());
            ImGui::TextDisabled("Your autosaved work is kept until you edit this scenario or keep it.");
            if (ImGui::SmallButton("Keep this scenario")) m_share.linkHeld = false;
            ImGui::SameLine();
            if (ImGui::SmallButton("Back to my work")) shell(ShellVerb::RestoreAutosave, "", "");
        }
        ImGui::End();
    }

    Notice& notice = m_share.notice;
    if (notice.title.empty()) return;
    if (!notice.shown) {
        ImGui::OpenPopup("###pg-notice");
        notice.shown = true;
    }
    ImGui::SetNextWindowPos(ImVec2(display.x * 0.5f, display.y * 0.4f), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    const std::string label = notice.title + "###pg-notice";
    if (ImGui::BeginPopupModal(label.c_str(), nullptr, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings)) {
        ImGui::PushTextWrapPos(std::min(ImGui::GetFontSize() * 34, display.x - 60));
        ImGui::TextUnformatted(notice.text.c_str());
        ImGui::PopTextWrapPos();
        ImGui::Spacing();
        if (ImGui::Button("OK", ImVec2(120, 0)) || ImGui::IsKeyPressed(ImGuiKey_Enter) || ImGui::IsKeyPressed(ImGuiKey_Escape)) {
            ImGui::CloseCurrentPopup();
            notice = Notice{};
        }
        ImGui::EndPopup();
    } else {
        notice = Notice{};  // closed some other way
    }
}

// [SECTION] embed frame
void App::drawEmbedFrame() {
    float barH = 0;
    if (ImGui::BeginMainMenuBar()) {
        const std::string& title = m_share.embedTitle.empty() ? m_scenario.name : m_share.embedTitle;
        ImGui::TextUnformatted(title.c_str());
        const char* open = "Open in playground";
        const float w = ImGui::CalcTextSize(open).x + ImGui::GetStyle().FramePadding.x * 2;
        ImGui::SameLine(std::max(ImGui::GetCursorPosX() + 8, ImGui::GetWindowWidth() - w - 10));
        if (ImGui::SmallButton(open)) shell(ShellVerb::OpenInPlayground, shareFragment(true), "");
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Open this scenario, at this step, in the full playground");
        barH = ImGui::GetWindowSize().y;
        ImGui::EndMainMenuBar();
    }
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    const float transportH = TransportPanel::height(display.x, m_ui.touchUi);
    m_ui.canvasMinFitZoom = kReadableZoom;
    const float bottomH = m_share.embedPanel ? std::clamp(display.y * 0.32f, 100.0f, 300.0f) : 0.0f;
    const float canvasTop = barH + transportH;
    const float canvasH = std::max(60.0f, display.y - canvasTop - bottomH);
    FrameContext ctx{*m_engine, m_scenario, m_ui, m_commands, m_warnings};
    ctx.live = &m_live;
    if (beginPanel("Transport", {{0, barH}, {display.x, transportH}}, ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoScrollbar))
        m_panels->transport.draw(ctx);
    ImGui::End();
    if (beginPanel("Canvas", {{0, canvasTop}, {display.x, canvasH}},
                   ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse))
        drawCanvasArea(ctx);
    ImGui::End();
    if (m_share.embedPanel) {
        if (beginPanel("Details", {{0, canvasTop + canvasH}, {display.x, display.y - canvasTop - canvasH}},
                       ImGuiWindowFlags_NoTitleBar))
            drawBottomTab(*m_share.embedPanel, ctx);
        ImGui::End();
    }
    drawShareOverlays();
}

// [SECTION] state JSON
void App::shareStateJson(nlohmann::json& s) const {
    if (m_share.notice.title.empty()) s["notice"] = nullptr;
    else s["notice"] = {{"title", m_share.notice.title}, {"text", m_share.notice.text}};
    s["embed"] = m_share.embed;
    s["embed_panel"] = m_share.embedPanel ? bottomTabKey(*m_share.embedPanel) : "";
    s["link_held"] = m_share.linkHeld;
    s["gallery_open"] = m_share.galleryOpen;
    s["locked"] = m_ui.locked;
    s["help"] = helpTopicKey(m_panels->help.topic());
    const ScreenRect& c = m_ui.canvasRect;
    s["canvas_rect"] = {{"x", c.x}, {"y", c.y}, {"w", c.w}, {"h", c.h}};
    s["canvas_fit"] = m_ui.canvasFit;
    s["canvas_zoom"] = m_ui.canvasZoom;
    s["timeline_span_us"] = m_ui.timelineSpanUs;
    s["touch_ui"] = m_ui.touchUi;
    nlohmann::json panels = nlohmann::json::object();
    for (const auto& [title, r] : m_ui.panelRects) panels[title] = {{"x", r.x}, {"y", r.y}, {"w", r.w}, {"h", r.h}};
    s["panels"] = panels;  // the main layout's windows (and the menu bar) as last laid out
    nlohmann::json menu = nlohmann::json::object();
    for (const auto& [label, r] : m_ui.menuRects) menu[label] = {{"x", r.x}, {"y", r.y}, {"w", r.w}, {"h", r.h}};
    s["menu_items"] = menu;  // menus and their items when last open
}

}  // namespace pg::ui
