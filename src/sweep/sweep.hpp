// Parameter sweeps (issue 18, docs/sweeps.md): a grid of one or two settings' values, each cell the same
// scenario with those values set, run to its end with the engine, summarised as one row of outcomes. Pure: no
// JSON, no files, no threads but runSweep's own. The command line (`sweep`), the page's sweep window and the
// worker wasm (sweep_engine.wasm) share this code, so their rows are identical.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "engine/scenario_config.hpp"
#include "scenario/scenario_json.hpp"
#include "scenario/settings.hpp"
#include "scenario/sweep_spec.hpp"

namespace pg::sweep {

/// Settings a sweep can vary: numbers, durations, true/false and choices (the inspector offers "Sweep" on them).
bool sweepable(scenario::SettingKind kind);

/// A command-line `--set TARGET=v1,v2,...` (or TARGET=from:to:step) as an axis; nullopt and `error` when it
/// cannot be split.
std::optional<scenario::SweepAxis> parseSetArgument(const std::string& text, std::string* error);

/// An axis resolved against a scenario: which setting of which node or edge, and its values expanded (ranges
/// "from:to:step" become their values) in canonical text ("30s", "5").
struct ResolvedAxis {
    std::string target;
    const scenario::Setting* setting = nullptr;
    int node = -1;  ///< node setting: its index
    int edge = -1;  ///< edge setting: its index
    std::vector<std::string> values;
};

/// One run of the grid: the values' indexes (one per axis), the seed and the scenario to run.
struct SweepCell {
    std::vector<std::size_t> valueIndex;
    std::uint64_t seed = 0;
    sim::Scenario scenario;
};

struct SweepPlan {
    std::vector<ResolvedAxis> axes;
    std::vector<SweepCell> cells;  ///< axis 0 outermost, then axis 1, then the seeds
    std::vector<scenario::ScenarioError> errors;  ///< paths under /sweep; the plan is empty when there are any
    bool ok() const { return errors.empty(); }
};

/// Resolves the targets, expands ranges, checks every value as the reader would (its range, its kind) and the
/// run cap (kMaxSweepRuns), and builds the cells. Never throws.
SweepPlan planSweep(const sim::Scenario& base, const scenario::SweepSpec& spec);

/// Sets `valueText` on `target` (a copy of the base with the axis' node/edge); false and `error` if unreadable.
bool applyValue(sim::Scenario& scenario, const ResolvedAxis& axis, const std::string& valueText, std::string* error);

/// What one run came to: the columns of the CSV/JSON output and of the page's table.
struct SweepRow {
    std::size_t run = 0;
    std::vector<std::string> values;  ///< one per axis
    std::uint64_t seed = 0;
    std::int64_t deadLettered = 0, expired = 0, dropped = 0, succeeded = 0;
    std::int64_t invocations = 0, errors = 0, throttles = 0, peakConcurrency = 0;  ///< functions summed (peak: max)
    std::optional<double> p50Seconds, p99Seconds;  ///< end-to-end latency of the items that succeeded
    double costUsd = 0;
    bool stoppedAtLimit = false;  ///< the run hit the events-per-run limit (run_budget.hpp)
};

/// Runs one scenario to its run_for (or the events-per-run limit) and reads its row. Deterministic.
SweepRow runCell(const sim::Scenario& scenario);

/// Runs every cell on `jobs` threads (0: all cores; 1 under Emscripten, which has no threads here). Rows in
/// cell order, equal whatever `jobs` is.
std::vector<SweepRow> runSweep(const SweepPlan& plan, unsigned jobs);

/// Outcome columns a sweep plots, in table order: "dead_lettered", "expired", ..., "cost_usd".
const std::vector<std::string>& outcomeNames();
/// A row's value for an outcome name; nullopt for a latency with no sample or an unknown name.
std::optional<double> outcomeValue(const SweepRow& row, const std::string& name);

/// CSV with a header: run, one column per axis (named by its target), seed, the outcomes, stopped_at_limit.
std::string rowsCsv(const SweepPlan& plan, const std::vector<SweepRow>& rows);
/// One row as a JSON object (the worker's answer; the CLI's --format json is an array of them).
std::string rowJson(const SweepRow& row, const std::vector<std::string>& targets);
std::string rowsJson(const SweepPlan& plan, const std::vector<SweepRow>& rows);

}  // namespace pg::sweep
