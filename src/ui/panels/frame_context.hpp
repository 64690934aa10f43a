// What a panel receives each frame: read-only model views, the UI state it may change, and the command queue
// for everything that changes the model. Panels hold only their own view state.
#pragma once
#include <vector>

#include "engine/engine.hpp"
#include "scenario/scenario_compare.hpp"
#include "ui/commands.hpp"
#include "ui/live_checks.hpp"
#include "ui/ui_state.hpp"
#include "ui/warnings.hpp"

namespace pg::ui {

struct FrameContext {
    const sim::Engine& engine;
    const sim::Scenario& scenario;  ///< the edited scenario (positions live here); the engine runs a copy
    UiState& ui;
    CommandQueue& commands;
    const std::vector<Warning>& warnings;
    /// While comparing A and B: what differs between them (the canvas outlines it); null otherwise.
    const scenario::ScenarioDelta* delta = nullptr;
    const LiveChecks* live = nullptr;  ///< cost series and invariants (App sets it)
};

}  // namespace pg::ui
