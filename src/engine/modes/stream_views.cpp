// StreamMapping, continued: read-only views for the UI (shards and lanes, a record's shard and sequence) and the
// invariants the property tests check after every step.
#include <string>

#include "../engine.hpp"
#include "stream_lanes.hpp"

namespace pg::sim {

// [SECTION] views

std::optional<StreamView> StreamMapping::streamView(std::uint32_t node) const {
    const Impl& d = *m_impl;
    if (node >= d.streamOfNode.size() || d.streamOfNode[node] == kNone) return std::nullopt;
    const Stream& s = d.streams[d.streamOfNode[node]];
    StreamView v;
    v.node = node;
    v.dynamoDb = s.dynamoDb;
    v.shards = s.shards;
    v.parallelizationFactor = s.pf;
    v.unread = s.unread;
    v.inBatches = s.inBatches;
    v.lastIteratorAge = s.lastIteratorAge;
    if (s.function == kNone) return v;
    for (std::uint32_t li = s.firstLane; li < s.firstLane + s.shards * s.pf; ++li) {
        const Lane& lane = d.lanes[li];
        StreamLaneView l;
        l.shard = lane.shard;
        l.lane = lane.sub;
        for (std::uint32_t k = lane.checkpoint; k < lane.records.size(); ++k)
            if (m_engine.items()[d.records[lane.records[k]].item].state != ItemState::Done) {
                if (l.pending == 0) l.oldestPendingAge = m_engine.now() - d.records[lane.records[k]].arrival;
                ++l.pending;
            }
        l.batchSize = lane.batchEnd == kNone ? 0 : lane.batchEnd - lane.checkpoint;
        l.invokes = lane.invokes;
        l.retries = lane.retries;
        l.blocked = lane.state == LaneState::RetryWait ||
                    (lane.state == LaneState::FinalWait && lane.finalTries + lane.throttles > 0);
        l.nextRetryAt = lane.nextRetryAt;
        l.checkpointSequence =
            lane.checkpoint < lane.records.size() ? d.records[lane.records[lane.checkpoint]].sequence : 0;
        if (s.tumbling > 0 && lane.window >= 0) {
            l.windowStart = lane.window * s.tumbling;
            l.windowEnd = l.windowStart + s.tumbling;
        }
        l.windowRecords = lane.windowRecords;
        l.windowStateBytes = lane.stateBytes;
        l.windowsClosed = lane.windowsClosed;
        l.finalInvoke = lane.state == LaneState::FinalInvoking || (lane.state == LaneState::FinalWait && lane.finalTries + lane.throttles > 0);
        l.terminatedEarly = lane.terminateEarly;
        v.lanes.push_back(l);
    }
    return v;
}

bool StreamMapping::recordPosition(std::uint32_t item, std::uint32_t& shard, std::uint64_t& sequence) const {
    const Impl& d = *m_impl;
    if (item >= d.recordOfItem.size() || d.recordOfItem[item] == kNone) return false;
    shard = d.records[d.recordOfItem[item]].shard;
    sequence = d.records[d.recordOfItem[item]].sequence;
    return true;
}

// [SECTION] invariants

void StreamMapping::checkInvariants(std::vector<std::string>& problems) const {
    const Impl& d = *m_impl;
    const auto& items = m_engine.items().all();
    for (std::uint32_t li = 0; li < d.lanes.size(); ++li) {
        const Lane& lane = d.lanes[li];
        for (std::uint32_t k = 0; k < lane.records.size(); ++k) {
            const ItemState st = items[d.records[lane.records[k]].item].state;
            const bool inBatch = lane.batchEnd != kNone && k >= lane.checkpoint && k < lane.batchEnd;
            const bool ok = k < lane.checkpoint ? st == ItemState::Done
                            : inBatch          ? (st == ItemState::InFlight || st == ItemState::Done)
                                               : (st == ItemState::Visible || st == ItemState::Done);
            if (!ok) {
                problems.push_back("stream record " + m_engine.itemId(d.records[lane.records[k]].item) + ": state " +
                                   itemStateName(st) + " at lane position " + std::to_string(k));
                return;
            }
        }
        if ((lane.state == LaneState::Invoking || lane.state == LaneState::RetryWait) && lane.batchEnd == kNone)
            problems.push_back("stream lane " + std::to_string(li) + ": busy without a batch");
    }
    for (const Stream& s : d.streams) {
        std::uint32_t unread = 0, inBatches = 0;
        for (std::uint32_t r : s.order) {
            const ItemState st = items[d.records[r].item].state;
            if (st == ItemState::Visible) ++unread;
            if (st == ItemState::InFlight) ++inBatches;
        }
        const NodeCounters& c = m_engine.counters(s.node);
        if (unread != s.unread || c.visible != unread)
            problems.push_back("stream " + m_engine.node(s.node).id + ": unread count off");
        if (inBatches != s.inBatches || c.inFlight != inBatches)
            problems.push_back("stream " + m_engine.node(s.node).id + ": in-batch count off");
    }
}

}  // namespace pg::sim
