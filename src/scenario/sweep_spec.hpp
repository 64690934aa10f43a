// A parameter sweep as the scenario file and the share link carry it (top-level "sweep" key,
// docs/scenario-format.md): which settings to vary, over which values, with how many seeds. Plain data, no
// JSON: src/sweep expands and runs it, the reader and writer here read and write it.
#pragma once
#include <string>
#include <vector>

#include "scenario_json.hpp"

namespace pg::scenario {

/// One varied setting. target: "NODE.KEY" (node setting, e.g. "orders.visibility_timeout"), "FROM->TO.KEY"
/// (edge setting, e.g. "orders->process.batch_size") or "KEY" (scenario setting, e.g. "seed" is not one:
/// "account_concurrency_limit"). values: the setting's values as the file spells them ("30s", "5", "LATEST").
struct SweepAxis {
    std::string target;
    std::vector<std::string> values;
    bool operator==(const SweepAxis& o) const { return target == o.target && values == o.values; }
};

struct SweepSpec {
    std::vector<SweepAxis> axes;  ///< one or two
    int seeds = 1;  ///< runs per cell: the scenario's seed, seed + 1, ...
    std::string outcome;  ///< the outcome the page plots ("" = its default); a column name of SweepRow
    bool operator==(const SweepSpec& o) const { return axes == o.axes && seeds == o.seeds && outcome == o.outcome; }
};

constexpr std::size_t kMaxSweepAxes = 2;
constexpr int kMaxSweepSeeds = 20;
constexpr std::size_t kMaxSweepRuns = 400;  ///< cells x seeds: a stated cap, so a typo cannot start 10^6 runs

/// The "sweep" key of a scenario file, if any: read with JSON-path errors ("/sweep/axes/0/values"). Only the
/// shape is checked here; src/sweep checks the targets and values against the scenario. hasSweep false: no key.
struct SweepParse {
    bool hasSweep = false;
    SweepSpec spec;
    std::vector<ScenarioError> errors;
};
SweepParse parseSweepSection(const std::string& jsonText);

/// writeScenario with a "sweep" key at the end (the same text as writeScenario when spec has no axes).
std::string writeScenarioWithSweep(const sim::Scenario& scenario, const SweepSpec& spec, int indent = 2);

}  // namespace pg::scenario
