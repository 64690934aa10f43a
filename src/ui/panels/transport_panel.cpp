#include "transport_panel.hpp"

#include <imgui.h>

#include <algorithm>
#include <array>
#include <cmath>

#include "compare/run_compare.hpp"
#include "cost/cost_model.hpp"
#include "ui/touch_gestures.hpp"
#include "ui/ui_text.hpp"

namespace pg::ui {

using namespace sim;

namespace {
/// Below this width the speed and clock go on their own row and the hint line is left out.
constexpr float kWrapBelowWidth = 700.0f;

float framePaddingY(bool touch) {
    const float font = ImGui::GetFontSize();
    return touch ? std::max(ImGui::GetStyle().FramePadding.y, (kTouchTargetPx - font) * 0.5f)
                 : ImGui::GetStyle().FramePadding.y;
}

bool button(const char* label, const char* tooltip) {
    const bool pressed = ImGui::Button(label);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tooltip);
    return pressed;
}

/// The engine's invariants as last checked (LiveChecks): one word, green or red, with what each promise means.
void drawInvariants(const FrameContext& ctx) {
    if (!ctx.live || !ctx.live->checked()) return;
    const std::vector<std::string>& problems = ctx.live->problems();
    ImGui::SameLine();
    if (problems.empty()) ImGui::TextColored(ImVec4(0.45f, 0.8f, 0.5f, 1), "invariants ok");
    else ImGui::TextColored(ImVec4(1.0f, 0.35f, 0.3f, 1), "INVARIANT BROKEN (%zu)", problems.size());
    if (!ImGui::IsItemHovered()) return;
    std::string tip = "The engine checks its own bookkeeping as the run plays (at step " +
                      std::to_string(ctx.live->checkedStep()) + "):";
    std::array<int, kInvariantGroupCount> broken{};
    for (const std::string& p : problems) ++broken[static_cast<std::size_t>(invariantGroupOf(p))];
    for (int g = 0; g < kInvariantGroupCount; ++g) {
        const auto group = static_cast<InvariantGroup>(g);
        tip += std::string("\n\n") + (broken[static_cast<std::size_t>(g)] ? "BROKEN " : "ok  ") +
               invariantGroupName(group) + ": " + invariantGroupMeaning(group);
    }
    if (!problems.empty()) {
        tip += "\n\nThis should never happen: please report it with a link at this step. Problems:";
        for (std::size_t k = 0; k < problems.size() && k < 8; ++k) tip += "\n- " + problems[k];
    }
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 36);
    ImGui::TextUnformatted(tip.c_str());
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
}
}  // namespace

float TransportPanel::height(float width, bool touch) {
    const ImGuiStyle& style = ImGui::GetStyle();
    const float row = ImGui::GetFontSize() + framePaddingY(touch) * 2 + style.ItemSpacing.y;
    const float text = ImGui::GetTextLineHeightWithSpacing();
    // Wide: buttons and clock, scrubber, hint. Narrow: buttons, speed and clock, scrubber.
    const float rows = width < kWrapBelowWidth ? 3 * row : 2 * row + text;
    return std::max(96.0f, std::ceil(rows + style.WindowPadding.y * 2));
}

