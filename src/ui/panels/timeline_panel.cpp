// [SECTION] context and axis  [SECTION] rows  [SECTION] drawContent
#include "timeline_panel.hpp"

#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <string>
#include <vector>

#include "ui/ui_text.hpp"

namespace pg::ui {

using namespace sim;

namespace {

/// Provisioned environments' lanes (DG-PC): pre-initialised, told apart from on-demand ones.
constexpr ImU32 kProvisionedLane = IM_COL32(60, 200, 200, 255);

// [SECTION] context and axis
struct TimeContext {
    float x0, width;
    SimTime t0, t1;
    double pxPerUs;
    float x(SimTime t) const { return x0 + static_cast<float>(static_cast<double>(t - t0) * pxPerUs); }
    SimTime at(float px) const { return t0 + static_cast<SimTime>((px - x0) / pxPerUs); }
};

SimTime niceStep(double usPerPx) {
    static const SimTime steps[] = {kMillisecond, 2 * kMillisecond, 5 * kMillisecond, 10 * kMillisecond,
                                    50 * kMillisecond, 100 * kMillisecond, 500 * kMillisecond, kSecond,
                                    5 * kSecond, 10 * kSecond, 30 * kSecond, kMinute, 5 * kMinute, 10 * kMinute,
                                    30 * kMinute, kHour, 6 * kHour, kDay};
    for (SimTime s : steps)
        if (s / usPerPx >= 90) return s;
    return kDay * 7;
}

ImU32 resultColour(InvokeResult r) {
    switch (r) {
    case InvokeResult::Success: return colours::kOk;
    case InvokeResult::Error: return colours::kError;
    case InvokeResult::Timeout: return colours::kTimeout;
    default: return IM_COL32(120, 170, 230, 255);  // running
    }
}

struct Hover {
    const InvocationSegment* seg = nullptr;
    std::uint32_t merged = 0;
    SimTime mergedStart = 0, mergedEnd = 0;
};

// [SECTION] rows
/// One environment lane: visible slice by binary search; runs narrower than 3 px fold into a counted block.
void drawLane(ImDrawList* dl, const TimeContext& tc, const std::vector<InvocationSegment>& lane, float y, float h,
              SimTime now, std::uint32_t selectedItem, Hover& hover) {
    auto first = std::lower_bound(lane.begin(), lane.end(), tc.t0, [now](const InvocationSegment& s, SimTime t) {
        return (s.end < 0 ? now : s.end) < t;
    });
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    const bool mouseInRow = mouse.y >= y && mouse.y < y + h;
    for (auto it = first; it != lane.end() && it->start < tc.t1;) {
        const float xa = tc.x(it->start);
        float xb = tc.x(it->end < 0 ? now : it->end);
        if (xb - xa < 3.0f) {  // fold a run of tiny invocations
            auto run = it;
            std::uint32_t n = 0, errors = 0;
            while (run != lane.end() && run->start < tc.t1 && tc.x(run->end < 0 ? now : run->end) - xa < 3.0f) {
                errors += run->result == InvokeResult::Error || run->result == InvokeResult::Timeout;
                ++n;
                ++run;
            }
            xb = std::max(xa + 2.0f, tc.x(std::prev(run)->end < 0 ? now : std::prev(run)->end));
            dl->AddRectFilled(ImVec2(xa, y + 1), ImVec2(xb, y + h - 1), errors ? colours::kError : colours::kOk);
            if (mouseInRow && mouse.x >= xa && mouse.x <= xb + 1) {
                hover.seg = &*it;
                hover.merged = n;
                hover.mergedStart = it->start;
                hover.mergedEnd = std::prev(run)->end;
            }
            it = run;
            continue;
        }
        if (it->coldEnd > it->start)
            dl->AddRectFilled(ImVec2(xa, y + 1), ImVec2(std::min(xb, tc.x(it->coldEnd)), y + h - 1), colours::kCold);
        dl->AddRectFilled(ImVec2(std::max(xa, tc.x(it->coldEnd)), y + 1), ImVec2(xb, y + h - 1), resultColour(it->result));
        if (it->item == selectedItem) dl->AddRect(ImVec2(xa - 1, y), ImVec2(xb + 1, y + h), colours::kSelect, 0, 0, 2);
        const float la = std::max(xa, tc.x0) + 3, lb = std::min(xb, tc.x0 + tc.width) - 3;  // visible part
        if (lb - la > 30) {
            const std::string label = it->items > 1 ? "batch " + std::to_string(it->items) : "#" + std::to_string(it->attempt);
            if (ImGui::CalcTextSize(label.c_str()).x <= lb - la)
                dl->AddText(ImVec2(la, y + (h - ImGui::GetFontSize()) * 0.5f), IM_COL32(15, 15, 20, 255), label.c_str());
        }
        if (mouseInRow && mouse.x >= xa && mouse.x <= xb) {
            hover.seg = &*it;
            hover.merged = 0;
        }
        ++it;
    }
}

/// The selected item's life as X-Ray-like segments: dwell in the internal queue, retry waits, SQS visibility.
void drawItemRow(ImDrawList* dl, const TimeContext& tc, const Engine& e, const std::vector<std::uint32_t>& records,
                 float y, float h) {
    const auto& recs = e.trace().records();
    SimTime waitFrom = -1, dwellFrom = -1, visibleFrom = -1, runFrom = -1;
    struct Label {
        float xa, xb;  ///< the visible part of the label's bar
        const char* text;
    };
    std::vector<Label> labels;
    auto bar = [&](SimTime a, SimTime b, ImU32 col, const char* label, bool hollow) {
        const float xa = tc.x(a), xb = std::max(tc.x(b), xa + 2);
        if (xb < tc.x0 || xa > tc.x0 + tc.width) return;
        if (hollow) dl->AddRect(ImVec2(xa, y + 1), ImVec2(xb, y + h - 1), col, 0, 0, 1.5f);
        else dl->AddRectFilled(ImVec2(xa, y + 3), ImVec2(xb, y + h - 3), col);
        labels.push_back({std::max(xa, tc.x0), std::min(xb, tc.x0 + tc.width), label});
    };
    for (std::uint32_t i : records) {
        const TraceRecord& r = recs[i];
        switch (r.kind) {
        case TraceKind::Accepted: dwellFrom = r.time; break;
        case TraceKind::Requeued:
            if (waitFrom >= 0) bar(waitFrom, r.time, IM_COL32(150, 120, 60, 200), "retry wait", false);
            waitFrom = -1;
            dwellFrom = r.time;
            break;
        case TraceKind::RetryScheduled: waitFrom = r.time; break;
        case TraceKind::Received: visibleFrom = r.time; break;
        case TraceKind::ReturnedVisible:
            if (visibleFrom >= 0) bar(visibleFrom, r.time, IM_COL32(110, 200, 140, 255), "visibility timeout", true);
            visibleFrom = -1;
            break;
        case TraceKind::InvokeStart:
            if (dwellFrom >= 0) bar(dwellFrom, r.time, colours::kWait, "dwell", false);
            dwellFrom = -1;
            runFrom = r.time;
            break;
        case TraceKind::InvokeEnd:
            if (runFrom >= 0) bar(runFrom, r.time, resultColour(static_cast<InvokeResult>(r.outcome)), "attempt", false);
            runFrom = -1;
            break;
        case TraceKind::Finished:  // nothing stays open past the item's end
            if (runFrom >= 0) bar(runFrom, r.time, colours::kWait, "attempt", false);
            if (visibleFrom >= 0) bar(visibleFrom, r.time, IM_COL32(110, 200, 140, 255), "visibility timeout", true);
            runFrom = visibleFrom = dwellFrom = waitFrom = -1;
            break;
        default: break;
        }
    }
    const SimTime now = e.now();
    if (dwellFrom >= 0) bar(dwellFrom, now, colours::kWait, "dwell", false);
    if (waitFrom >= 0) bar(waitFrom, now, IM_COL32(150, 120, 60, 200), "retry wait", false);
    if (visibleFrom >= 0) bar(visibleFrom, now, IM_COL32(110, 200, 140, 255), "visibility timeout", true);
    if (runFrom >= 0) bar(runFrom, now, resultColour(InvokeResult::None), "attempt", false);
    // Labels last, left to right, each inside the visible part of its bar and after the previous label: an
    // attempt starts where its visibility window starts, so their labels would otherwise be drawn on each other.
    std::stable_sort(labels.begin(), labels.end(), [](const Label& l, const Label& r) { return l.xa < r.xa; });
    float used = -FLT_MAX;
    for (const Label& l : labels) {
        const float x = std::max(l.xa + 3, used + 8), w = ImGui::CalcTextSize(l.text).x;
        if (x + w > l.xb - 3) continue;  // does not fit: skipped (the hover tooltip and the journey tell the rest)
        dl->AddText(ImVec2(x, y + (h - ImGui::GetFontSize()) * 0.5f), colours::kText, l.text);
        used = x + w;
    }
}

/// A per-second gauge row (queue depth, visible messages) as bars scaled to the row's maximum. Seconds narrower
/// than a pixel fold into one bar per pixel column with their maximum: a day-long run fitted into the view is
/// 86,400 seconds but only as many bars as the row is wide.
template <typename Series, typename Get>
void drawGaugeRow(ImDrawList* dl, const TimeContext& tc, const Series& series, Get get, float y, float h, ImU32 col) {
    if (series.empty()) return;
    const std::size_t a = static_cast<std::size_t>(std::max<SimTime>(0, tc.t0 / kSecond));
    const std::size_t b = std::min(series.size(), static_cast<std::size_t>(tc.t1 / kSecond) + 1);
    double maxV = 1;
    for (std::size_t s = a; s < b; ++s) maxV = std::max(maxV, static_cast<double>(get(series[s])));
    for (std::size_t s = a; s < b;) {
        const float xa = tc.x(static_cast<SimTime>(s) * kSecond);
        double v = get(series[s]);
        std::size_t next = s + 1;  // fold the following seconds that start in the same pixel column
        while (next < b && tc.x(static_cast<SimTime>(next) * kSecond) < xa + 1.0f) v = std::max(v, static_cast<double>(get(series[next++])));
        if (v > 0) {
            const float top = y + h - static_cast<float>(v / maxV) * (h - 2);
            const float xb = std::max(tc.x(static_cast<SimTime>(next) * kSecond) - 1, xa + 1);
            // (a second that began before the view starts at its left edge, not over the row labels)
            dl->AddRectFilled(ImVec2(std::max(xa, tc.x0), top), ImVec2(std::min(xb, tc.x0 + tc.width), y + h), col);
        }
        s = next;
    }
    char label[32];
    std::snprintf(label, sizeof label, "max %.0f", maxV);
    dl->AddText(ImVec2(tc.x0 + tc.width - ImGui::CalcTextSize(label).x - 4, y), colours::kDim, label);
}

}  // namespace

// [SECTION] drawContent
void TimelinePanel::draw(FrameContext& ctx) {
    const Engine& e = ctx.engine;
    m_model.update(e, ctx.ui.engineBuild);
    const SimTime now = e.now();
    // toolbar
    ImGui::Checkbox("Follow", &m_follow);
    ImGui::SameLine();
    if (ImGui::SmallButton("Fit run")) {
        m_follow = false;
        m_t0 = 0;
        m_span = std::max<SimTime>(kSecond, std::max(now, e.lastEventTime()) + kSecond);
    }
    ImGui::SameLine();
    ImGui::TextDisabled("span %s   wheel: zoom, drag: pan, click: select item   legend:", formatDuration(m_span).c_str());
    for (auto [col, name] : {std::pair{colours::kCold, "cold start"}, {colours::kOk, "ok"}, {colours::kError, "error"},
                             {colours::kTimeout, "timeout"}, {colours::kWait, "dwell / wait"},
                             {kProvisionedLane, "provisioned env"}}) {
        ImGui::SameLine();
        ImGui::ColorButton(name, ImGui::ColorConvertU32ToFloat4(col), ImGuiColorEditFlags_NoTooltip, ImVec2(10, 10));
        ImGui::SameLine(0, 3);
        ImGui::TextDisabled("%s", name);
    }
    if (m_follow) m_t0 = std::max<SimTime>(0, now - m_span * 9 / 10);

    const float labelW = 120.0f, rowH = std::max(14.0f, ImGui::GetFontSize() + 2), axisH = ImGui::GetFontSize() + 6;
    ImGui::BeginChild("##timeline", ImVec2(0, 0), false, ImGuiWindowFlags_NoScrollWithMouse);
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float width = std::max(50.0f, ImGui::GetContentRegionAvail().x - labelW);
    TimeContext tc{origin.x + labelW, width, m_t0, m_t0 + m_span, width / static_cast<double>(m_span)};
    ImDrawList* dl = ImGui::GetWindowDrawList();

    // rows: selected item, per function (queue row + lanes), per SQS queue / stream
    float y = origin.y + axisH;
    Hover hover;
    const float clipTop0 = ImGui::GetWindowPos().y, clipBottom0 = clipTop0 + ImGui::GetWindowHeight();
    auto rowLabel = [&](const std::string& text, ImU32 col) {  // clipped to the label column, never over the bars
        dl->PushClipRect(ImVec2(origin.x, clipTop0), ImVec2(tc.x0 - 4, clipBottom0), true);
        dl->AddText(ImVec2(origin.x + 4, y + (rowH - ImGui::GetFontSize()) * 0.5f), col, text.c_str());
        dl->PopClipRect();
    };
    const float clipTop = ImGui::GetWindowPos().y, clipBottom = clipTop + ImGui::GetWindowHeight();
    auto visible = [&](float rowY) { return rowY + rowH >= clipTop && rowY <= clipBottom; };
    if (ctx.ui.selectedItem != kNone && ctx.ui.selectedItem < e.items().size()) {
        rowLabel(e.itemId(ctx.ui.selectedItem), colours::kSelect);
        dl->PushClipRect(ImVec2(tc.x0, clipTop0), ImVec2(tc.x0 + width, clipBottom0), true);
        drawItemRow(dl, tc, e, m_itemRecords.update(e, ctx.ui.engineBuild, ctx.ui.selectedItem), y, rowH);
        dl->PopClipRect();
        y += rowH + 4;
    }
    for (const FunctionLanes& fl : m_model.functions()) {
        const Node& n = e.scenario().nodes[fl.node];
        const std::uint32_t f = e.functionOfNode(fl.node);
        rowLabel(n.id, modeColour(InvocationMode::None));
        if (f != kNone && f < e.metrics().functionCount())
            drawGaugeRow(dl, tc, e.metrics().series(f), [](const FunctionSecond& s) { return s.peakAsyncQueueDepth; }, y, rowH,
                         IM_COL32(235, 160, 60, 160));
        dl->AddText(ImVec2(tc.x0 + 4, y), colours::kDim, "internal queue depth");
        y += rowH;
        for (std::size_t lane = 0; lane < fl.lanes.size(); ++lane) {
            if (visible(y)) {
                // A provisioned environment (DG-PC): pre-initialised, its own label and a tinted band.
                const bool provisioned = fl.provisionedLane(lane);
                rowLabel((provisioned ? "  prov-env-" : "  env-") + std::to_string(lane + 1),
                         provisioned ? kProvisionedLane : colours::kDim);
                dl->PushClipRect(ImVec2(tc.x0, clipTop0), ImVec2(tc.x0 + width, clipBottom0), true);
                if (provisioned)
                    dl->AddRectFilled(ImVec2(tc.x0, y), ImVec2(tc.x0 + width, y + rowH), IM_COL32(60, 200, 200, 28));
                drawLane(dl, tc, fl.lanes[lane], y, rowH, now, ctx.ui.selectedItem, hover);
                dl->PopClipRect();
            }
            y += rowH;
        }
        y += 4;
    }
    ctx.ui.timelineShards.clear();
    for (std::uint32_t i = 0; i < e.nodeCount(); ++i) {
        const Node& n = e.scenario().nodes[i];
        if (invocationModeOf(n.type) != InvocationMode::PollBased || !e.metrics().hasQueueSeries(i)) continue;
        rowLabel(n.id + " visible", modeColour(InvocationMode::PollBased));
        drawGaugeRow(dl, tc, e.metrics().queueSeries(i), [](const QueueSecond& s) { return s.peakVisible; }, y, rowH,
                     IM_COL32(110, 200, 140, 160));
        y += rowH;
        rowLabel(n.id + " in flight", modeColour(InvocationMode::PollBased));
        drawGaugeRow(dl, tc, e.metrics().queueSeries(i), [](const QueueSecond& s) { return s.peakInFlight; }, y, rowH,
                     IM_COL32(110, 160, 220, 160));
        y += rowH;
        // Kinesis / DynamoDB streams: one lane per shard with its batches' invocations (a blocked shard shows
        // its failing batch again and again, the waits between the bars are the retry backoff).
        for (const StreamShards& st : m_model.streams()) {
            if (st.node != i) continue;
            ctx.ui.timelineShards[n.id] = static_cast<int>(st.shards.size());
            for (std::size_t shard = 0; shard < st.shards.size(); ++shard)
                for (std::size_t row = 0; row < st.shards[shard].size(); ++row) {
                    if (visible(y)) {
                        rowLabel(row == 0 ? "  shard-" + std::to_string(shard) : "", colours::kDim);
                        dl->PushClipRect(ImVec2(tc.x0, clipTop0), ImVec2(tc.x0 + width, clipBottom0), true);
                        drawLane(dl, tc, st.shards[shard][row], y, rowH, now, ctx.ui.selectedItem, hover);
                        dl->PopClipRect();
                    }
                    y += rowH;
                }
        }
        y += 4;
    }

    // axis and playhead (drawn last, on top)
    const SimTime step = niceStep(1.0 / tc.pxPerUs);
    dl->AddRectFilled(ImVec2(origin.x, std::max(origin.y, clipTop)), ImVec2(tc.x0 + width, std::max(origin.y, clipTop) + axisH),
                      IM_COL32(28, 30, 36, 255));
    float labelEnd = -FLT_MAX;
    for (SimTime t = (tc.t0 / step) * step; t <= tc.t1; t += step) {
        if (t < tc.t0) continue;
        const float x = tc.x(t);
        dl->AddLine(ImVec2(x, origin.y + axisH - 4), ImVec2(x, y), IM_COL32(255, 255, 255, 18));
        // A tick label that would touch the previous one or be cut by the edge is left out (the tick stays).
        const std::string clock = formatClock(t);
        const float w = ImGui::CalcTextSize(clock.c_str()).x;
        if (x + 2 < labelEnd + ImGui::GetFontSize() || x + 2 + w > tc.x0 + width) continue;
        dl->AddText(ImVec2(x + 2, std::max(origin.y, clipTop) + 2), colours::kDim, clock.c_str());
        labelEnd = x + 2 + w;
    }
    const float px = tc.x(now);
    if (px >= tc.x0 && px <= tc.x0 + width) dl->AddLine(ImVec2(px, origin.y), ImVec2(px, y), colours::kSelect, 1.5f);

    ImGui::SetCursorScreenPos(origin);
    ImGui::InvisibleButton("##area", ImVec2(labelW + width, std::max(y - origin.y, 40.0f)));
    const ImGuiIO& io = ImGui::GetIO();
    if (ImGui::IsItemHovered() && io.MouseWheel != 0 && io.MousePos.x > tc.x0) {
        const SimTime at = tc.at(io.MousePos.x);
        const SimTime span = std::clamp<SimTime>(static_cast<SimTime>(m_span * std::pow(0.8, io.MouseWheel)), kMillisecond, 30 * kDay);
        m_t0 = std::max<SimTime>(0, at - static_cast<SimTime>((at - m_t0) * (static_cast<double>(span) / m_span)));
        m_span = span;
        m_follow = false;
    }
    const ImVec2 areaMin = ImGui::GetItemRectMin(), areaMax = ImGui::GetItemRectMax();
    PinchInput& pinch = ctx.ui.pinch;
    if (pinch.active && pinch.x > tc.x0 && pinch.x < areaMax.x && pinch.y > areaMin.y && pinch.y < areaMax.y) {
        // Two fingers (issue 20): spread them and the time under their centre stays put while the span shrinks.
        const SimTime at = tc.at(pinch.x);
        const SimTime span = std::clamp<SimTime>(static_cast<SimTime>(m_span / std::max(0.01f, pinch.scale)), kMillisecond, 30 * kDay);
        m_t0 = std::max<SimTime>(0, at - static_cast<SimTime>((at - m_t0) * (static_cast<double>(span) / m_span)) -
                                        static_cast<SimTime>(pinch.dx / tc.pxPerUs * (static_cast<double>(span) / m_span)));
        m_span = span;
        m_follow = false;
        pinch = {};
    }
    ctx.ui.timelineSpanUs = m_span;
    ctx.ui.menuRects["timeline:area"] = {areaMin.x, areaMin.y, areaMax.x - areaMin.x, areaMax.y - areaMin.y, 0, 0};  // tests
    if (ImGui::IsItemActive() && ImGui::IsMouseDragging(ImGuiMouseButton_Left)) {
        m_t0 = std::max<SimTime>(0, m_t0 - static_cast<SimTime>(io.MouseDelta.x / tc.pxPerUs));
        m_follow = false;
    }
    if (hover.seg) {
        const InvocationSegment& s = *hover.seg;
        if (hover.merged > 0)
            ImGui::SetTooltip("%u invocations between %s and %s\nzoom in to see each", hover.merged,
                              formatClock(hover.mergedStart).c_str(), formatClock(hover.mergedEnd).c_str());
        else
            ImGui::SetTooltip("%s%s  attempt %u\nstart %s%s\nrun %s  result %s\nclick to follow this item",
                              e.itemId(s.item).c_str(), s.items > 1 ? (" + " + std::to_string(s.items - 1) + " in batch").c_str() : "",
                              s.attempt, formatClock(s.start).c_str(),
                              s.coldEnd > s.start ? ("  (cold start " + formatDuration(s.coldEnd - s.start) + ")").c_str() : "",
                              s.end < 0 ? "running" : formatDuration(s.end - s.coldEnd).c_str(), invokeResultName(s.result));
        if (ImGui::IsItemClicked() && hover.merged == 0) ctx.commands.push(cmd::SelectItem{s.item});
    }
    ImGui::EndChild();
}

}  // namespace pg::ui
