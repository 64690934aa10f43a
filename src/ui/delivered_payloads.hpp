// What landed where for one item (issue 17): the deliveries the engine made about it to a function DLQ, a
// destination, a stream's on-failure target or an SQS redrive DLQ, each as the exact JSON delivered there
// (scenario/delivered_record_json.hpp, the runner's formatter). Read-only.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "engine/engine.hpp"

namespace pg::ui {

struct DeliveredPayload {
    std::uint32_t delivery = 0;  ///< index into Engine::deliveries()
    std::string node;            ///< where it landed
    std::string what;            ///< "function DLQ: the original event", ...
    std::string json;            ///< the payload, indented
};

/// The deliveries about `item` in delivery order: the ones whose item it is, and a stream on-failure record of a
/// batch it was in (its first to its last record on the same shard).
std::vector<DeliveredPayload> deliveredPayloads(const sim::Engine& engine, std::uint32_t item);

/// What a delivery kind puts at its target, in a few words.
const char* deliveryKindLabel(sim::DeliveryKind kind);

}  // namespace pg::ui