void TransportPanel::draw(FrameContext& ctx) {
    const Engine& e = ctx.engine;
    CommandQueue& q = ctx.commands;
    const bool narrow = ImGui::GetWindowWidth() < kWrapBelowWidth;
    const bool touch = ctx.ui.touchUi;
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(touch ? 14.0f : ImGui::GetStyle().FramePadding.x, framePaddingY(touch)));
    if (button("|<<", "Reset to t = 0 (Home)")) q.push(cmd::Reset{});
    ImGui::SameLine();
    if (button(" < ", "Step back one event (Left arrow)")) q.push(cmd::StepBack{});
    ImGui::SameLine();
    ImGui::PushStyleColor(ImGuiCol_Button, ctx.ui.playing ? ImVec4(0.55f, 0.3f, 0.2f, 1) : ImVec4(0.2f, 0.45f, 0.3f, 1));
    if (button(ctx.ui.playing ? "  Pause  " : "  Play  ", "Play / pause (Space)")) q.push(cmd::TogglePlay{});
    ImGui::PopStyleColor();
    {  // where the play button is, for the touch test (its size is the finger target)
        const ImVec2 lo = ImGui::GetItemRectMin(), hi = ImGui::GetItemRectMax();
        ctx.ui.menuRects["transport:play"] = {lo.x, lo.y, hi.x - lo.x, hi.y - lo.y, 0, 0};
    }
    ImGui::SameLine();
    if (button(" > ", "Step one event (Right arrow)")) q.push(cmd::Step{1});
    ImGui::SameLine();
    if (button(narrow ? ">>###invocation" : ">> invocation###invocation", "Run to the next function invocation"))
        q.push(cmd::StepToInvocation{});
    if (!narrow) {
        ImGui::SameLine();
        ImGui::TextDisabled("|");
        ImGui::SameLine();
    }
    // Speed: virtual seconds per wall second, log scale from real time (x1) to x100,000.
    float speed = static_cast<float>(ctx.ui.speed);
    ImGui::SetNextItemWidth(narrow ? std::min(160.0f, ImGui::GetContentRegionAvail().x * 0.4f)
                                   : std::min(220.0f, ImGui::GetContentRegionAvail().x * 0.25f));
    if (ImGui::SliderFloat("##speed", &speed, 1.0f, 100000.0f, "x%.0f", ImGuiSliderFlags_Logarithmic))
        q.push(cmd::SetSpeed{speed});
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Speed: virtual time per wall-clock second (x1 = real time)");
    if (ctx.ui.playing && ctx.ui.simulationBound) {
        // Honest speed: the per-frame simulation budget caps playback; show the rate it actually reaches.
        ImGui::SameLine();
        ImGui::TextColored(ImVec4(1.0f, 0.7f, 0.35f, 1), "max: x%.0f", ctx.ui.achievedSpeed);
        if (ImGui::IsItemHovered())
            ImGui::SetTooltip("The simulation cannot keep up with x%.0f: the page simulates at most %.0f ms per frame so "
                              "it stays responsive, and virtual time runs at the rate shown.\nThe run is the same "
                              "whatever the speed: only how fast you watch it changes.",
                              ctx.ui.speed, kSimulationSliceSeconds * 1000);
    }
    ImGui::SameLine();
    ImGui::TextDisabled("|");
    ImGui::SameLine();
    ImGui::Text("t = %s", formatClock(e.now()).c_str());
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s (virtual clock)", formatCalendar(e.now()).c_str());
    drawInvariants(ctx);
    ImGui::SameLine();
    ImGui::TextDisabled(narrow ? "step %llu" : "step %llu   %zu items   %u records%s", static_cast<unsigned long long>(e.stepCount()),
                        e.items().size(), e.trace().count(), e.idle() ? "   (nothing scheduled)" : "");
    // Scrubber over the whole run.
    const double runSeconds = std::max(1.0, toSeconds(ctx.scenario.runFor));
    double at = toSeconds(e.now());
    ImGui::SetNextItemWidth(-1);
    // Live cost meter in the scrubber's label (full width): the run so far and a day at this rate (docs/cost.md;
    // read-only, from the counters). Short: ImGui formats a slider's text into 64 characters.
    cost::CostOptions costOptions;
    costOptions.freeTier = ctx.ui.costFreeTier;
    const cost::CostReport bill = cost::computeCost(e, costOptions);
    const std::string label = formatClock(e.now()) + " / " + formatClock(ctx.scenario.runFor) + "  cost " +
                              compare::formatUsd(bill.totalUsd) + " (" + compare::formatUsd(bill.perDayUsd) + "/day)";
    const double lo = 0;
    if (ImGui::SliderScalar("##scrub", ImGuiDataType_Double, &at, &lo, &runSeconds, label.c_str()))
        q.push(cmd::Seek{static_cast<SimTime>(std::llround(at * kSecond))});
    if (ImGui::IsItemHovered()) {
        const cost::PriceRow& row = cost::priceTable().front();
        std::string tip = std::string("Cost: prices for ") + row.region + ", first tier, checked " + row.checked +
                          (ctx.ui.costFreeTier ? ", free tier on" : ", free tier off") +
                          " (View menu; docs/cost.md).\nNot priced:";
        for (const char* line : cost::notPriced()) tip += std::string("\n- ") + line;
        ImGui::SetTooltip("%s", tip.c_str());
    }

    ImGui::PopStyleVar();
    if (m_showHint && !narrow) {
        ImGui::TextColored(ImVec4(0.65f, 0.8f, 1.0f, 1.0f), "%s",
                           ctx.ui.locked ? "Read-only embed: Space plays, Right arrow steps one event, a click "
                                           "selects. Open in playground to edit."
                                         : "Press Space to play, Right arrow to step one event. Drag from a source's "
                                           "pin to a function to wire it; pick a service in the palette to add it.");
        if (ImGui::IsItemClicked()) m_showHint = false;
    }
}

}  // namespace pg::ui
