#include "timeline_model.hpp"

namespace pg::ui {

using namespace sim;

void TimelineModel::reset(const Engine& engine) {
    m_functions.clear();
    for (const FunctionState& f : engine.functions()) {
        FunctionLanes lanes;
        lanes.node = f.node;
        m_functions.push_back(lanes);
    }
    m_openByRequest.clear();
    m_requestOfItem.clear();
    m_startsSeen.clear();
    m_consumed = 0;
    m_nodeCount = engine.nodeCount();
}

void TimelineModel::update(const Engine& engine) {
    const auto& recs = engine.trace().records();
    const bool rewound = recs.size() < m_consumed ||
                         (m_consumed > 0 && (recs[m_consumed - 1].time != m_lastTime || recs[m_consumed - 1].item != m_lastItem));
    if (rewound || m_functions.size() != engine.functions().size() || m_nodeCount != engine.nodeCount()) reset(engine);
    for (; m_consumed < recs.size(); ++m_consumed) consume(engine, recs[m_consumed]);
    if (m_consumed > 0) {
        m_lastTime = recs[m_consumed - 1].time;
        m_lastItem = recs[m_consumed - 1].item;
    }
}

void TimelineModel::consume(const Engine& engine, const TraceRecord& r) {
    if (r.item == kNone || r.node >= engine.nodeCount()) return;
    // Bars open at InvokeStart and close at InvokeEnd only: every attempt ends with one, also when its item
    // finished earlier (an SQS message or stream record expiring while carried, a sync item answered with a 504).
    const std::uint32_t f = engine.functionOfNode(r.node);
    if (f == kNone || f >= m_functions.size()) return;
    FunctionLanes& fl = m_functions[f];
    if (r.kind == TraceKind::InvokeStart) {
        if (m_startsSeen.size() <= r.item) m_startsSeen.resize(r.item + 1, 0);
        // The k-th InvokeStart of an item is its k-th attempt record, which carries the request id.
        const ItemStore& items = engine.items();
        std::uint32_t a = items[r.item].firstAttempt;
        for (std::uint16_t k = 0; k < m_startsSeen[r.item] && a != kNone; ++k) a = items.attempts()[a].next;
        ++m_startsSeen[r.item];
        const std::uint32_t request = a != kNone ? items.attempts()[a].requestId : 0x80000000u + r.item;
        m_requestOfItem[r.item] = request;
        if (auto it = m_openByRequest.find(request); it != m_openByRequest.end()) {
            ++fl.lanes[it->second.lane][it->second.segment].items;  // another item of the same batch
            return;
        }
        std::uint32_t lane;
        if (r.detail == 0 && !fl.freeLanes.empty()) {
            lane = fl.freeLanes.back();
            fl.freeLanes.pop_back();
        } else {
            lane = static_cast<std::uint32_t>(fl.lanes.size());
            fl.lanes.emplace_back();
        }
        InvocationSegment seg;
        seg.start = r.time;
        seg.coldEnd = r.detail ? r.time + engine.functionConfig(f).coldStart : r.time;
        seg.item = r.item;
        seg.attempt = r.attempt;
        fl.lanes[lane].push_back(seg);
        m_openByRequest[request] = {f, lane, static_cast<std::uint32_t>(fl.lanes[lane].size() - 1)};
    } else if (r.kind == TraceKind::InvokeEnd) {
        auto req = m_requestOfItem.find(r.item);
        if (req == m_requestOfItem.end()) return;
        auto it = m_openByRequest.find(req->second);
        m_requestOfItem.erase(req);
        if (it == m_openByRequest.end()) return;
        InvocationSegment& seg = fl.lanes[it->second.lane][it->second.segment];
        seg.end = r.time;
        seg.result = static_cast<InvokeResult>(r.outcome);
        fl.freeLanes.push_back(it->second.lane);
        m_openByRequest.erase(it);
    }
}

}  // namespace pg::ui

namespace pg::ui {
std::vector<std::uint32_t> itemRecords(const sim::Engine& engine, std::uint32_t item) {
    std::vector<std::uint32_t> out;
    const auto& recs = engine.trace().records();
    for (std::uint32_t i = 0; i < recs.size(); ++i)
        if (recs[i].item == item) out.push_back(i);
    return out;
}
}  // namespace pg::ui
