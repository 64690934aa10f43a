// The engine's trace as Trace Event Format (chrome_trace.hpp).
#include "chrome_trace.hpp"

#include <map>
#include <tuple>

#include "template_document.hpp"

namespace pg::templates {
namespace {

using sim::TraceKind;
constexpr int kPid = 1;

struct OpenInvocation {
    sim::SimTime start = 0;
    int tid = 0;
};

}  // namespace

std::string chromeTraceJson(const sim::Engine& e) {
    Json events = Json::array();
    events.push_back(Json{{"ph", "M"}, {"name", "process_name"}, {"pid", kPid}, {"tid", 0},
                          {"args", {{"name", e.scenario().name}}}});
    std::map<std::pair<std::uint32_t, std::uint32_t>, int> tidOf;  // (function node, environment) -> track
    std::map<std::pair<std::uint32_t, std::uint32_t>, OpenInvocation> running;  // (node, item)
    std::map<std::pair<std::uint32_t, std::uint32_t>, sim::SimTime> queued, hidden;  // (node, item) -> since
    auto span = [&](const char* category, const std::string& name, std::uint32_t node, std::uint32_t item,
                    sim::SimTime from, sim::SimTime to) {
        const std::string id = std::to_string(node) + ":" + std::to_string(item) + ":" + std::to_string(from);
        events.push_back(Json{{"ph", "b"}, {"cat", category}, {"name", name}, {"id", id}, {"pid", kPid}, {"ts", from}});
        events.push_back(Json{{"ph", "e"}, {"cat", category}, {"name", name}, {"id", id}, {"pid", kPid}, {"ts", to}});
    };
    for (const sim::TraceRecord& r : e.trace().records()) {
        if (r.node == sim::kNone || r.item == sim::kNone) continue;
        const auto key = std::make_pair(r.node, r.item);
        switch (r.kind) {
        case TraceKind::Accepted:
        case TraceKind::Requeued:
            queued[key] = r.time;
            break;
        case TraceKind::InvokeStart: {
            const auto q = queued.find(key);
            if (q != queued.end()) {
                span("async_queue", "queued " + e.itemId(r.item) + " at " + e.node(r.node).id, r.node, r.item,
                     q->second, r.time);
                queued.erase(q);
            }
            const auto envKey = std::make_pair(r.node, r.environment);
            auto t = tidOf.find(envKey);
            if (t == tidOf.end()) {
                const int tid = static_cast<int>(tidOf.size()) + 1;
                t = tidOf.emplace(envKey, tid).first;
                events.push_back(Json{{"ph", "M"}, {"name", "thread_name"}, {"pid", kPid}, {"tid", tid},
                                      {"args", {{"name", e.node(r.node).id + " environment " +
                                                             std::to_string(r.environment + 1)}}}});
            }
            running[key] = OpenInvocation{r.time, t->second};
            break;
        }
        case TraceKind::InvokeEnd: {
            const auto open = running.find(key);
            if (open == running.end()) break;
            const char* result = sim::invokeResultName(static_cast<sim::InvokeResult>(r.outcome));
            events.push_back(Json{{"ph", "X"}, {"cat", "invocation"}, {"name", e.itemId(r.item) + " " + result},
                                  {"pid", kPid}, {"tid", open->second.tid}, {"ts", open->second.start},
                                  {"dur", r.time - open->second.start},
                                  {"args", {{"function", e.node(r.node).id}, {"attempt", r.attempt}}}});
            running.erase(open);
            break;
        }
        case TraceKind::Received:
            hidden[key] = r.time;
            break;
        case TraceKind::ReturnedVisible: {
            const auto h = hidden.find(key);
            if (h == hidden.end()) break;
            span("sqs_visibility", "invisible " + e.itemId(r.item) + " in " + e.node(r.node).id, r.node, r.item,
                 h->second, r.time);
            hidden.erase(h);
            break;
        }
        default:
            break;
        }
    }
    // Counters: the engine's per-second peaks (metrics.hpp), one sample per second.
    const sim::Metrics& m = e.metrics();
    for (std::uint32_t n = 0; n < e.nodeCount(); ++n) {
        const sim::Node& node = e.node(n);
        if (node.type == sim::NodeType::Function) {
            const std::uint32_t f = e.functionOfNode(n);
            if (f == sim::kNone || f >= m.functionCount()) continue;
            const auto& series = m.series(f);
            for (std::size_t s = 0; s < series.size(); ++s)
                events.push_back(Json{{"ph", "C"}, {"name", "async queue " + node.id}, {"pid", kPid},
                                      {"ts", static_cast<sim::SimTime>(s) * sim::kSecond},
                                      {"args", {{"depth", series[s].peakAsyncQueueDepth}}}});
        } else if (m.hasQueueSeries(n)) {
            const auto& series = m.queueSeries(n);
            for (std::size_t s = 0; s < series.size(); ++s)
                events.push_back(Json{{"ph", "C"}, {"name", "depth " + node.id}, {"pid", kPid},
                                      {"ts", static_cast<sim::SimTime>(s) * sim::kSecond},
                                      {"args", {{"visible", series[s].peakVisible}, {"in_flight", series[s].peakInFlight}}}});
        }
    }
    Json doc = Json::object();
    doc["displayTimeUnit"] = "ms";
    doc["traceEvents"] = std::move(events);
    return doc.dump() + "\n";
}

}  // namespace pg::templates
