// StreamMapping, continued: read-only views for the UI (shards and lanes, a record's shard and sequence) and the
// invariants the property tests check after every step.
#include <string>

#include "../engine.hpp"
#include "stream_lanes.hpp"

namespace pg::sim {

// [SECTION] views

std::uint32_t StreamMapping::mappingCount(std::uint32_t node) const {
    const Impl& d = *m_impl;
    if (node >= d.streamOfNode.size() || d.streamOfNode[node] == kNone) return 0;
    return d.streams[d.streamOfNode[node]].mappings;
}

std::optional<StreamView> StreamMapping::streamView(std::uint32_t node, std::uint32_t mapping) const {
    const Impl& d = *m_impl;
    if (mapping >= mappingCount(node)) return std::nullopt;
    const MappedStream& s = d.streams[d.streamOfNode[node] + mapping];
    StreamView v;
    v.node = node;
    v.function = s.function;
    v.mapping = mapping;
    v.mappings = s.mappings;
    v.dynamoDb = s.dynamoDb;
    v.shards = s.shards;
    v.parallelizationFactor = s.parallelizationFactor;
    v.unread = s.unread;
    v.inBatches = s.inBatches;
    v.lastIteratorAge = s.lastIteratorAge;
    if (s.function == kNone) return v;
    for (std::uint32_t laneIndex = s.firstLane; laneIndex < s.firstLane + s.shards * s.parallelizationFactor;
         ++laneIndex) {
        const StreamLane& lane = d.lanes[laneIndex];
        StreamLaneView laneView;
        laneView.shard = lane.shard;
        laneView.lane = lane.sub;
        for (std::uint32_t k = lane.checkpoint; k < lane.records.size(); ++k)
            if (m_context.items()[d.records[lane.records[k]].item].state != ItemState::Done) {
                if (laneView.pending == 0)
                    laneView.oldestPendingAge = m_context.now() - d.records[lane.records[k]].arrival;
                ++laneView.pending;
            }
        laneView.batchSize = lane.batchEnd == kNone ? 0 : lane.batchEnd - lane.checkpoint;
        laneView.invokes = lane.invokes;
        laneView.retries = lane.retries;
        laneView.blocked = lane.state == StreamLaneState::RetryWait ||
                           (lane.state == StreamLaneState::FinalWait && lane.finalTries + lane.throttles > 0);
        laneView.nextRetryAt = lane.nextRetryAt;
        laneView.checkpointSequence =
            lane.checkpoint < lane.records.size() ? d.records[lane.records[lane.checkpoint]].sequence : 0;
        if (s.tumbling > 0 && lane.window >= 0) {
            laneView.windowStart = lane.window * s.tumbling;
            laneView.windowEnd = laneView.windowStart + s.tumbling;
        }
        laneView.windowRecords = lane.windowRecords;
        laneView.windowStateBytes = lane.stateBytes;
        laneView.windowsClosed = lane.windowsClosed;
        laneView.finalInvoke = lane.state == StreamLaneState::FinalInvoking ||
                               (lane.state == StreamLaneState::FinalWait && lane.finalTries + lane.throttles > 0);
        laneView.terminatedEarly = lane.terminateEarly;
        v.lanes.push_back(laneView);
    }
    return v;
}

bool StreamMapping::recordPosition(std::uint32_t item, std::uint32_t& shard, std::uint64_t& sequence) const {
    const Impl& d = *m_impl;
    if (item >= d.recordOfItem.size() || d.recordOfItem.dropped(item)) return false;
    const std::uint32_t index = d.recordOfItem[item];
    if (index == kNone || d.records.dropped(index) || d.records[index].item != item) return false;  // let go
    shard = d.records[index].shard;
    sequence = d.records[index].sequence;
    return true;
}

// [SECTION] invariants

void StreamMapping::checkInvariants(std::vector<std::string>& problems) const {
    const Impl& d = *m_impl;
    const auto& items = m_context.items().all();
    for (std::uint32_t laneIndex = 0; laneIndex < d.lanes.size(); ++laneIndex) {
        const StreamLane& lane = d.lanes[laneIndex];
        for (std::uint32_t k = lane.released; k < lane.records.size(); ++k) {  // (before `released`: let go)
            const ItemState state = items[d.records[lane.records[k]].item].state;
            const bool inBatch = lane.batchEnd != kNone && k >= lane.checkpoint && k < lane.batchEnd;
            const bool ok = k < lane.checkpoint ? state == ItemState::Done
                            : inBatch           ? (state == ItemState::InFlight || state == ItemState::Done)
                                                : (state == ItemState::Visible || state == ItemState::Done);
            if (!ok) {
                problems.push_back("stream record " + m_context.itemId(d.records[lane.records[k]].item) +
                                   ": state " + itemStateName(state) + " at lane position " + std::to_string(k));
                return;
            }
        }
        if ((lane.state == StreamLaneState::Invoking || lane.state == StreamLaneState::RetryWait) &&
            lane.batchEnd == kNone)
            problems.push_back("stream lane " + std::to_string(laneIndex) + ": busy without a batch");
    }
    // Per mapping its own copies; the node's counters hold every mapping's.
    std::uint32_t nodeUnread = 0, nodeInBatches = 0;
    for (const MappedStream& s : d.streams) {
        std::uint32_t unread = 0, inBatches = 0;
        for (std::size_t position = s.expiryCursor; position < s.order.size(); ++position) {  // before: finished
            const std::uint32_t r = s.order[position];
            const ItemState state = items[d.records[r].item].state;
            if (state == ItemState::Visible) ++unread;
            if (state == ItemState::InFlight) ++inBatches;
            if (state != ItemState::Done && items[d.records[r].item].function != s.function)
                problems.push_back("stream record " + m_context.itemId(d.records[r].item) + ": not its mapping's");
        }
        if (unread != s.unread || inBatches != s.inBatches)
            problems.push_back("stream " + m_context.node(s.node).id + ": a mapping's counts are off");
        if (s.mapping == 0) nodeUnread = nodeInBatches = 0;
        nodeUnread += unread;
        nodeInBatches += inBatches;
        if (s.mapping + 1 < s.mappings) continue;
        const NodeCounters& c = m_context.counters(s.node);
        if (c.visible != nodeUnread) problems.push_back("stream " + m_context.node(s.node).id + ": unread count off");
        if (c.inFlight != nodeInBatches)
            problems.push_back("stream " + m_context.node(s.node).id + ": in-batch count off");
    }
}

}  // namespace pg::sim
