// The timeline's prepared data: invocations laid out in lanes, one lane per execution environment (the one each
// InvokeStart record names). Built incrementally from the append-only trace; rebuilt when the trace is rewound.
#pragma once
#include <cstdint>
#include <vector>

#include "engine/engine.hpp"
#include "open_requests.hpp"

namespace pg::ui {

struct InvocationSegment {
    sim::SimTime start = 0, coldEnd = 0, end = -1;  ///< end -1 while running
    std::uint32_t item = sim::kNone;                ///< first item of the invocation
    std::uint32_t items = 1;                        ///< batch size
    std::uint16_t attempt = 0;
    sim::InvokeResult result = sim::InvokeResult::None;
};

struct FunctionLanes {
    std::uint32_t node = sim::kNone;
    std::vector<std::vector<InvocationSegment>> lanes;  ///< per environment (by index), sorted by start
    std::uint32_t provisioned = 0;  ///< lanes 0 .. provisioned - 1 are provisioned environments (DG-PC)
    bool provisionedLane(std::size_t lane) const { return lane < provisioned; }
};

/// A Kinesis / DynamoDB stream's shards: per shard, the batches read from it and their invocations (rows beyond
/// the first hold batches that overlap, with a ParallelizationFactor above 1). A failing batch blocks its shard:
/// the gaps between its red bars are the retry waits.
struct StreamShards {
    std::uint32_t node = sim::kNone;
    std::vector<std::vector<std::vector<InvocationSegment>>> shards;  ///< [shard][row] sorted by start
};

class TimelineModel {
public:
    /// `build`: UiState::engineBuild (a new engine starts over).
    void update(const sim::Engine& engine, std::uint64_t build);
    const std::vector<FunctionLanes>& functions() const { return m_functions; }
    /// Per stream node (kNone-free, in node order), its shard lanes; empty shards have no rows.
    const std::vector<StreamShards>& streams() const { return m_streams; }

private:
    void reset(const sim::Engine& engine);
    void consume(const sim::Engine& engine, const sim::TraceRecord& r);
    void openShardBar(const sim::Engine& engine, const InvocationSegment& seg, std::uint32_t request);
    struct Open { std::uint32_t function, lane, segment; };
    struct OpenShard { std::uint32_t stream, shard, row, segment; };
    std::vector<FunctionLanes> m_functions;
    std::vector<StreamShards> m_streams;
    std::vector<std::uint32_t> m_streamOfNode;  ///< node -> index in m_streams, kNone if not a stream
    OpenRequests<OpenShard> m_openShardByRequest;
    OpenRequests<Open> m_openByRequest;
    /// Per item: the request of its attempt running now, kNone between attempts (a vector, not a map: one
    /// entry per item costs 400 kB at 100k items, where a node per attempt cost an allocation each, issue 21).
    std::vector<std::uint32_t> m_requestOfItem;
    std::vector<std::uint16_t> m_startsSeen;  ///< per item: InvokeStart records consumed
    std::size_t m_consumed = 0;
    sim::SimTime m_lastTime = -1;
    std::uint32_t m_lastItem = sim::kNone;
    std::size_t m_nodeCount = 0;
    std::uint64_t m_build = UINT64_MAX;
};

}  // namespace pg::ui

namespace pg::ui {

/// Indices of the trace records about one item, in order, kept up to date frame by frame: a new item (or a
/// rewound or rebuilt trace) costs one scan of the trace, a growing trace only its new records.
class ItemRecords {
public:
    /// `build`: UiState::engineBuild (a new engine starts over).
    const std::vector<std::uint32_t>& update(const sim::Engine& engine, std::uint64_t build, std::uint32_t item);

private:
    std::vector<std::uint32_t> m_records;
    std::uint64_t m_build = UINT64_MAX;
    std::uint32_t m_item = sim::kNone;
    std::size_t m_scanned = 0;
    sim::SimTime m_lastTime = -1;  ///< time and item of the last record scanned: a rewind changes them
    std::uint32_t m_lastItem = sim::kNone;
};

}  // namespace pg::ui
