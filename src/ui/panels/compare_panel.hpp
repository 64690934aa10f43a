// Compare tab: the A/B diff table (per node counters and cost, outcome totals, p50/p99 end-to-end latency,
// items lost, total cost and per day; A, B and B - A) under the one-line summary, and what B changes.
#pragma once
#include <string>

#include "compare/run_compare.hpp"
#include "scenario/scenario_compare.hpp"

namespace pg::ui {

class ComparePanel {
public:
    void draw(const compare::RunDiff& diff, const scenario::ScenarioDelta& delta, const std::string& nameA,
              const std::string& nameB);

private:
    bool m_onlyDifferences = false;
};

}  // namespace pg::ui
