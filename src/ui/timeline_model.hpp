// The timeline's prepared data: invocations laid out in lanes, one lane per execution environment (a cold start
// opens a new environment; a warm start reuses the most recently freed one, as the engine does). Built
// incrementally from the append-only trace; rebuilt when the trace is rewound.
#pragma once
#include <cstdint>
#include <unordered_map>
#include <vector>

#include "engine/engine.hpp"

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
    std::vector<std::vector<InvocationSegment>> lanes;  ///< per environment, sorted by start
    std::vector<std::uint32_t> freeLanes;               ///< most recently freed last
};

class TimelineModel {
public:
    void update(const sim::Engine& engine);
    const std::vector<FunctionLanes>& functions() const { return m_functions; }

private:
    void reset(const sim::Engine& engine);
    void consume(const sim::Engine& engine, const sim::TraceRecord& r);
    struct Open { std::uint32_t function, lane, segment; };
    std::vector<FunctionLanes> m_functions;
    std::unordered_map<std::uint32_t, Open> m_openByRequest;
    std::unordered_map<std::uint32_t, std::uint32_t> m_requestOfItem;
    std::vector<std::uint16_t> m_startsSeen;  ///< per item: InvokeStart records consumed
    std::size_t m_consumed = 0;
    sim::SimTime m_lastTime = -1;
    std::uint32_t m_lastItem = sim::kNone;
    std::size_t m_nodeCount = 0;
};

}  // namespace pg::ui

namespace pg::ui {
/// Indices of the trace records about `item`, in order (a linear scan; callers cache by trace size).
std::vector<std::uint32_t> itemRecords(const sim::Engine& engine, std::uint32_t item);
}  // namespace pg::ui
