// Builders for engine test scenarios (plain C++ structs, no JSON) and a stepping helper that checks the
// engine's invariants after every step.
#pragma once
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "engine/engine.hpp"

namespace pg::sim::test {

inline Node functionNode(const std::string& id, SimTime duration = 100 * kMillisecond,
                         SimTime timeout = 3 * kSecond) {
    Node n;
    n.id = id;
    n.type = NodeType::Function;
    n.function.duration = {duration, duration};
    n.function.timeout = timeout;
    n.function.coldStart = 0;
    return n;
}

inline Node sourceNode(const std::string& id, NodeType type, std::int64_t count, double ratePerSecond = 1.0,
                       SimTime start = 0) {
    Node n;
    n.id = id;
    n.type = type;
    n.traffic.count = count;
    n.traffic.ratePerSecond = ratePerSecond;
    n.traffic.start = start;
    return n;
}

inline Node plainNode(const std::string& id, NodeType type) {
    Node n;
    n.id = id;
    n.type = type;
    return n;
}

inline BehaviorRule rule(RuleOutcome then, RuleCondition when = {}) {
    BehaviorRule r;
    r.when = std::move(when);
    r.then = then;
    return r;
}

inline Scenario scenarioOf(std::vector<Node> nodes, std::vector<std::pair<std::string, std::string>> edges,
                           std::uint64_t seed = 1) {
    Scenario s;
    s.seed = seed;
    s.nodes = std::move(nodes);
    for (auto& [from, to] : edges) {
        Edge e;
        e.from = from;
        e.to = to;
        s.edges.push_back(e);
    }
    return s;
}

/// Runs to the end (or `until`), checking every invariant after every step.
inline Scenario build(std::vector<Node> nodes, std::vector<Edge> edges) {
    Scenario s;
    s.nodes = std::move(nodes);
    s.edges = std::move(edges);
    return s;
}

inline RuleCondition itemIs(const std::string& id) {
    RuleCondition c;
    c.item = id;
    return c;
}

inline void runChecked(Engine& engine, SimTime until = kNever) {
    while (!engine.idle() && engine.nextEventTime() < until) {
        engine.step();
        const auto problems = engine.checkInvariants();
        if (!problems.empty()) {
            FAIL_CHECK("invariant after step " << engine.stepCount() << ": " << problems.front());
            return;
        }
    }
}

/// InvokeStart records without their InvokeEnd, over the whole trace: 0 once no invocation runs (every attempt
/// ends, also one whose item retention deleted while it ran).
inline std::int64_t unendedInvocations(const Engine& engine) {
    std::int64_t open = 0;
    for (const TraceRecord& r : engine.trace().records()) {
        if (r.kind == TraceKind::InvokeStart) ++open;
        if (r.kind == TraceKind::InvokeEnd) --open;
    }
    return open;
}

inline std::uint32_t itemNamed(const Engine& engine, const std::string& id) {
    for (std::uint32_t i = 0; i < engine.items().size(); ++i)
        if (engine.itemId(i) == id) return i;
    return kNone;
}

inline std::vector<double> attemptSeconds(const Engine& engine, std::uint32_t item) {
    std::vector<double> out;
    for (SimTime t : engine.items().attemptTimes(item)) out.push_back(toSeconds(t));
    return out;
}

inline const NodeCounters& countersOf(const Engine& engine, const std::string& id) {
    return engine.counters(engine.nodeIndex(id));
}

}  // namespace pg::sim::test
