// Palette: every event source grouped by invocation mode, plus Function, DLQ and destination nodes.
// Click to add at the canvas centre, or drag onto the canvas (payload kPaletteDragType).
#pragma once
#include "frame_context.hpp"

namespace pg::ui {

constexpr const char* kPaletteDragType = "PG_PALETTE";

/// Drag payload from the palette to the canvas.
struct PaletteItem {
    sim::NodeType type;
    NodeRole role;
};

class PalettePanel {
public:
    void draw(FrameContext& ctx);
};

}  // namespace pg::ui
