// Canvas prepare step (canvas_prepare.hpp): moving dots and flashes from the recent trace, counter lines.
#include "canvas_prepare.hpp"

#include <algorithm>
#include <cstdio>

#include "canvas_geometry.hpp"
#include "ui/ui_text.hpp"

namespace pg::ui::canvas {

using namespace sim;

namespace {

constexpr std::size_t kMaxAnimatedRecords = 4000;

int edgeOf(const Scenario& s, std::uint32_t from, std::uint32_t toNode) {
    if (from >= s.nodes.size() || toNode >= s.nodes.size()) return -1;
    for (std::size_t i = 0; i < s.edges.size(); ++i)
        if (s.edges[i].from == s.nodes[from].id && s.edges[i].to == s.nodes[toNode].id) return static_cast<int>(i);
    return -1;
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

}  // namespace

SimTime animationWindow(double speed) {
    return std::clamp<SimTime>(static_cast<SimTime>(speed * 0.8 * kSecond), 20 * kMillisecond, kMinute);
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
        case TraceKind::Arrival:
            add(m.edgeForward, modeColour(mode));
            // a topic's message delivered to a subscribed queue: its arrival is caused by the topic's event
            if (r.cause < recs.size() && recs[r.cause].node < nodes && s.nodes[recs[r.cause].node].type == NodeType::Sns)
                if (const int ei = edgeOf(s, recs[r.cause].node, r.node); ei >= 0 && m.edgeForward[static_cast<std::size_t>(ei)].size() < kMaxDotsPerPath * 4)
                    m.edgeForward[static_cast<std::size_t>(ei)].push_back({frac, modeColour(InvocationMode::Asynchronous)});
            break;
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

}  // namespace pg::ui::canvas
