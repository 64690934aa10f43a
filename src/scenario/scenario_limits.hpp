// Size limits of a scenario (issue 8): chosen so a browser tab stays responsive and within memory. Exceeding
// one is a validation error naming the limit and the JSON path, never an out-of-memory abort.
//
// Why these values (a wasm tab has at most 2 GB of heap, and a frame about 16 ms):
// - bytes (1 MiB, also a share link's inflated size): presets are 1-3 KB and the largest scenario the other
//   limits allow (200 nodes with long labels and templates) stays below it. The JSON DOM costs ~10-20x the
//   text, so parsing the largest input takes ~20 MB and tens of milliseconds, once, when a file or link opens.
// - nodes 200, edges 400: far beyond a readable canvas; validation and the engine's per-node arrays are
//   linear in them, so they cost nothing at run time.
// - items 1 000 000 per traffic block, 2 000 000 in total: one item costs ~240 B live (item, attempt list,
//   queue entry and its trace records; 23.5 MB peak for 100 000 SQS messages, bench/results.txt), so the
//   total stays near 500 MB, a quarter of the wasm heap; a burst creates its items in one step, which at
//   this size is a single pause of well under a second.
// - run length 366 d: a Kinesis stream keeps a record up to 365 d (the longest lifetime the model has), so a
//   longer run adds nothing. Time itself costs nothing; events do, and a run stops at 10 000 000 events
//   (sim::kMaxRunSteps, engine/run_budget.hpp: ~640 MB of stored trace at most, 3-20 s of work spread over
//   frames), for the rare run that retries the same items for days.
// - rate 100 000/s, shards 100, account concurrency 100 000: AWS's own defaults are far lower; they bound
//   per-second metrics and per-shard arrays, not memory.
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
