// Warnings: the explained traps of the current scenario and run (see ui/warnings.hpp); click one to select
// its node and item.
#pragma once
#include "frame_context.hpp"

namespace pg::ui {

class WarningsPanel {
public:
    void draw(FrameContext& ctx);
};

}  // namespace pg::ui
