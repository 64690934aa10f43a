// The inspector's cost section (issue 17): what the selected node has cost so far, line by line from the price
// table, a day at this rate, the run's total with the free tier switch, and plainly what is not priced.
#pragma once
#include "frame_context.hpp"

namespace pg::ui {

/// Draws the section for scenario node `node` (its index), at the end of the inspector.
void drawNodeCost(FrameContext& ctx, int node);

}  // namespace pg::ui
