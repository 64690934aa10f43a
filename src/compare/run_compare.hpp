// A/B comparison of two runs: per node counters, outcome totals, cost, end-to-end latency and items lost, each
// with A, B and the difference, plus a one-line summary. ImGui-free and JSON-free, so the command line's
// `compare` and the page's diff table show the same numbers.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "cost/cost_model.hpp"
#include "engine/engine.hpp"

namespace pg::compare {

/// What a comparison reads from one run (taken from the engine, so the engine can go).
struct RunStats {
    std::vector<std::string> nodeIds;
    std::vector<sim::NodeType> nodeTypes;
    std::vector<sim::NodeCounters> counters;
    sim::ItemTotals totals;
    cost::CostReport cost;
    /// End-to-end latency of the items that succeeded: from arrival at their source (a sent message: when it
    /// was sent) to the end of the invocation that succeeded, nearest-rank percentiles in seconds. Empty when
    /// no item succeeded or the run kept no trace (EngineOptions::storeTrace).
    std::optional<double> p50Seconds, p99Seconds;
    std::int64_t lost = 0;  ///< items that ended expired or dropped
};

RunStats collectRunStats(const sim::Engine& engine, const cost::CostOptions& options = {});

/// Nearest-rank percentile (p in (0, 100]) of `values`, which it sorts; nullopt when empty.
std::optional<double> percentile(std::vector<double>& values, double p);

struct DiffRow {
    std::string group;  ///< "node", "cost", "outcomes", "latency", "lost", "total"
    std::string node;  ///< node id for "node" and "cost" rows, else ""
    std::string field;  ///< "invocations", "usd", "expired", "p99_s", ...
    std::optional<double> a, b;  ///< empty: the node is not in that run (or the latency has no sample)
    bool differs() const { return a != b; }
    /// B - A when both exist.
    std::optional<double> difference() const {
        if (!a || !b) return std::nullopt;
        return *b - *a;
    }
};

struct RunDiff {
    std::vector<DiffRow> rows;
    std::string summary;  ///< "B: 0 expired instead of 1, $0.31 less per day"
};

/// Rows in a fixed order: each node (A's order, then nodes only in B) with its counters that are non-zero in
/// either run, then its cost; outcome totals; latency p50/p99; items lost; total cost and per day.
RunDiff diffRuns(const RunStats& a, const RunStats& b);

/// The summary line alone.
std::string summaryLine(const RunStats& a, const RunStats& b);

/// "$0.31", "$12.00", "$0.0000042": two decimals from a cent up, else two significant digits.
std::string formatUsd(double usd);

}  // namespace pg::compare
