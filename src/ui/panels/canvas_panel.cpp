// [SECTION] geometry  [SECTION] prepare (node boxes, moving items)  [SECTION] paint  [SECTION] interaction
#include "canvas_panel.hpp"

#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "palette_panel.hpp"
#include "ui/ui_text.hpp"

namespace pg::ui {

using namespace sim;

namespace {

constexpr float kNodeW = 215, kNodeH = 74, kHeaderH = 24;
constexpr std::size_t kMaxAnimatedRecords = 4000;
constexpr int kMaxDotsPerPath = 40;

// [SECTION] geometry
struct View {
    ImVec2 origin;
    float panX, panY, zoom;
    ImVec2 toScreen(double x, double y) const {
        return ImVec2(origin.x + panX + static_cast<float>(x) * zoom, origin.y + panY + static_cast<float>(y) * zoom);
    }
    ImVec2 toWorld(ImVec2 p) const { return ImVec2((p.x - origin.x - panX) / zoom, (p.y - origin.y - panY) / zoom); }
};

ImVec2 lerp(ImVec2 a, ImVec2 b, float t) { return ImVec2(a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t); }
float length(ImVec2 a, ImVec2 b) { return std::hypot(b.x - a.x, b.y - a.y); }
float distToSegment(ImVec2 p, ImVec2 a, ImVec2 b) {
    const float dx = b.x - a.x, dy = b.y - a.y, len2 = dx * dx + dy * dy;
    const float t = len2 > 0 ? std::clamp(((p.x - a.x) * dx + (p.y - a.y) * dy) / len2, 0.0f, 1.0f) : 0.0f;
    return std::hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy));
}
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

// [SECTION] prepare
struct NodeBox {
    ImVec2 min, max;
    ImVec2 in() const { return ImVec2(min.x, (min.y + max.y) * 0.5f); }
    ImVec2 out() const { return ImVec2(max.x, (min.y + max.y) * 0.5f); }
    bool contains(ImVec2 p) const { return p.x >= min.x && p.x <= max.x && p.y >= min.y && p.y <= max.y; }
};

/// Where recent trace records put moving dots: per path (edge lane, loop arc...) a list of fractions.
struct Motion {
    std::vector<std::vector<std::pair<float, ImU32>>> edgeForward, edgeBack, edgeReturn;  // per edge
    std::vector<std::vector<float>> retryLoop;      // per node (function)
    std::vector<float> flash;                       // per node: 0..1 failure flash
    std::vector<ImU32> flashColour;
    std::vector<std::vector<std::pair<std::uint32_t, float>>> delivered;  // per node (destination): from fn node
};

int edgeOf(const Scenario& s, std::uint32_t from, std::uint32_t toNode) {
    if (from >= s.nodes.size() || toNode >= s.nodes.size()) return -1;
    for (std::size_t i = 0; i < s.edges.size(); ++i)
        if (s.edges[i].from == s.nodes[from].id && s.edges[i].to == s.nodes[toNode].id) return static_cast<int>(i);
    return -1;
}

