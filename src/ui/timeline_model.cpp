#include "timeline_model.hpp"

#include <algorithm>

namespace pg::ui {

using namespace sim;

void TimelineModel::reset(const Engine& engine) {
    m_functions.clear();
    for (const FunctionState& f : engine.functions()) {
        FunctionLanes lanes;
        lanes.node = f.node;
        lanes.provisioned = f.provisioned;
        m_functions.push_back(lanes);
    }
    m_streams.clear();
    m_streamOfNode.assign(engine.nodeCount(), kNone);
    for (std::uint32_t n = 0; n < engine.nodeCount(); ++n) {
        const NodeType t = engine.scenario().nodes[n].type;
        if (t != NodeType::Kinesis && t != NodeType::DynamoDbStream) continue;
        m_streamOfNode[n] = static_cast<std::uint32_t>(m_streams.size());
        m_streams.push_back({n, {}});
    }
    m_openShardByRequest.clear();
    m_openByRequest.clear();
    m_requestOfItem.clear();
    m_startsSeen.clear();
    m_consumed = 0;
    m_nodeCount = engine.nodeCount();
}

void TimelineModel::update(const Engine& engine, std::uint64_t build) {
    const auto& recs = engine.trace().records();
    const bool rewound = recs.size() < m_consumed ||
                         (m_consumed > 0 && (recs[m_consumed - 1].time != m_lastTime || recs[m_consumed - 1].item != m_lastItem));
    if (rewound || build != m_build || m_functions.size() != engine.functions().size() || m_nodeCount != engine.nodeCount()) {
        reset(engine);
        m_build = build;
    }
    for (; m_consumed < recs.size(); ++m_consumed) consume(engine, recs[m_consumed]);
    if (m_consumed > 0) {
        m_lastTime = recs[m_consumed - 1].time;
        m_lastItem = recs[m_consumed - 1].item;
    }
}

void TimelineModel::openShardBar(const Engine& engine, const InvocationSegment& seg, std::uint32_t request) {
    if (m_streams.empty()) return;  // no stream node: no item lookup
    const std::uint32_t origin = engine.items()[seg.item].origin;
    if (origin >= m_streamOfNode.size() || m_streamOfNode[origin] == kNone) return;
    std::uint32_t shard = 0;
    std::uint64_t sequence = 0;
    if (!engine.streamRecordPosition(seg.item, shard, sequence)) return;
    const std::uint32_t si = m_streamOfNode[origin];
    auto& rows = m_streams[si].shards;
    if (rows.size() <= shard) rows.resize(shard + 1);
    auto& shardRows = rows[shard];
    std::uint32_t row = 0;  // the first row whose last batch has ended
    while (row < shardRows.size() && !shardRows[row].empty() && shardRows[row].back().end < 0) ++row;
    if (row == shardRows.size()) shardRows.emplace_back();
    shardRows[row].push_back(seg);
    m_openShardByRequest.put(request, {si, shard, row, static_cast<std::uint32_t>(shardRows[row].size() - 1)});
}

void TimelineModel::consume(const Engine& engine, const TraceRecord& r) {
    // Only the invocation records make bars: about half of them (tested first, before any lookup).
    if (r.kind != TraceKind::InvokeStart && r.kind != TraceKind::InvokeEnd) return;
    if (r.item == kNone || r.node >= engine.nodeCount()) return;
    // Bars open at InvokeStart and close at InvokeEnd only: every attempt ends with one, also when its item
    // finished earlier (an SQS message or stream record expiring while carried, a sync item answered with a 504).
    const std::uint32_t f = engine.functionOfNode(r.node);
    if (f == kNone || f >= m_functions.size()) return;
    FunctionLanes& fl = m_functions[f];
    if (r.kind == TraceKind::InvokeStart) {
        // Sized to every item the engine holds at once: growing by one item a record cost an append call each.
        const std::size_t itemCount = std::max<std::size_t>(r.item + 1, engine.items().size());
        if (m_startsSeen.size() <= r.item) m_startsSeen.resize(itemCount, 0);
        // The k-th InvokeStart of an item is its k-th attempt record, which carries the request id.
        const ItemStore& items = engine.items();
        // The first is at hand (most items run once); a later one is found by walking the item's list.
        const std::uint32_t seen = m_startsSeen[r.item];
        const std::uint32_t a = seen == 0 ? items[r.item].firstAttempt : items.attemptAt(r.item, seen);
        ++m_startsSeen[r.item];
        const std::uint32_t request = a != kNone ? items.attempts()[a].requestId : 0x80000000u + r.item;
        if (m_requestOfItem.size() <= r.item) m_requestOfItem.resize(itemCount, kNone);
        m_requestOfItem[r.item] = request;
        if (const Open* open = m_openByRequest.find(request)) {
            ++fl.lanes[open->lane][open->segment].items;  // another item of the same batch
            if (const OpenShard* sh = m_openShardByRequest.find(request))
                ++m_streams[sh->stream].shards[sh->shard][sh->row][sh->segment].items;
            return;
        }
        const std::uint32_t lane = r.environment;  // one lane per execution environment, as the record names it
        if (lane == kNone) return;
        if (fl.lanes.size() <= lane) fl.lanes.resize(lane + 1);
        InvocationSegment seg;
        seg.start = r.time;
        seg.coldEnd = invokeStartCold(r) ? r.time + engine.functionConfig(f).coldStart : r.time;
        seg.item = r.item;
        seg.attempt = r.attempt;
        fl.lanes[lane].push_back(seg);
        m_openByRequest.put(request, {f, lane, static_cast<std::uint32_t>(fl.lanes[lane].size() - 1)});
        openShardBar(engine, seg, request);
    } else if (r.kind == TraceKind::InvokeEnd) {
        if (r.item >= m_requestOfItem.size() || m_requestOfItem[r.item] == kNone) return;
        const std::uint32_t request = m_requestOfItem[r.item];
        const Open* open = m_openByRequest.find(request);
        m_requestOfItem[r.item] = kNone;
        if (!open) return;
        InvocationSegment& seg = fl.lanes[open->lane][open->segment];
        seg.end = r.time;
        seg.result = static_cast<InvokeResult>(r.outcome);
        if (const OpenShard* sh = m_openShardByRequest.find(request)) {
            InvocationSegment& bar = m_streams[sh->stream].shards[sh->shard][sh->row][sh->segment];
            bar.end = seg.end;
            bar.result = seg.result;
            m_openShardByRequest.erase(request);
        }
        m_openByRequest.erase(request);
    }
}

}  // namespace pg::ui

namespace pg::ui {
const std::vector<std::uint32_t>& ItemRecords::update(const sim::Engine& engine, std::uint64_t build, std::uint32_t item) {
    const auto& recs = engine.trace().records();
    const bool rewound = recs.size() < m_scanned ||
                         (m_scanned > 0 && (recs[m_scanned - 1].time != m_lastTime || recs[m_scanned - 1].item != m_lastItem));
    if (item != m_item || build != m_build || rewound) {
        m_records.clear();
        m_scanned = 0;
        m_item = item;
        m_build = build;
    }
    if (item == sim::kNone) return m_records;
    for (; m_scanned < recs.size(); ++m_scanned)
        if (recs[m_scanned].item == item) m_records.push_back(static_cast<std::uint32_t>(m_scanned));
    if (m_scanned > 0) {
        m_lastTime = recs[m_scanned - 1].time;
        m_lastItem = recs[m_scanned - 1].item;
    }
    return m_records;
}
}  // namespace pg::ui
