// What the App keeps while comparing A and B (issue 17): the side not being edited (its scenario, engine, undo
// history and canvas view), what differs between the two, and the diff table's figures (src/compare, the same
// numbers as `lambda-playground compare`). The edited side is the App's own scenario and engine, so every panel
// edits it as usual; switching sides swaps them.
#pragma once
#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

#include "compare/run_compare.hpp"
#include "engine/engine.hpp"
#include "scenario/scenario_compare.hpp"
#include "ui_state.hpp"
#include "warnings.hpp"

namespace pg::ui {

struct CompareState {
    bool editingB = true;  ///< the App's scenario is B (else A); `other` is the other side
    sim::Scenario other;
    std::unique_ptr<sim::Engine> otherEngine;
    std::vector<sim::Scenario> otherUndo, otherRedo;
    UiState otherView;  ///< the other canvas's view (pan, zoom, fit, node rectangles)
    std::vector<Warning> otherWarnings;
    scenario::ScenarioDelta delta;
    compare::RunDiff diff;
    std::uint64_t diffStepA = UINT64_MAX, diffStepB = UINT64_MAX, diffBuild = UINT64_MAX;
    sim::SimTime diffTime = -1;
    double diffAge = 0;
    /// A press on the other side's canvas: edit that side from the next frame (with this node selected).
    std::optional<Selection> switchTo;
};

}  // namespace pg::ui