Motion prepareMotion(const Engine& e, const Scenario& s, SimTime window) {
    Motion m;
    const std::size_t nodes = s.nodes.size(), edges = s.edges.size();
    m.edgeForward.resize(edges);
    m.edgeBack.resize(edges);
    m.edgeReturn.resize(edges);
    m.retryLoop.resize(nodes);
    m.flash.assign(nodes, 0.0f);
    m.flashColour.assign(nodes, colours::kError);
    m.delivered.resize(nodes);
    if (e.nodeCount() != nodes) return m;  // engine and scenario out of step for one frame
    const auto& recs = e.trace().records();
    const SimTime now = e.now();
    auto lo = std::lower_bound(recs.begin(), recs.end(), now - window,
                               [](const TraceRecord& r, SimTime t) { return r.time < t; });
    std::size_t first = static_cast<std::size_t>(lo - recs.begin());
    first = std::max(first, recs.size() > kMaxAnimatedRecords ? recs.size() - kMaxAnimatedRecords : std::size_t{0});
    const auto& items = e.items();
    std::vector<int> edgeCache(nodes * nodes, -2);  // (origin, function node) -> edge, -2 not looked up yet
    auto edgeFor = [&](std::uint32_t from, std::uint32_t toNode) {
        if (from >= nodes || toNode >= nodes) return -1;
        int& slot = edgeCache[from * nodes + toNode];
        if (slot == -2) slot = edgeOf(s, from, toNode);
        return slot;
    };
    for (std::size_t i = first; i < recs.size(); ++i) {
        const TraceRecord& r = recs[i];
        const float frac = std::clamp(static_cast<float>(now - r.time) / static_cast<float>(window), 0.0f, 1.0f);
        if (r.item == kNone || r.item >= items.size() || r.node >= nodes) continue;
        const Item& it = items[r.item];
        const std::uint32_t fnNode = it.function != kNone ? e.functions()[it.function].node : kNone;
        auto add = [&](std::vector<std::vector<std::pair<float, ImU32>>>& v, ImU32 col) {
            const int ei = edgeFor(it.origin, fnNode);
            if (ei >= 0 && v[static_cast<std::size_t>(ei)].size() < kMaxDotsPerPath * 4)
                v[static_cast<std::size_t>(ei)].push_back({frac, col});
        };
        const InvocationMode mode = invocationModeOf(s.nodes[it.origin].type);
        switch (r.kind) {
        case TraceKind::Arrival: add(m.edgeForward, modeColour(mode)); break;
        case TraceKind::Received: add(m.edgeForward, modeColour(mode)); break;
        case TraceKind::BatchRead: add(m.edgeForward, modeColour(mode)); break;
        case TraceKind::Response: add(m.edgeBack, r.detail >= 200 && r.detail < 300 ? colours::kOk : colours::kError); break;
        case TraceKind::ReturnedVisible: add(m.edgeReturn, colours::kError); break;
        case TraceKind::RetryScheduled:
            if (fnNode < nodes && m.retryLoop[fnNode].size() < kMaxDotsPerPath) m.retryLoop[fnNode].push_back(frac);
            break;
        case TraceKind::InvokeEnd:
            if (r.outcome == static_cast<std::uint8_t>(InvokeResult::Error) ||
                r.outcome == static_cast<std::uint8_t>(InvokeResult::Timeout)) {
                m.flash[r.node] = std::max(m.flash[r.node], 1.0f - frac);
                m.flashColour[r.node] = r.outcome == static_cast<std::uint8_t>(InvokeResult::Timeout) ? colours::kTimeout
                                                                                                      : colours::kError;
            }
            break;
        case TraceKind::Throttled:
            m.flash[r.node] = std::max(m.flash[r.node], 1.0f - frac);
            m.flashColour[r.node] = colours::kThrottle;
            break;
        case TraceKind::Delivered:
            if (fnNode < nodes && m.delivered[r.node].size() < kMaxDotsPerPath) m.delivered[r.node].push_back({fnNode, frac});
            break;
        case TraceKind::Sent:  // along the send edge from the function that ran the item to the target
            if (const int ei = edgeOf(s, fnNode, r.node); ei >= 0 && m.edgeForward[static_cast<std::size_t>(ei)].size() < kMaxDotsPerPath * 4)
                m.edgeForward[static_cast<std::size_t>(ei)].push_back({frac, colours::kSend});
            break;
        case TraceKind::RecursionStopped:
            m.flash[r.node] = std::max(m.flash[r.node], 1.0f - frac);
            m.flashColour[r.node] = colours::kSend;
            break;
        default: break;
        }
    }
    return m;
}

/// 140000 -> "140k", 1234567 -> "1.2M": for counter lines that would not fit their node otherwise.
std::string compactCount(std::int64_t v) {
    char buf[32];
    const double a = static_cast<double>(v < 0 ? -v : v);
    if (a < 10000) return std::to_string(v);
    if (a < 1e6) std::snprintf(buf, sizeof buf, "%.0fk", static_cast<double>(v) / 1e3);
    else if (a < 1e9) std::snprintf(buf, sizeof buf, "%.1fM", static_cast<double>(v) / 1e6);
    else std::snprintf(buf, sizeof buf, "%.1fG", static_cast<double>(v) / 1e9);
    return buf;
}

