// The event source mappings of one poll-based source (a stream or a queue): its edges to functions, in edge
// order, one per function. Setup-time helper of stream_mapping.cpp and sqs_mapping.cpp; no run state.
#pragma once
#include <cstdint>
#include <vector>

#include "../engine.hpp"

namespace pg::sim {

struct MappingEdge {
    const Edge* edge = nullptr;
    std::uint32_t function = kNone;  ///< function index
};

/// Mapping 0 is the first function edge (Engine::targetFunction). A second edge to the same function is not a
/// second mapping (AWS refuses a duplicate mapping of one source to one function): it is skipped.
/// `reads`: the Engine or a ModeContext (node, nodeIndex, scenario, functions).
template <typename Reads>
std::vector<MappingEdge> mappingEdgesOf(const Reads& reads, std::uint32_t source) {
    std::vector<MappingEdge> mappings;
    const std::string& id = reads.node(source).id;
    for (const Edge& edge : reads.scenario().edges) {
        if (edge.from != id) continue;
        const std::uint32_t to = reads.nodeIndex(edge.to);
        std::uint32_t function = kNone;
        for (std::uint32_t f = 0; f < reads.functions().size() && to != kNone; ++f)
            if (reads.functions()[f].node == to) function = f;
        if (function == kNone) continue;
        bool seen = false;
        for (const MappingEdge& m : mappings) seen |= m.function == function;
        if (!seen) mappings.push_back({&edge, function});
    }
    return mappings;
}

}  // namespace pg::sim
