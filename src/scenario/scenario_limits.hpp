// Size limits of a scenario (issue 8): chosen so a browser tab stays responsive and within memory. Exceeding
// one is a validation error naming the limit and the JSON path, never an out-of-memory abort.
#pragma once
#include <cstddef>
#include <cstdint>

#include "engine/sim_time.hpp"

namespace pg::scenario {

constexpr std::size_t kMaxScenarioBytes = 1024 * 1024;   // JSON text, and a share link's inflated size
constexpr std::size_t kMaxNodes = 200;
constexpr std::size_t kMaxEdges = 400;
constexpr std::size_t kMaxBehaviorRules = 64;            // per function
constexpr std::int64_t kMaxItemsPerTraffic = 1000000;
constexpr std::int64_t kMaxTotalItems = 2000000;
constexpr double kMaxRatePerSecond = 100000.0;
constexpr std::int64_t kMaxAccountConcurrency = 100000;
constexpr int kMaxShards = 100;
constexpr sim::SimTime kMaxRunFor = 366 * sim::kDay;      // long enough to watch a Kinesis record expire
constexpr std::size_t kMaxIdLength = 64;
constexpr std::size_t kMaxNameLength = 200;              // name, label
constexpr std::size_t kMaxDescriptionLength = 500;
constexpr std::size_t kMaxTemplateLength = 4096;         // body, group, partition_key, body_contains, item
constexpr double kMaxCanvasCoordinate = 1.0e6;

}  // namespace pg::scenario
