// The cost view: what a run has cost so far, per node and in total, from the engine's counters and the price
// table (price_table.hpp). Read-only: it never changes the run. Model choices: billed_duration (engine).
#pragma once
#include <array>
#include <cstdint>
#include <vector>

#include "cost/price_table.hpp"
#include "engine/engine.hpp"

namespace pg::cost {

struct CostOptions {
    bool freeTier = false;  ///< subtract the monthly free tier (off by default: the run is priced in full)
};

/// Units of one price on one node, and what they cost (before any free tier).
struct CostLine {
    PriceKey key = PriceKey::LambdaRequest;
    double units = 0;
    double usd = 0;
};

struct NodeCost {
    std::uint32_t node = 0;
    bool priced = false;  ///< false: a node type the cost view does not price (notPriced())
    std::vector<CostLine> lines;  ///< the node's priced units, in PriceKey order
    double usd = 0;  ///< sum of the lines (free tier not subtracted: it is the account's)
};

struct CostReport {
    std::vector<NodeCost> nodes;  ///< one per scenario node, in scenario order
    std::array<double, kPriceKeyCount> units{};  ///< the run's units per price, every node summed
    double grossUsd = 0;  ///< every node summed
    double freeTierUsd = 0;  ///< subtracted by the free tier (0 when it is off)
    double totalUsd = 0;  ///< gross - free tier
    double elapsedSeconds = 0;  ///< virtual time the run has covered (Engine::now)
    /// The total at this rate for one day: the run's units scaled to 86,400 s; with the free tier, a 30-day
    /// month's allowance taken from 30 such days, per day. 0 before any time has passed.
    double perDayUsd = 0;
    bool freeTier = false;
};

/// The cost of `engine`'s run so far.
CostReport computeCost(const sim::Engine& engine, const CostOptions& options = {});

/// What one receive of a message from sqs node `queueNode` costs when function node `functionNode` runs it
/// (the SQS-loop warning): one SQS request, one Lambda request, and the function's mean billed GB-seconds per
/// invocation that has ended so far (none ended yet: 0).
double receiveCostUsd(const sim::Engine& engine, std::uint32_t queueNode, std::uint32_t functionNode);

/// Shard-hours of `shards` provisioned shards over `elapsedSeconds`: the only price that grows with the clock
/// alone (CostSeries relies on this: between events, every other unit stays as it was).
double shardHours(std::int64_t shards, double elapsedSeconds);

/// GB-seconds of `billedMs` milliseconds at `memoryMb` (Lambda pricing page: memory in GB x seconds, GB = 1,024 MB).
double gbSeconds(std::int64_t memoryMb, std::int64_t billedMs);

}  // namespace pg::cost