std::vector<std::string> counterLines(const Engine& e, std::uint32_t i, const Node& n, bool compact) {
    std::vector<std::string> lines;
    if (i >= e.nodeCount()) return lines;
    const NodeCounters& c = e.counters(i);
    auto num = [compact](std::int64_t v) { return compact ? compactCount(v) : std::to_string(v); };
    if (n.type == NodeType::Function) {
        const std::uint32_t f = e.functionOfNode(i);
        const FunctionState* fs = f != kNone ? &e.functions()[f] : nullptr;
        lines.push_back("in flight " + num(fs ? fs->inFlight : 0) + "   queued " + num(fs ? fs->asyncDepth() : 0) +
                        "   err " + num(c.errors));
        lines.push_back("invoked " + num(c.invocations) + "   thr " + num(c.throttles) + "   cold " +
                        num(c.coldStarts));
        return lines;
    }
    switch (invocationModeOf(n.type)) {
    case InvocationMode::Synchronous:
        lines.push_back("sent " + num(c.items) + "   2xx " + num(c.responses2xx) + "   429 " + num(c.responses429));
        lines.push_back("5xx " + num(c.responses500 + c.responses502 + c.responses504) + "   retries " +
                        num(c.clientRetries));
        break;
    case InvocationMode::Asynchronous:
        lines.push_back("sent " + num(c.items) + "   202 accepted " + num(c.accepted));
        if (c.received) lines.push_back("received " + num(c.received));
        break;
    default:
        if (n.type == NodeType::Sqs) {
            lines.push_back("visible " + num(c.visible) + "   in flight " + num(c.inFlight));
            lines.push_back("sent " + num(c.sent) + "   receives " + num(c.receives) + "   DLQ " +
                            num(c.deadLettered));
        } else {
            lines.push_back("records " + num(c.items) + "   unread " + num(c.visible) + "   in batch " + num(c.inFlight));
            lines.push_back("expired " + num(c.expired));
        }
        break;
    }
    return lines;
}

