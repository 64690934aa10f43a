// Canvas paint step (canvas_paint.hpp): ImDrawList calls for a frame the panel prepared.
// [SECTION] helpers  [SECTION] edges  [SECTION] nodes  [SECTION] frame
#include "canvas_paint.hpp"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <string>
#include <vector>

#include "compare/run_compare.hpp"
#include "cost/cost_model.hpp"
#include "ui/scenario_edit.hpp"
#include "ui/ui_text.hpp"

namespace pg::ui::canvas {

using namespace sim;

namespace {

// [SECTION] helpers
ImVec2 quad(ImVec2 a, ImVec2 c, ImVec2 b, float t) {  // quadratic bezier point
    const float u = 1 - t;
    return ImVec2(u * u * a.x + 2 * u * t * c.x + t * t * b.x, u * u * a.y + 2 * u * t * c.y + t * t * b.y);
}

void arrowHead(ImDrawList* dl, ImVec2 from, ImVec2 to, ImU32 col, float size) {
    const float len = std::max(1e-3f, length(from, to));
    const ImVec2 d((to.x - from.x) / len, (to.y - from.y) / len), n(-d.y, d.x);
    dl->AddTriangleFilled(to, ImVec2(to.x - d.x * size + n.x * size * 0.5f, to.y - d.y * size + n.y * size * 0.5f),
                          ImVec2(to.x - d.x * size - n.x * size * 0.5f, to.y - d.y * size - n.y * size * 0.5f), col);
}

void dashed(ImDrawList* dl, ImVec2 a, ImVec2 b, ImU32 col, float thickness, float dash) {
    const float len = length(a, b);
    for (float s = 0; s < len; s += dash * 2)
        dl->AddLine(lerp(a, b, s / len), lerp(a, b, std::min(len, s + dash) / len), col, thickness);
}

void text(ImDrawList* dl, float size, ImVec2 p, ImU32 col, const std::string& s) {
    dl->AddText(ImGui::GetFont(), size, p, col, s.c_str());
}

void drawGrid(ImDrawList* dl, const CanvasView& v, ImVec2 min, ImVec2 max) {
    const float step = 40.0f * v.zoom;
    if (step < 8) return;
    const ImU32 col = IM_COL32(255, 255, 255, 12);
    for (float x = std::fmod(v.panX, step); x < max.x - min.x; x += step)
        dl->AddLine(ImVec2(min.x + x, min.y), ImVec2(min.x + x, max.y), col);
    for (float y = std::fmod(v.panY, step); y < max.y - min.y; y += step)
        dl->AddLine(ImVec2(min.x, min.y + y), ImVec2(max.x, min.y + y), col);
}

void drawDots(ImDrawList* dl, const std::vector<std::pair<float, ImU32>>& dots, ImVec2 a, ImVec2 b, float r,
              bool reverse) {
    const int n = static_cast<int>(dots.size());
    for (int i = 0; i < std::min(n, kMaxDotsPerPath); ++i) {
        const float t = reverse ? 1.0f - dots[static_cast<std::size_t>(i)].first : dots[static_cast<std::size_t>(i)].first;
        dl->AddCircleFilled(lerp(a, b, t), r, dots[static_cast<std::size_t>(i)].second);
    }
    if (n > kMaxDotsPerPath) text(dl, ImGui::GetFontSize() * 0.85f, lerp(a, b, 0.5f), colours::kText, "x" + std::to_string(n));
}

// [SECTION] edges
void drawIntegrationEdge(ImDrawList* dl, const FrameContext& ctx, const Motion& m, std::size_t ei, const NodeBox& from,
                         const NodeBox& to, NodeType fromType, bool selected, float zoom) {
    const InvocationMode mode = invocationModeOf(fromType);
    const ImU32 col = selected ? colours::kSelect : modeColour(mode, 0.9f);
    const float th = (selected ? 3.0f : 2.0f) * std::max(0.6f, zoom);
    const ImVec2 a = from.out(), b = to.in();
    const float len = std::max(1.0f, length(a, b));
    const ImVec2 n(-(b.y - a.y) / len * 5 * zoom, (b.x - a.x) / len * 5 * zoom);
    const float fs = ImGui::GetFontSize() * std::clamp(zoom, 0.7f, 1.2f) * 0.85f;
    const float dot = 4.0f * std::max(0.7f, zoom);
    if (mode == InvocationMode::Synchronous) {
        // request above (to the function), response below (back to the caller)
        const ImVec2 ra(a.x - n.x, a.y - n.y), rb(b.x - n.x, b.y - n.y), sa(a.x + n.x, a.y + n.y), sb(b.x + n.x, b.y + n.y);
        dl->AddLine(ra, rb, col, th);
        arrowHead(dl, ra, rb, col, 10 * zoom);
        dl->AddLine(sb, sa, col, th * 0.7f);
        arrowHead(dl, sb, sa, col, 8 * zoom);
        text(dl, fs, ImVec2((a.x + b.x) * 0.5f - 40 * zoom, (a.y + b.y) * 0.5f - n.y - fs * 1.6f), colours::kDim,
             "request / response");
        drawDots(dl, m.edgeForward[ei], ra, rb, dot, false);
        drawDots(dl, m.edgeBack[ei], sa, sb, dot, true);
    } else if (mode == InvocationMode::Asynchronous) {
        // source -> [internal queue] -> function; the queue glyph shows its depth.
        const ImVec2 q = lerp(a, b, 0.62f);
        const float qw = 34 * zoom, qh = 18 * zoom;
        const ImVec2 qa(q.x - qw * 0.5f, q.y), qb(q.x + qw * 0.5f, q.y);
        dl->AddLine(a, qa, col, th);
        arrowHead(dl, a, qa, col, 9 * zoom);
        dl->AddLine(qb, b, col, th);
        arrowHead(dl, qb, b, col, 10 * zoom);
        dl->AddRect(ImVec2(qa.x, q.y - qh * 0.5f), ImVec2(qb.x, q.y + qh * 0.5f), col, 2, 0, th * 0.7f);
        for (int k = 1; k < 4; ++k) {
            const float x = qa.x + qw * k / 4.0f;
            dl->AddLine(ImVec2(x, q.y - qh * 0.5f), ImVec2(x, q.y + qh * 0.5f), col, 1.0f);
        }
        const std::uint32_t f = ctx.engine.functionOfNode(static_cast<std::uint32_t>(ctx.engine.nodeIndex(ctx.scenario.edges[ei].to)));
        const std::uint32_t depth = f != kNone && f < ctx.engine.functions().size() ? ctx.engine.functions()[f].asyncDepth() : 0;
        text(dl, fs, ImVec2(qa.x, q.y + qh * 0.5f + 2), colours::kDim, "internal queue " + std::to_string(depth));
        text(dl, fs, ImVec2(lerp(a, qa, 0.3f).x, a.y - fs * 1.5f), colours::kDim, "202");
        drawDots(dl, m.edgeForward[ei], a, qa, dot, false);
    } else {
        // poll-based: dashed, a poller pulls from the source.
        dashed(dl, a, b, col, th, 8 * zoom);
        arrowHead(dl, a, b, col, 10 * zoom);
        const ImVec2 p = lerp(a, b, 0.5f);
        dl->AddCircle(p, 9 * zoom, col, 0, th);
        dl->AddLine(ImVec2(p.x - 4 * zoom, p.y), ImVec2(p.x + 4 * zoom, p.y), col, th * 0.7f);
        const Edge& e = ctx.scenario.edges[ei];
        text(dl, fs, ImVec2(p.x - 30 * zoom, p.y + 11 * zoom), colours::kDim,
             "poller, batch " + std::to_string(e.batchSize ? *e.batchSize : (fromType == NodeType::Sqs ? 10 : 100)));
        drawDots(dl, m.edgeForward[ei], a, b, dot, false);
        // messages that came back after their visibility timeout loop over the top, back to the queue
        const auto& back = m.edgeReturn[ei];
        if (!back.empty()) {
            const ImVec2 c((a.x + b.x) * 0.5f, std::min(a.y, b.y) - 70 * zoom);
            const ImVec2 s0(b.x, b.y - 14 * zoom), s1(a.x, a.y - 14 * zoom);
            for (int k = 0; k < 24; ++k)
                dl->AddLine(quad(s0, c, s1, k / 24.0f), quad(s0, c, s1, (k + 1) / 24.0f), colours::kError, th);
            arrowHead(dl, quad(s0, c, s1, 0.95f), s1, colours::kError, 10 * zoom);
            text(dl, fs, ImVec2(c.x - 80 * zoom, c.y + 10 * zoom), colours::kError, "visible again after the timeout");
            for (std::size_t k = 0; k < std::min<std::size_t>(back.size(), kMaxDotsPerPath); ++k)
                dl->AddCircleFilled(quad(s0, c, s1, back[k].first), dot, colours::kError);
        }
    }
}

void drawSendEdge(ImDrawList* dl, const FrameContext& ctx, const Motion& m, std::size_t ei, const NodeBox& from,
                  const NodeBox& to, bool selected, float zoom) {
    const ImU32 col = selected ? colours::kSelect : colours::kSend;
    const float th = (selected ? 3.0f : 2.0f) * std::max(0.6f, zoom);
    const SendPath path = sendPath(from, to, zoom);
    // Dotted: the messages leave the Lambda service through the function's own code (an SDK call).
    for (int k = 0; k < 32; k += 2) dl->AddLine(path.at(k / 32.0f), path.at((k + 1) / 32.0f), col, th);
    arrowHead(dl, path.at(0.96f), path.b, col, 10 * zoom);
    const Edge& e = ctx.scenario.edges[ei];
    bool loop = false;  // the target invokes the sender: a recursive loop
    for (const Edge& back : ctx.scenario.edges) loop = loop || (back.from == e.to && back.to == e.from);
    const float fs = ImGui::GetFontSize() * std::clamp(zoom, 0.7f, 1.2f) * 0.85f;
    const ImVec2 mid = path.at(0.5f);
    text(dl, fs, ImVec2(mid.x - 60 * zoom, mid.y + 4 * zoom), col,
         std::string(loop ? "sends back (recursive loop)" : "sends") + (e.sendOn == SendOn::Always ? ", always" : ""));
    const float dot = 4.0f * std::max(0.7f, zoom);
    const auto& dots = m.edgeForward[ei];
    for (std::size_t k = 0; k < std::min<std::size_t>(dots.size(), kMaxDotsPerPath); ++k)
        dl->AddCircleFilled(path.at(dots[k].first), dot, dots[k].second);
}

/// An SNS -> SQS subscription: the topic pushes every message into the queue; no function and no internal queue
/// in between (SNS DG sns-sqs-as-subscriber).
void drawSubscriptionEdge(ImDrawList* dl, const Motion& m, std::size_t ei, const NodeBox& from, const NodeBox& to,
                          bool selected, float zoom) {
    const ImU32 col = selected ? colours::kSelect : modeColour(InvocationMode::Asynchronous, 0.9f);
    const float th = (selected ? 3.0f : 2.0f) * std::max(0.6f, zoom);
    const ImVec2 a = from.out(), b = to.in();
    dl->AddLine(a, b, col, th);
    arrowHead(dl, a, b, col, 10 * zoom);
    const float fs = ImGui::GetFontSize() * std::clamp(zoom, 0.7f, 1.2f) * 0.85f;
    const ImVec2 mid = lerp(a, b, 0.5f);
    text(dl, fs, ImVec2(mid.x - 36 * zoom, mid.y - fs * 1.5f), colours::kDim, "subscription");
    drawDots(dl, m.edgeForward[ei], a, b, 4.0f * std::max(0.7f, zoom), false);
}

void drawConfigEdge(ImDrawList* dl, const NodeBox& from, const NodeBox& to, const char* label, float zoom) {
    const ImU32 col = IM_COL32(170, 170, 180, 160);
    const ImVec2 a((from.min.x + from.max.x) * 0.5f, from.max.y), b((to.min.x + to.max.x) * 0.5f, to.min.y);
    const bool below = to.min.y > from.max.y;
    const ImVec2 s = below ? a : from.out(), t = below ? b : to.in();
    dashed(dl, s, t, col, 1.5f, 5 * zoom);
    arrowHead(dl, s, t, col, 8 * zoom);
    text(dl, ImGui::GetFontSize() * 0.8f, lerp(s, t, 0.45f), col, label);
}

// [SECTION] nodes
void drawNode(ImDrawList* dl, const FrameContext& ctx, const Motion& m, std::uint32_t i, const NodeBox& box, float zoom) {
    const Node& n = ctx.scenario.nodes[i];
    const bool selected = ctx.ui.selection.kind == SelectionKind::Node && ctx.ui.selection.node == n.id;
    const InvocationMode mode = invocationModeOf(n.type);
    const bool target = n.type != NodeType::Function && n.traffic.count == 0;  // a DLQ/destination role
    const ImU32 accent = target ? IM_COL32(150, 150, 165, 255) : modeColour(mode);
    const float r = 6 * zoom, hh = kHeaderH * zoom;
    dl->AddRectFilled(box.min, box.max, IM_COL32(34, 37, 44, 240), r);
    dl->AddRectFilled(box.min, ImVec2(box.max.x, box.min.y + hh), accent, r, ImDrawFlags_RoundCornersTop);
    const float fs = ImGui::GetFontSize() * std::clamp(zoom, 0.6f, 1.4f);
    const char* badge = serviceBadge(n.type);
    const ImVec2 bs = ImGui::GetFont()->CalcTextSizeA(fs, FLT_MAX, 0, badge);
    dl->AddRectFilled(ImVec2(box.min.x + 4 * zoom, box.min.y + 3 * zoom),
                      ImVec2(box.min.x + 10 * zoom + bs.x, box.min.y + hh - 3 * zoom), IM_COL32(20, 22, 28, 220), 3);
    text(dl, fs, ImVec2(box.min.x + 7 * zoom, box.min.y + (hh - bs.y) * 0.5f), accent, badge);
    const std::string title = n.label.empty() ? n.id : n.label;
    dl->PushClipRect(box.min, box.max, true);
    text(dl, fs, ImVec2(box.min.x + 16 * zoom + bs.x, box.min.y + (hh - bs.y) * 0.5f), IM_COL32(20, 20, 24, 255), title);
    if (n.type == NodeType::Function && !n.function.behavior.empty()) {  // behaviour rules: a count badge
        const std::size_t count = n.function.behavior.size();
        const std::string rules = std::to_string(count) + (count == 1 ? " rule" : " rules");
        const ImVec2 rs = ImGui::GetFont()->CalcTextSizeA(fs * 0.8f, FLT_MAX, 0, rules.c_str());
        const ImVec2 lo(box.max.x - rs.x - 12 * zoom, box.min.y + 3 * zoom), hi(box.max.x - 4 * zoom, box.min.y + hh - 3 * zoom);
        dl->AddRectFilled(lo, hi, IM_COL32(20, 22, 28, 230), 3);
        text(dl, fs * 0.8f, ImVec2(lo.x + 4 * zoom, lo.y + (hi.y - lo.y - rs.y) * 0.5f), colours::kTimeout, rules);
    }
    const float small = fs * 0.82f;
    float y = box.min.y + hh + 4 * zoom;
    // Exact counts when they fit the box; else 140k-style counts; a line still too wide gets a smaller font.
    const float room = box.max.x - box.min.x - 12 * zoom;
    auto width = [&](const std::string& line) { return ImGui::GetFont()->CalcTextSizeA(small, FLT_MAX, 0, line.c_str()).x; };
    std::vector<std::string> lines = counterLines(ctx.engine, i, n, false);
    if (std::any_of(lines.begin(), lines.end(), [&](const std::string& l) { return width(l) > room; }))
        lines = counterLines(ctx.engine, i, n, true);
    for (const std::string& line : lines) {
        const float w = width(line);
        text(dl, w > room && w > 0 ? small * room / w : small, ImVec2(box.min.x + 6 * zoom, y), colours::kText, line);
        y += small * 1.25f;
    }
    dl->PopClipRect();
    if (m.flash[i] > 0)
        dl->AddRect(ImVec2(box.min.x - 3, box.min.y - 3), ImVec2(box.max.x + 3, box.max.y + 3),
                    (m.flashColour[i] & 0x00FFFFFF) | (static_cast<ImU32>(m.flash[i] * 255) << 24), r, 0, 4 * zoom);
    dl->AddRect(box.min, box.max, selected ? colours::kSelect : IM_COL32(90, 95, 110, 255), r, 0, selected ? 2.5f : 1.0f);
    if (n.type != NodeType::Function && !target) {
        dl->AddCircleFilled(box.out(), 6 * zoom, IM_COL32(30, 30, 36, 255));
        dl->AddCircle(box.out(), 6 * zoom, accent, 0, 2.0f);
    } else if (n.type == NodeType::Function) {  // send pin: drag to a queue or topic the code sends to
        const ImVec2 p = box.out();
        dl->AddRectFilled(ImVec2(p.x - 5 * zoom, p.y - 5 * zoom), ImVec2(p.x + 5 * zoom, p.y + 5 * zoom), IM_COL32(30, 30, 36, 255));
        dl->AddRect(ImVec2(p.x - 5 * zoom, p.y - 5 * zoom), ImVec2(p.x + 5 * zoom, p.y + 5 * zoom), colours::kSend, 0, 0, 2.0f);
    }
    // Retries loop back over the function.
    const auto& loop = m.retryLoop[i];
    const std::uint32_t f = ctx.engine.functionOfNode(i);
    const std::uint32_t waiting = f != kNone && f < ctx.engine.functions().size() ? ctx.engine.functions()[f].asyncWaiting : 0;
    if (!loop.empty() || waiting > 0) {
        const ImVec2 s0(box.max.x - 20 * zoom, box.min.y), s1(box.min.x + 20 * zoom, box.min.y);
        const ImVec2 c((s0.x + s1.x) * 0.5f, box.min.y - 60 * zoom);
        for (int k = 0; k < 24; ++k)
            dl->AddLine(quad(s0, c, s1, k / 24.0f), quad(s0, c, s1, (k + 1) / 24.0f), colours::kTimeout, 2.0f);
        arrowHead(dl, quad(s0, c, s1, 0.92f), s1, colours::kTimeout, 9 * zoom);
        text(dl, fs * 0.8f, ImVec2(c.x - 50 * zoom, c.y + 4 * zoom), colours::kTimeout,
             "retry wait: " + std::to_string(waiting));
        for (float t : loop) dl->AddCircleFilled(quad(s0, c, s1, t), 4 * zoom, colours::kTimeout);
    }
}

/// View > Cost on canvas: each priced node's cost so far in a pill over its top right corner (docs/cost.md).
void drawCostLabels(ImDrawList* dl, const FrameContext& ctx, const Frame& frame) {
    if (!ctx.ui.costOnCanvas) return;
    const cost::CostReport report = cost::computeCost(ctx.engine);
    const float fs = ImGui::GetFontSize() * std::clamp(frame.view.zoom, 0.7f, 1.1f) * 0.85f;
    for (std::uint32_t i = 0; i < ctx.scenario.nodes.size() && i < report.nodes.size(); ++i) {
        if (!report.nodes[i].priced) continue;
        const std::string label = compare::formatUsd(report.nodes[i].usd);
        const ImVec2 size = ImGui::GetFont()->CalcTextSizeA(fs, FLT_MAX, 0, label.c_str());
        const NodeBox& b = frame.boxes[i];
        const ImVec2 hi(b.max.x, b.min.y - 2), lo(hi.x - size.x - 8, hi.y - size.y - 2);
        dl->AddRectFilled(lo, hi, IM_COL32(22, 40, 30, 235), 3);
        dl->AddRect(lo, hi, IM_COL32(90, 170, 110, 255), 3);
        text(dl, fs, ImVec2(lo.x + 4, lo.y + 1), IM_COL32(150, 230, 160, 255), label);
    }
}

// [SECTION] frame
void drawEdges(ImDrawList* dl, const FrameContext& ctx, const Frame& frame, const Motion& motion) {
    const Scenario& s = ctx.scenario;
    const std::vector<NodeBox>& boxes = frame.boxes;
    const float zoom = frame.view.zoom;
    for (std::size_t k = 0; k < s.edges.size(); ++k) {
        const int a = nodeIndexOf(s, s.edges[k].from), b = nodeIndexOf(s, s.edges[k].to);
        if (a < 0 || b < 0) continue;
        const bool sel = ctx.ui.selection.kind == SelectionKind::Edge && ctx.ui.selection.edge == static_cast<int>(k);
        if (s.nodes[static_cast<std::size_t>(a)].type == NodeType::Function) {
            drawSendEdge(dl, ctx, motion, k, boxes[static_cast<std::size_t>(a)], boxes[static_cast<std::size_t>(b)], sel, zoom);
            continue;
        }
        if (s.nodes[static_cast<std::size_t>(a)].type == NodeType::Sns && s.nodes[static_cast<std::size_t>(b)].type == NodeType::Sqs) {
            drawSubscriptionEdge(dl, motion, k, boxes[static_cast<std::size_t>(a)], boxes[static_cast<std::size_t>(b)], sel, zoom);
            continue;
        }
        drawIntegrationEdge(dl, ctx, motion, k, boxes[static_cast<std::size_t>(a)], boxes[static_cast<std::size_t>(b)],
                            s.nodes[static_cast<std::size_t>(a)].type, sel, zoom);
    }
    for (std::size_t i = 0; i < s.nodes.size(); ++i) {  // configuration edges: DLQs, destinations, redrive
        const Node& n = s.nodes[i];
        auto link = [&](const std::string& to, const char* label) {
            const int t = to.empty() ? -1 : nodeIndexOf(s, to);
            if (t >= 0) drawConfigEdge(dl, boxes[i], boxes[static_cast<std::size_t>(t)], label, zoom);
        };
        link(n.function.async.deadLetterQueue, "DLQ");
        link(n.function.async.onFailure, "on failure");
        link(n.function.async.onSuccess, "on success");
        if (n.queue.redrive) link(n.queue.redrive->deadLetterQueue, "redrive");
        for (const auto& [fromFn, t] : motion.delivered[i]) {
            if (fromFn < boxes.size()) dl->AddCircleFilled(lerp(boxes[fromFn].out(), boxes[i].in(), t), 4 * zoom, colours::kWait);
        }
    }
    for (std::size_t k = 0; k < s.edges.size(); ++k) {  // stream on-failure destinations
        const int a = nodeIndexOf(s, s.edges[k].to), t = s.edges[k].onFailure.empty() ? -1 : nodeIndexOf(s, s.edges[k].onFailure);
        if (a >= 0 && t >= 0) drawConfigEdge(dl, boxes[static_cast<std::size_t>(a)], boxes[static_cast<std::size_t>(t)], "on failure", zoom);
    }
}

/// The warnings, impossible to miss, under their node (two per node at most).
void drawWarnings(ImDrawList* dl, const FrameContext& ctx, const Frame& frame) {
    const Scenario& s = ctx.scenario;
    std::vector<int> warningsBelow(s.nodes.size(), 0);
    for (const Warning& w : ctx.warnings) {
        const int i = w.node.empty() ? -1 : nodeIndexOf(s, w.node);
        if (i < 0 || warningsBelow[static_cast<std::size_t>(i)]++ >= 2) continue;
        const NodeBox& b = frame.boxes[static_cast<std::size_t>(i)];
        const float fs = ImGui::GetFontSize() * std::clamp(frame.view.zoom, 0.7f, 1.2f) * 0.9f;
        text(dl, fs, ImVec2(b.min.x, b.max.y + 4 + (warningsBelow[static_cast<std::size_t>(i)] - 1) * fs * 1.3f),
             colours::kTimeout, "(!) " + w.title);
    }
}

/// The link being dragged, green or red over a target with the model's verdict in a tooltip.
void drawLinkPreview(ImDrawList* dl, const Frame& frame, const LinkPreview& link) {
    ImU32 col = IM_COL32(220, 220, 230, 200);
    if (link.target >= 0) {
        col = link.accepted ? colours::kOk : colours::kError;
        const NodeBox& target = frame.boxes[static_cast<std::size_t>(link.target)];
        dl->AddRect(target.min, target.max, col, 6, 0, 3);
        ImGui::BeginTooltip();
        ImGui::PushTextWrapPos(ImGui::GetFontSize() * 28);
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(col), "%s", link.accepted ? "Accepted" : "Rejected");
        ImGui::TextUnformatted(link.reason.c_str());
        ImGui::PopTextWrapPos();
        ImGui::EndTooltip();
    }
    if (link.from >= 0) {
        const NodeBox& from = frame.boxes[static_cast<std::size_t>(link.from)];
        dl->AddLine(from.out(), link.mouse, col, 2.5f);
        arrowHead(dl, from.out(), link.mouse, col, 10);
    }
}

void drawHints(ImDrawList* dl, const Scenario& s, const Frame& frame, bool locked) {
    const ImVec2 origin = frame.origin;
    if (s.nodes.empty())
        text(dl, ImGui::GetFontSize(), ImVec2(origin.x + 20, origin.y + 20), colours::kDim,
             "Empty scenario: pick a source and a function in the palette, then drag from the source's pin\n"
             "to the function. Select the function to give it behaviour rules (make it fail).");
    text(dl, ImGui::GetFontSize() * 0.8f, ImVec2(origin.x + 8, origin.y + frame.size.y - ImGui::GetFontSize() * 1.2f),
         colours::kDim,
         locked ? "drag empty space or right-drag: pan   wheel: zoom   (read-only)"
         : ImGui::GetIO().ConfigMacOSXBehaviors
             ? "drag empty space or right-drag: pan   wheel: zoom   Del: delete   Cmd+Z / Cmd+Y: undo / redo"
             : "drag empty space or right-drag: pan   wheel: zoom   Del: delete   Ctrl+Z / Ctrl+Y: undo / redo");
}

/// While comparing: the nodes and edges B changes, outlined in amber (edges as a wide band under the edge).
void drawDeltaOutlines(ImDrawList* dl, const FrameContext& ctx, const Frame& frame, bool underEdges) {
    if (!ctx.delta) return;
    const Scenario& s = ctx.scenario;
    const float zoom = frame.view.zoom;
    const ImU32 amber = IM_COL32(255, 176, 32, 255), band = IM_COL32(255, 176, 32, 90);
    if (underEdges) {
        for (const Edge& e : s.edges) {
            const int a = nodeIndexOf(s, e.from), b = nodeIndexOf(s, e.to);
            if (a < 0 || b < 0 || !ctx.delta->edgeDiffers(e.from, e.to)) continue;
            dl->AddLine(frame.boxes[static_cast<std::size_t>(a)].out(), frame.boxes[static_cast<std::size_t>(b)].in(), band,
                        10 * std::max(0.6f, zoom));
        }
        return;
    }
    for (std::size_t i = 0; i < s.nodes.size(); ++i)
        if (ctx.delta->nodeDiffers(s.nodes[i].id))
            dl->AddRect(ImVec2(frame.boxes[i].min.x - 5, frame.boxes[i].min.y - 5),
                        ImVec2(frame.boxes[i].max.x + 5, frame.boxes[i].max.y + 5), amber, 8 * zoom, 0, 3);
}

}  // namespace

void paint(const FrameContext& ctx, const Frame& frame, const Motion& motion, const LinkPreview& link) {
    const ImVec2 max(frame.origin.x + frame.size.x, frame.origin.y + frame.size.y);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->PushClipRect(frame.origin, max, true);
    // (no background fill: the screen is cleared in the panel colour; a full canvas rect is a third of the
    // pixels a frame covers, which software WebGL pays for every frame)
    drawGrid(dl, frame.view, frame.origin, max);
    drawDeltaOutlines(dl, ctx, frame, true);
    drawEdges(dl, ctx, frame, motion);
    for (std::uint32_t i = 0; i < ctx.scenario.nodes.size(); ++i) drawNode(dl, ctx, motion, i, frame.boxes[i], frame.view.zoom);
    drawDeltaOutlines(dl, ctx, frame, false);
    drawWarnings(dl, ctx, frame);
    drawCostLabels(dl, ctx, frame);
    if (link.active) drawLinkPreview(dl, frame, link);
    drawHints(dl, ctx.scenario, frame, ctx.ui.locked);
    dl->PopClipRect();
}

}  // namespace pg::ui::canvas
