#include "metrics_panel.hpp"

#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <string>

#include "ui/ui_text.hpp"

namespace pg::ui {

using namespace sim;

namespace {
using Series = std::function<double(std::size_t)>;

/// A limit drawn dashed over a plot: its name in the legend ("account pool") and what the tooltip says of it.
struct Limit {
    Series value;
    const char* name = "limit";
    const char* help = "";
};

void noteRect(FrameContext& ctx, const std::string& key, ImVec2 lo, ImVec2 hi) {
    ctx.ui.fieldRects[key] = {lo.x, lo.y, hi.x - lo.x, hi.y - lo.y, 0, 0};  // for the browser tests
}

/// The limit's legend in the plot's top right corner: a dash and "account pool 1000", or only the number when
/// the name does not fit beside the "max" label. Inside the plot, so it never runs past its column.
void drawLegend(FrameContext& ctx, const std::string& key, const Limit& limit, double now, ImVec2 p, float w,
                float taken) {
    constexpr float kPad = 4, kDash = 12;
    char text[64];
    std::snprintf(text, sizeof text, "%s %.6g", limit.name, now);
    ImVec2 size = ImGui::CalcTextSize(text);
    if (size.x + kDash + 3 * kPad > w - taken) {
        std::snprintf(text, sizeof text, "%.6g", now);
        size = ImGui::CalcTextSize(text);
    }
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 lo(p.x + w - kPad - size.x - kPad - kDash, p.y + 2), hi(p.x + w - kPad, p.y + 2 + size.y);
    const float y = lo.y + size.y * 0.5f;
    for (float x = lo.x; x < lo.x + kDash; x += 6)  // the same dashes as the line: 3 on, 3 off
        dl->AddLine(ImVec2(x, y), ImVec2(x + 3, y), IM_COL32(230, 230, 240, 220), 1.5f);
    dl->AddText(ImVec2(hi.x - size.x, lo.y), colours::kDim, text);
    noteRect(ctx, key + ":legend", lo, hi);
}

/// One plot: values per second, folded to the max per pixel column; the title carries the latest value. `limit`
/// (optional) is drawn dashed on the same scale: a scaling or concurrency limit beside what reached it.
void plot(FrameContext& ctx, const std::string& section, const char* title, std::size_t count, std::size_t first,
          const Series& value, ImU32 col, float w, float h, const char* unit, const Limit* limitOf = nullptr) {
    const std::string key = "metrics:" + section + ":" + title;  // "metrics:process:concurrency (peak)"
    const Series limit = limitOf ? limitOf->value : nullptr;
    ImGui::BeginGroup();
    const double last = count > 0 ? value(count - 1) : 0;
    ImGui::Text("%s", title);
    ImGui::SameLine();
    ImGui::TextDisabled("%.6g%s", last, unit);
    const ImVec2 p = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(p, ImVec2(p.x + w, p.y + h), IM_COL32(26, 28, 34, 255), 3);
    double maxV = 0;
    for (std::size_t s = first; s < count; ++s) maxV = std::max(maxV, value(s));
    if (limit)
        for (std::size_t s = first; s < count; ++s) maxV = std::max(maxV, limit(s));
    const std::size_t n = count > first ? count - first : 0;
    if (n > 0 && maxV > 0) {
        const int columns = std::max(1, static_cast<int>(w));
        float prevX = p.x, prevY = p.y + h;
        for (int c = 0; c < columns; ++c) {
            const std::size_t a = first + n * static_cast<std::size_t>(c) / static_cast<std::size_t>(columns);
            const std::size_t b = std::max(a + 1, first + n * static_cast<std::size_t>(c + 1) / static_cast<std::size_t>(columns));
            if (a >= count) break;
            double v = 0;
            for (std::size_t s = a; s < std::min(b, count); ++s) v = std::max(v, value(s));
            const float x = p.x + static_cast<float>(c), y = p.y + h - static_cast<float>(v / maxV) * (h - 4);
            dl->AddLine(ImVec2(x, p.y + h), ImVec2(x, y), (col & 0x00FFFFFF) | 0x50000000);
            dl->AddLine(ImVec2(prevX, prevY), ImVec2(x + 1, y), col, 1.5f);
            prevX = x + 1;
            prevY = y;
            if (limit && c % 6 < 3) {  // dashes: 3 pixels on, 3 off
                double l = 0;
                for (std::size_t s = a; s < std::min(b, count); ++s) l = std::max(l, limit(s));
                const float ly = p.y + h - static_cast<float>(l / maxV) * (h - 4);
                dl->AddLine(ImVec2(x, ly), ImVec2(x + 1, ly), IM_COL32(230, 230, 240, 220), 1.5f);
            }
        }
    }
    char label[48];
    std::snprintf(label, sizeof label, "max %.4g", maxV);
    dl->AddText(ImVec2(p.x + 4, p.y + 2), colours::kDim, label);
    if (limit && count > 0) drawLegend(ctx, key, *limitOf, limit(count - 1), p, w, 4 + ImGui::CalcTextSize(label).x);
    ImGui::Dummy(ImVec2(w, h));
    if (limit && count > 0 && ImGui::IsItemHovered())
        ImGui::SetTooltip("Dashed line: %s, %.6g now.\n%s", limitOf->name, limit(count - 1), limitOf->help);
    noteRect(ctx, key + ":plot", p, ImVec2(p.x + w, p.y + h));
    ImGui::EndGroup();
    noteRect(ctx, key, ImGui::GetItemRectMin(), ImGui::GetItemRectMax());  // header and plot together
}
}  // namespace

void MetricsPanel::draw(FrameContext& ctx) {
    const Engine& e = ctx.engine;
    const Metrics& m = e.metrics();
    ImGui::Checkbox("Whole run", &m_wholeRun);
    const bool hovered = ImGui::IsItemHovered();
    const float rest = ImGui::GetContentRegionAvail().x - ImGui::GetItemRectSize().x - ImGui::GetStyle().ItemSpacing.x;
    char note[80];
    std::snprintf(note, sizeof note, "per-second series (CloudWatch-like); %s",
                  m_wholeRun ? "since t = 0" : "last 5 minutes");
    if (ImGui::CalcTextSize(note).x <= rest) {
        ImGui::SameLine();
        ImGui::TextDisabled("%s", note);
    } else if (hovered) {
        ImGui::SetTooltip("%s", note);  // a narrow screen: said on hover rather than cut off
    }
    ImGui::BeginChild("##plots");
    if (ctx.live && ctx.live->costSeries().size() > 0) {  // the run's cost so far, per second (docs/cost.md)
        const cost::CostSeries& cs = ctx.live->costSeries();
        const bool freeTier = ctx.ui.costFreeTier;
        ImGui::SeparatorText(freeTier ? "cost (free tier on)" : "cost");
        // Side by side (the second 0.6 of the first) where both fit with their titles, else one under the other.
        const float room = ImGui::GetContentRegionAvail().x, gap = ImGui::GetStyle().ItemSpacing.x;
        const bool stacked = room < 720;  // the second title and its value need about 260 px
        const float wide = stacked ? room : std::min((room - gap) / 1.6f, 520.0f);
        const std::size_t first = m_wholeRun || cs.size() < 300 ? 0 : cs.size() - 300;
        plot(
            ctx, "cost", "cost so far (USD)", cs.size(), first, [&](std::size_t k) { return cs.usdAt(k, freeTier); },
            colours::kOk, wide, 56, "");
        if (!stacked) ImGui::SameLine();
        plot(
            ctx, "cost", "cost per second (USD)", cs.size(), first,
            [&](std::size_t k) { return cs.usdAt(k, freeTier) - (k > 0 ? cs.usdAt(k - 1, freeTier) : 0.0); },
            colours::kWait, stacked ? room : wide * 0.6f, 56, "");
    }
    const float avail = ImGui::GetContentRegionAvail().x;
    const int perRow = std::max(1, static_cast<int>(avail / 260.0f));
    const float w = avail / perRow - ImGui::GetStyle().ItemSpacing.x, h = 56;
    // The section being drawn (a function or a queue) and its series' length: each cell() is its next plot,
    // wrapping every perRow plots.
    std::string section;
    std::size_t count = 0, first = 0;
    int column = 0;
    auto startSection = [&](const std::string& id, std::size_t seconds) {
        section = id;
        count = seconds;
        first = m_wholeRun || count < 300 ? std::size_t{0} : count - 300;
        column = 0;
    };
    auto cell = [&](const char* title, const Series& value, ImU32 col, const char* unit = "",
                    const Limit* limit = nullptr) {
        if (column++ % perRow != 0) ImGui::SameLine();
        plot(ctx, section, title, count, first, value, col, w, h, unit, limit);
    };
    for (std::uint32_t f = 0; f < m.functionCount(); ++f) {
        const auto& s = m.series(f);
        const std::string& fn = e.scenario().nodes[e.functions()[f].node].id;
        ImGui::SeparatorText(("function " + fn).c_str());
        startSection(fn, s.size());
        cell("invocations / s", [&](std::size_t i) { return double(s[i].invocations); }, colours::kOk);
        cell("errors / s", [&](std::size_t i) { return double(s[i].errors); }, colours::kError);
        cell("throttles / s", [&](std::size_t i) { return double(s[i].throttles); }, colours::kThrottle);
        // Beside concurrency, the limit it counts against: its reserved concurrency, else the account's
        // unreserved pool (shared with every function without a reservation).
        const FunctionState& state = e.functions()[f];
        const double concurrencyLimit = state.reserved >= 0 ? double(state.reserved)
                                                            : double(e.accountPool().unreservedCapacity + state.provisioned);
        const Limit concurrency{
            [&](std::size_t) { return concurrencyLimit; }, state.reserved >= 0 ? "reserved" : "account pool",
            state.reserved >= 0 ? "This function's reserved concurrency: at most this many run at once."
                                : "The account's unreserved pool, shared by every function without a "
                                  "reservation."};
        cell("concurrency (peak)", [&](std::size_t i) { return double(s[i].peakConcurrency); }, colours::kCold, "",
             &concurrency);
        cell("async queue depth", [&](std::size_t i) { return double(s[i].peakAsyncQueueDepth); }, colours::kTimeout);
        cell("dwell time (avg)",
             [&](std::size_t i) { return s[i].dwellCount ? toSeconds(s[i].dwellSum / s[i].dwellCount) : 0.0; },
             colours::kWait, " s");
    }
    for (std::uint32_t i = 0; i < e.nodeCount(); ++i) {
        if (!m.hasQueueSeries(i) || m.queueSeries(i).empty()) continue;
        const auto& s = m.queueSeries(i);
        const Node& n = e.scenario().nodes[i];
        ImGui::SeparatorText((std::string(serviceName(n.type)) + " " + n.id).c_str());
        startSection(n.id, s.size());
        const bool sqs = n.type == NodeType::Sqs;
        cell(sqs ? "visible messages" : "unread records", [&](std::size_t k) { return double(s[k].peakVisible); },
             colours::kOk);
        cell("in flight", [&](std::size_t k) { return double(s[k].peakInFlight); }, colours::kCold);
        if (sqs) {
            cell("DLQ depth", [&](std::size_t k) { return double(s[k].peakDlqDepth); }, colours::kError);
            cell("age of oldest message", [&](std::size_t k) { return toSeconds(s[k].oldestAge); }, colours::kTimeout,
                 " s");
        } else {
            cell("iterator age", [&](std::size_t k) { return toSeconds(s[k].iteratorAge); }, colours::kTimeout, " s");
        }
        const bool mapped = sqs && std::any_of(s.begin(), s.end(), [](const QueueSecond& q) { return q.peakPollerLimit > 0; });
        if (mapped) {  // issue 22: pollers and their ramp
            const Limit scaling{[&](std::size_t k) { return double(s[k].peakPollerLimit); }, "scaling limit",
                                "How many pollers the mapping may use so far: it adds pollers while messages wait."};
            cell("busy pollers (peak)", [&](std::size_t k) { return double(s[k].peakPollersBusy); }, colours::kCold,
                 "", &scaling);
        }
        cell(sqs ? "receives / s" : "records read / s", [&](std::size_t k) { return double(s[k].received); },
             colours::kWait);
    }
    if (m.functionCount() == 0) ImGui::TextDisabled("No functions in this scenario.");
    ImGui::EndChild();
}

}  // namespace pg::ui