// [SECTION] paint
void drawGrid(ImDrawList* dl, const View& v, ImVec2 min, ImVec2 max) {
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

/// A send edge's path: a straight line to a target on the right; else, a loop back to the function's own
/// trigger, a curve from the send pin down under the nodes (below the warnings written there) to the target's
/// bottom, right of its middle (where a redrive line leaves).
struct SendPath {
    ImVec2 a, c1, c2, b;
    bool curved;
    ImVec2 at(float t) const {
        if (!curved) return lerp(a, b, t);
        const float u = 1 - t, w0 = u * u * u, w1 = 3 * u * u * t, w2 = 3 * u * t * t, w3 = t * t * t;
        return ImVec2(w0 * a.x + w1 * c1.x + w2 * c2.x + w3 * b.x, w0 * a.y + w1 * c1.y + w2 * c2.y + w3 * b.y);
    }
};
SendPath sendPath(const NodeBox& from, const NodeBox& to, float zoom) {
    if (to.min.x > from.max.x) return {from.out(), from.out(), to.in(), to.in(), false};
    const ImVec2 a = from.out(), b(to.min.x + (to.max.x - to.min.x) * 0.75f, to.max.y);
    const float low = std::max(a.y, b.y) + 150 * zoom;
    return {a, ImVec2(a.x + 110 * zoom, low), ImVec2(b.x, low), b, true};
}
float distToSendPath(ImVec2 p, const SendPath& path) {
    float best = FLT_MAX;
    for (int k = 0; k < 24; ++k) best = std::min(best, distToSegment(p, path.at(k / 24.0f), path.at((k + 1) / 24.0f)));
    return best;
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

void drawConfigEdge(ImDrawList* dl, const NodeBox& from, const NodeBox& to, const char* label, float zoom) {
    const ImU32 col = IM_COL32(170, 170, 180, 160);
    const ImVec2 a((from.min.x + from.max.x) * 0.5f, from.max.y), b((to.min.x + to.max.x) * 0.5f, to.min.y);
    const bool below = to.min.y > from.max.y;
    const ImVec2 s = below ? a : from.out(), t = below ? b : to.in();
    dashed(dl, s, t, col, 1.5f, 5 * zoom);
    arrowHead(dl, s, t, col, 8 * zoom);
    text(dl, ImGui::GetFontSize() * 0.8f, lerp(s, t, 0.45f), col, label);
}

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

/// Pan and zoom so every node, with the retry arcs drawn above it and the warnings written under it, fits in a
/// canvas of `size`; never zooms in past 1 (the presets are laid out for that scale).
void fitView(const Scenario& s, UiState& ui, ImVec2 size) {
    constexpr float kArcAbove = 60, kSide = 16;  // world units: retry arc label above a node; side margin
    const float fontSize = ImGui::GetFontSize();
    const float warningsBelow = fontSize * 1.2f * 2.6f + 8;  // two warning lines (screen pixels)
    const float hintLine = fontSize * 1.3f;                   // the help line at the bottom of the canvas
    double minX = DBL_MAX, minY = DBL_MAX, maxX = -DBL_MAX, maxY = -DBL_MAX;
    for (const Node& n : s.nodes) {
        minX = std::min(minX, n.x);
        minY = std::min(minY, n.y);
        maxX = std::max(maxX, n.x + kNodeW);
        maxY = std::max(maxY, n.y + kNodeH);
    }
    minX -= kSide;
    maxX += kSide;
    minY -= kArcAbove;
    for (const Edge& e : s.edges)  // a send edge back to the left curves under the nodes
        for (const Node& n : s.nodes)
            if (n.id == e.from && n.type == NodeType::Function) maxY = std::max(maxY, n.y + kNodeH + 140);
    const float worldW = static_cast<float>(maxX - minX), worldH = static_cast<float>(maxY - minY);
    const float availW = std::max(20.0f, size.x), availH = std::max(20.0f, size.y - warningsBelow - hintLine);
    const float zoom = std::clamp(std::min(availW / worldW, availH / worldH), 0.3f, 1.0f);
    ui.canvasZoom = zoom;
    ui.canvasPanX = (size.x - worldW * zoom) * 0.5f - static_cast<float>(minX) * zoom;
    ui.canvasPanY = std::max(0.0f, (availH - worldH * zoom) * 0.5f) - static_cast<float>(minY) * zoom;
}

}  // namespace

// [SECTION] interaction
void CanvasPanel::draw(FrameContext& ctx) {
    const Scenario& s = ctx.scenario;
    UiState& ui = ctx.ui;
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const ImVec2 size(std::max(50.0f, ImGui::GetContentRegionAvail().x), std::max(50.0f, ImGui::GetContentRegionAvail().y));
    ImGui::InvisibleButton("##canvas", size, ImGuiButtonFlags_MouseButtonLeft | ImGuiButtonFlags_MouseButtonRight |
                                                 ImGuiButtonFlags_MouseButtonMiddle);
    const bool hovered = ImGui::IsItemHovered();
    const ImGuiIO& io = ImGui::GetIO();
    if (ui.canvasFit && !s.nodes.empty()) fitView(s, ui, size);
    View v{origin, ui.canvasPanX, ui.canvasPanY, ui.canvasZoom};

    if (ImGui::BeginDragDropTarget()) {  // palette drop
        if (const ImGuiPayload* p = ImGui::AcceptDragDropPayload(kPaletteDragType)) {
            PaletteItem item;
            std::memcpy(&item, p->Data, sizeof item);
            const ImVec2 w = v.toWorld(io.MousePos);
            const char* role = item.role == 1 ? "dlq" : item.role == 2 ? "destination" : "";
            ctx.commands.push(cmd::AddNode{item.type, role, w.x - kNodeW * 0.5, w.y - kNodeH * 0.5});
        }
        ImGui::EndDragDropTarget();
    }
    if (hovered && io.MouseWheel != 0) {  // zoom about the mouse
        ui.canvasFit = false;
        const ImVec2 before = v.toWorld(io.MousePos);
        ui.canvasZoom = std::clamp(ui.canvasZoom * std::pow(1.15f, io.MouseWheel), 0.3f, 2.5f);
        v.zoom = ui.canvasZoom;
        ui.canvasPanX = io.MousePos.x - origin.x - before.x * v.zoom;
        ui.canvasPanY = io.MousePos.y - origin.y - before.y * v.zoom;
        v.panX = ui.canvasPanX;
        v.panY = ui.canvasPanY;
    }

    // Node boxes (a moved node follows the mouse until release).
    std::vector<NodeBox> boxes(s.nodes.size());
    for (std::size_t i = 0; i < s.nodes.size(); ++i) {
        double x = s.nodes[i].x, y = s.nodes[i].y;
        if (m_gesture == Gesture::MoveNode && s.nodes[i].id == m_node) {
            const ImVec2 w = v.toWorld(io.MousePos);
            x = w.x - m_grabX;
            y = w.y - m_grabY;
        }
        boxes[i] = {v.toScreen(x, y), v.toScreen(x + kNodeW, y + kNodeH)};
    }
    auto nodeAt = [&](ImVec2 p) {
        for (std::size_t i = boxes.size(); i-- > 0;)
            if (boxes[i].contains(p)) return static_cast<int>(i);
        return -1;
    };
    auto pinAt = [&](ImVec2 p) {
        for (std::size_t i = boxes.size(); i-- > 0;)
            if ((s.nodes[i].type == NodeType::Function || s.nodes[i].traffic.count > 0) &&
                length(p, boxes[i].out()) < 11 * v.zoom)
                return static_cast<int>(i);
        return -1;
    };
    auto edgeAt = [&](ImVec2 p) {
        for (std::size_t k = 0; k < s.edges.size(); ++k) {
            const int a = nodeIndexOf(s, s.edges[k].from), b = nodeIndexOf(s, s.edges[k].to);
            if (a < 0 || b < 0) continue;
            const NodeBox &fa = boxes[static_cast<std::size_t>(a)], &tb = boxes[static_cast<std::size_t>(b)];
            const float d = s.nodes[static_cast<std::size_t>(a)].type == NodeType::Function
                                ? distToSendPath(p, sendPath(fa, tb, v.zoom))
                                : distToSegment(p, fa.out(), tb.in());
            if (d < 7) return static_cast<int>(k);
        }
        return -1;
    };

    // Start a gesture. Moving a node or panning makes the view the user's: no more fitting.
    if (hovered && ImGui::IsMouseClicked(ImGuiMouseButton_Left)) {
        const int pin = pinAt(io.MousePos), node = nodeAt(io.MousePos);
        if (pin >= 0) {
            m_gesture = Gesture::Link;
            m_node = s.nodes[static_cast<std::size_t>(pin)].id;
            m_checkedTarget.clear();
        } else if (node >= 0) {
            m_gesture = Gesture::MoveNode;
            ui.canvasFit = false;
            m_node = s.nodes[static_cast<std::size_t>(node)].id;
            const ImVec2 w = v.toWorld(io.MousePos);
            m_grabX = w.x - static_cast<float>(s.nodes[static_cast<std::size_t>(node)].x);
            m_grabY = w.y - static_cast<float>(s.nodes[static_cast<std::size_t>(node)].y);
            ctx.commands.push(cmd::Select{{SelectionKind::Node, m_node, -1}});
        } else if (const int edge = edgeAt(io.MousePos); edge >= 0) {
            ctx.commands.push(cmd::Select{{SelectionKind::Edge, "", edge}});
        } else {
            m_gesture = Gesture::Pan;
            ctx.commands.push(cmd::Select{{}});
        }
    }
    if (hovered && (ImGui::IsMouseClicked(ImGuiMouseButton_Right) || ImGui::IsMouseClicked(ImGuiMouseButton_Middle)))
        m_gesture = Gesture::Pan;
    if (m_gesture == Gesture::Pan && ImGui::IsItemActive()) {
        if (io.MouseDelta.x != 0 || io.MouseDelta.y != 0) ui.canvasFit = false;
        ui.canvasPanX += io.MouseDelta.x;
        ui.canvasPanY += io.MouseDelta.y;
    }

    // Paint.
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->PushClipRect(origin, ImVec2(origin.x + size.x, origin.y + size.y), true);
    // (no background fill: the screen is cleared in the panel colour; a full canvas rect is a third of the
    // pixels a frame covers, which software WebGL pays for every frame)
    drawGrid(dl, v, origin, ImVec2(origin.x + size.x, origin.y + size.y));
    const SimTime window = std::clamp<SimTime>(static_cast<SimTime>(ui.speed * 0.8 * kSecond), 20 * kMillisecond, kMinute);
    const Motion motion = prepareMotion(ctx.engine, s, window);
    for (std::size_t k = 0; k < s.edges.size(); ++k) {
        const int a = nodeIndexOf(s, s.edges[k].from), b = nodeIndexOf(s, s.edges[k].to);
        if (a < 0 || b < 0) continue;
        const bool sel = ui.selection.kind == SelectionKind::Edge && ui.selection.edge == static_cast<int>(k);
        if (s.nodes[static_cast<std::size_t>(a)].type == NodeType::Function) {
            drawSendEdge(dl, ctx, motion, k, boxes[static_cast<std::size_t>(a)], boxes[static_cast<std::size_t>(b)], sel, v.zoom);
            continue;
        }
        drawIntegrationEdge(dl, ctx, motion, k, boxes[static_cast<std::size_t>(a)], boxes[static_cast<std::size_t>(b)],
                            s.nodes[static_cast<std::size_t>(a)].type, sel, v.zoom);
    }
    for (std::size_t i = 0; i < s.nodes.size(); ++i) {  // configuration edges: DLQs, destinations, redrive
        const Node& n = s.nodes[i];
        auto link = [&](const std::string& to, const char* label) {
            const int t = to.empty() ? -1 : nodeIndexOf(s, to);
            if (t >= 0) drawConfigEdge(dl, boxes[i], boxes[static_cast<std::size_t>(t)], label, v.zoom);
        };
        link(n.function.async.deadLetterQueue, "DLQ");
        link(n.function.async.onFailure, "on failure");
        link(n.function.async.onSuccess, "on success");
        if (n.queue.redrive) link(n.queue.redrive->deadLetterQueue, "redrive");
        for (const auto& [fromFn, t] : motion.delivered[i]) {
            if (fromFn < boxes.size()) dl->AddCircleFilled(lerp(boxes[fromFn].out(), boxes[i].in(), t), 4 * v.zoom, colours::kWait);
        }
    }
    for (std::size_t k = 0; k < s.edges.size(); ++k) {  // stream on-failure destinations
        const int a = nodeIndexOf(s, s.edges[k].to), t = s.edges[k].onFailure.empty() ? -1 : nodeIndexOf(s, s.edges[k].onFailure);
        if (a >= 0 && t >= 0) drawConfigEdge(dl, boxes[static_cast<std::size_t>(a)], boxes[static_cast<std::size_t>(t)], "on failure", v.zoom);
    }
    for (std::uint32_t i = 0; i < s.nodes.size(); ++i) drawNode(dl, ctx, motion, i, boxes[i], v.zoom);
    std::vector<int> warningsBelow(s.nodes.size(), 0);  // the warnings, impossible to miss, under their node
    for (const Warning& w : ctx.warnings) {
        const int i = w.node.empty() ? -1 : nodeIndexOf(s, w.node);
        if (i < 0 || warningsBelow[static_cast<std::size_t>(i)]++ >= 2) continue;
        const NodeBox& b = boxes[static_cast<std::size_t>(i)];
        const float fs = ImGui::GetFontSize() * std::clamp(v.zoom, 0.7f, 1.2f) * 0.9f;
        text(dl, fs, ImVec2(b.min.x, b.max.y + 4 + (warningsBelow[static_cast<std::size_t>(i)] - 1) * fs * 1.3f),
             colours::kTimeout, "(!) " + w.title);
    }

    // Link being dragged: ask the model whether the target accepts it.
    if (m_gesture == Gesture::Link) {
        const int from = nodeIndexOf(s, m_node), target = nodeAt(io.MousePos);
        ImU32 col = IM_COL32(220, 220, 230, 200);
        if (target >= 0 && target != from) {
            const std::string& id = s.nodes[static_cast<std::size_t>(target)].id;
            if (id != m_checkedTarget) {
                m_checkedTarget = id;
                m_check = canConnect(s, m_node, id);
            }
            col = m_check.ok ? colours::kOk : colours::kError;
            dl->AddRect(boxes[static_cast<std::size_t>(target)].min, boxes[static_cast<std::size_t>(target)].max, col, 6, 0, 3);
            ImGui::BeginTooltip();
            ImGui::PushTextWrapPos(ImGui::GetFontSize() * 28);
            ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(col), "%s", m_check.ok ? "Accepted" : "Rejected");
            ImGui::TextUnformatted(m_check.message.c_str());
            ImGui::PopTextWrapPos();
            ImGui::EndTooltip();
        }
        if (from >= 0) {
            dl->AddLine(boxes[static_cast<std::size_t>(from)].out(), io.MousePos, col, 2.5f);
            arrowHead(dl, boxes[static_cast<std::size_t>(from)].out(), io.MousePos, col, 10);
        }
        if (ImGui::IsMouseReleased(ImGuiMouseButton_Left)) {
            if (target >= 0 && target != from) ctx.commands.push(cmd::Connect{m_node, s.nodes[static_cast<std::size_t>(target)].id});
            m_gesture = Gesture::None;
        }
    }
    if (m_gesture == Gesture::MoveNode && ImGui::IsMouseReleased(ImGuiMouseButton_Left)) {
        const ImVec2 w = v.toWorld(io.MousePos);
        const int i = nodeIndexOf(s, m_node);
        const double x = std::round(w.x - m_grabX), y = std::round(w.y - m_grabY);
        if (i >= 0 && (std::abs(x - s.nodes[static_cast<std::size_t>(i)].x) > 0.5 || std::abs(y - s.nodes[static_cast<std::size_t>(i)].y) > 0.5))
            ctx.commands.push(cmd::MoveNode{m_node, x, y});
        m_gesture = Gesture::None;
    }
    if (m_gesture == Gesture::Pan && !ImGui::IsItemActive()) m_gesture = Gesture::None;

    if (s.nodes.empty())
        text(dl, ImGui::GetFontSize(), ImVec2(origin.x + 20, origin.y + 20), colours::kDim,
             "Empty scenario: pick a source and a function in the palette, then drag from the source's pin.");
    text(dl, ImGui::GetFontSize() * 0.8f, ImVec2(origin.x + 8, origin.y + size.y - ImGui::GetFontSize() * 1.2f), colours::kDim,
         io.ConfigMacOSXBehaviors
             ? "drag empty space or right-drag: pan   wheel: zoom   Del: delete   Cmd+Z / Cmd+Y: undo / redo"
             : "drag empty space or right-drag: pan   wheel: zoom   Del: delete   Ctrl+Z / Ctrl+Y: undo / redo");
    dl->PopClipRect();

    // Export what was drawn (tests) and where palette clicks land.
    ui.canvasRect = {origin.x, origin.y, size.x, size.y, 0, 0};
    ui.nodeRects.clear();
    for (std::size_t i = 0; i < s.nodes.size(); ++i)
        ui.nodeRects[s.nodes[i].id] = {boxes[i].min.x, boxes[i].min.y, boxes[i].max.x - boxes[i].min.x,
                                       boxes[i].max.y - boxes[i].min.y, boxes[i].out().x, boxes[i].out().y};
    const ImVec2 centre = v.toWorld(ImVec2(origin.x + size.x * 0.5f, origin.y + size.y * 0.5f));
    ui.canvasCenterWorldX = centre.x;
    ui.canvasCenterWorldY = centre.y;
}

}  // namespace pg::ui
