// Helpers for the cost suite: a scenario from JSON text, run to its end.
#pragma once
#include <doctest/doctest.h>

#include <memory>
#include <string>

#include "engine/engine.hpp"
#include "scenario/scenario_json.hpp"

namespace pg::cost::test {

/// A dollar figure to 1e-9 relative: doctest's Approx adds a scale of 1.0 by default, which would make any
/// figure under a cent pass.
inline doctest::Approx usd(double value) { return doctest::Approx(value).epsilon(1e-9).scale(0); }

inline std::unique_ptr<sim::Engine> runScenario(const std::string& json) {
    const scenario::ParseResult parsed = scenario::parseScenario(json);
    REQUIRE_MESSAGE(parsed.ok(), scenario::formatErrors(parsed.errors));
    auto engine = std::make_unique<sim::Engine>(parsed.scenario);
    engine->runUntil(parsed.scenario.runFor);
    return engine;
}

inline std::uint32_t nodeOf(const sim::Engine& e, const std::string& id) {
    const std::uint32_t n = e.nodeIndex(id);
    REQUIRE(n != sim::kNone);
    return n;
}

// One poison message on a standard queue (visibility 40 s, retention 5 min) and a function that always fails:
// it is received at 0, 40, ..., 280 s (8 receives, 8 invocations of 100 ms) and expires at 300 s. With a redrive
// policy (max_receive_count 3) it is received at 0, 40 and 80 s and moved to the DLQ at 120 s.
inline std::string poisonQueue(bool redrive) {
    return std::string(R"({"version": 1, "name": "poison", "seed": 1, "run_for": "6m",
      "nodes": [
        {"id": "orders", "type": "sqs", "visibility_timeout": "40s", "retention": "5m",)") +
           (redrive ? R"("redrive": {"dead_letter_queue": "dlq", "max_receive_count": 3},)" : "") +
           R"("traffic": {"messages": 1, "body": "poison"}},
        {"id": "process", "type": "function", "timeout": "3s", "duration": "100ms", "cold_start": "0s",
         "behavior": [{"when": {"body_contains": "poison"}, "then": "error"}]},
        {"id": "dlq", "type": "sqs"}
      ],
      "edges": [{"from": "orders", "to": "process", "batch_size": 1}]})";
}

}  // namespace pg::cost::test
