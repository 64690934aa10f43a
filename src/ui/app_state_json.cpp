// App: the state JSON the page's scripts, the bench and the browser tests read. stateJson is everything (it
// grows with the run: trace fingerprint, cost series); frameProbeJson and embedStateJson are the few fields read
// every frame or several times a second. Its share, compare and live parts: app_share.cpp, app_compare.cpp,
// app_live_state.cpp.
#include <cstdio>
#include <nlohmann/json.hpp>

#include "app.hpp"
#include "panels/panels.hpp"
#include "text_format.hpp"

namespace pg::ui {

using namespace sim;

std::string App::frameProbeJson() const {
    char out[160];
    std::snprintf(out, sizeof out, "{\"frame\":%llu,\"playing\":%s,\"last_frame_sim_ms\":%.3f,\"last_frame_ui_ms\":%.3f}",
                  static_cast<unsigned long long>(m_frameCount), m_ui.playing ? "true" : "false", m_ui.lastFrameSimMs,
                  m_ui.lastFrameUiMs);
    return out;
}

std::string App::embedStateJson() const {
    const Engine& e = *m_engine;
    nlohmann::json s;
    s["scenario"] = m_scenario.name;
    s["step"] = e.stepCount();
    s["time_us"] = e.now();
    s["playing"] = m_ui.playing;
    s["idle"] = e.idle();
    s["invocations"] = e.totalInvocations();
    s["items"] = e.items().size();
    s["notice"] = m_share.notice.title.empty() ? nlohmann::json() : nlohmann::json(m_share.notice.title);
    return s.dump();
}

std::string App::stateJson() const {
    const Engine& e = *m_engine;
    nlohmann::json s;
    s["frame"] = m_frameCount;
    s["scenario"] = m_scenario.name;
    s["time_us"] = e.now();
    s["time"] = formatClock(e.now());
    s["run_for_us"] = m_scenario.runFor;
    s["step"] = e.stepCount();
    s["idle"] = e.idle();
    s["playing"] = m_ui.playing;
    s["speed"] = m_ui.speed;
    s["achieved_speed"] = m_ui.achievedSpeed;
    s["simulation_bound"] = m_ui.simulationBound;
    s["nodes"] = m_scenario.nodes.size();
    s["edges"] = m_scenario.edges.size();
    s["undo_depth"] = m_undo.size();
    s["status"] = m_ui.status.text;
    s["edit_error"] = m_ui.editError;
    s["last_frame_sim_ms"] = m_ui.lastFrameSimMs;
    s["last_frame_ui_ms"] = m_ui.lastFrameUiMs;
    nlohmann::json sel;
    sel["kind"] = m_ui.selection.kind == SelectionKind::Node ? "node" : m_ui.selection.kind == SelectionKind::Edge ? "edge" : "none";
    sel["node"] = m_ui.selection.node;
    sel["edge"] = m_ui.selection.edge;
    sel["item"] = m_ui.selectedItem == kNone ? std::string() : e.itemId(m_ui.selectedItem);
    s["selection"] = sel;
    nlohmann::json fields = nlohmann::json::object();
    for (const auto& [key, r] : m_ui.fieldRects) fields[key] = {{"x", r.x}, {"y", r.y}, {"w", r.w}, {"h", r.h}};
    s["fields"] = fields;
    nlohmann::json badges = nlohmann::json::object();
    for (const auto& [key, r] : m_ui.badgeRects) badges[key] = {{"x", r.x}, {"y", r.y}, {"w", r.w}, {"h", r.h}};
    s["badges"] = badges;  // inspector source badges, by parameter key
    s["sweep"] = nlohmann::json::parse(m_panels->sweep.stateJson());
    nlohmann::json shards = nlohmann::json::object();
    for (const auto& [id, n] : m_ui.timelineShards) shards[id] = n;
    s["timeline_shards"] = shards;
    nlohmann::json counters = nlohmann::json::object();
    for (std::size_t i = 0; i < e.nodeCount(); ++i) {
        const NodeCounters& c = e.counters(static_cast<std::uint32_t>(i));
        nlohmann::json n;
        n["type"] = nodeTypeName(e.scenario().nodes[i].type);
        n["items"] = c.items; n["accepted"] = c.accepted; n["responses2xx"] = c.responses2xx;
        n["responses429"] = c.responses429; n["responses400"] = c.responses400;
        n["responses5xx"] = c.responses500 + c.responses502 + c.responses503 + c.responses504;
        n["unrouted"] = c.unrouted; n["invocations"] = c.invocations; n["errors"] = c.errors;
        n["timeouts"] = c.timeouts; n["throttles"] = c.throttles; n["cold_starts"] = c.coldStarts;
        n["received"] = c.received; n["receives"] = c.receives; n["deleted"] = c.deleted;
        n["dead_lettered"] = c.deadLettered; n["expired"] = c.expired; n["visible"] = c.visible;
        n["in_flight"] = c.inFlight;
        const std::uint32_t f = e.functionOfNode(static_cast<std::uint32_t>(i));
        if (f != kNone) {
            n["concurrency"] = e.functions()[f].inFlight;
            n["async_queued"] = e.functions()[f].asyncDepth();
        }
        counters[e.scenario().nodes[i].id] = n;
    }
    s["counters"] = counters;
    s["invocations"] = e.totalInvocations();
    nlohmann::json warnings = nlohmann::json::array();
    for (const Warning& w : m_warnings)
        warnings.push_back({{"kind", w.kind}, {"title", w.title}, {"text", w.text}, {"node", w.node}});
    s["warnings"] = warnings;
    nlohmann::json items;
    items["total"] = e.items().size();
    for (int st = 0; st < kItemStateCount; ++st)
        items[itemStateName(static_cast<ItemState>(st))] = e.itemsInState(static_cast<ItemState>(st));
    s["items"] = items;
    nlohmann::json attempts = nlohmann::json::object();  // the first items' attempt start times (tests)
    for (std::uint32_t i = 0; i < e.items().size() && i < 20; ++i) attempts[e.itemId(i)] = e.items().attemptTimes(i);
    s["attempts_us"] = attempts;
    s["trace_records"] = e.trace().count();
    char fingerprint[17];
    std::snprintf(fingerprint, sizeof fingerprint, "%016llx", static_cast<unsigned long long>(e.traceFingerprint()));
    s["trace_fingerprint"] = fingerprint;
    shareStateJson(s);
    compareStateJson(s);
    liveStateJson(s);
    return s.dump();
}

}  // namespace pg::ui
