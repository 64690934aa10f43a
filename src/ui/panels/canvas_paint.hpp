// Canvas paint step: draws one prepared frame (grid, edges with their moving dots, configuration edges, nodes,
// the warnings under them, the link being dragged, the help line). Draws only: changes no state.
#pragma once
#include <imgui.h>

#include <string>
#include <vector>

#include "canvas_geometry.hpp"
#include "canvas_prepare.hpp"
#include "frame_context.hpp"
#include "ui/widgets/canvas_view.hpp"

namespace pg::ui::canvas {

/// One frame of the canvas, prepared before any gesture or paint.
struct Frame {
    ImVec2 origin, size;  ///< the canvas item on screen
    CanvasView view;
    bool hovered = false;
    std::vector<NodeBox> boxes;  ///< per scenario node (screen pixels); a node being moved follows the mouse
};

/// The link being dragged from a pin: its source, the node under the mouse and the model's verdict on it.
struct LinkPreview {
    bool active = false;
    int from = -1;    ///< source node index (-1: the source is gone)
    int target = -1;  ///< node under the mouse other than the source (-1: none)
    bool accepted = false;
    std::string reason;  ///< the model's message about linking to `target`
    ImVec2 mouse;
};

void paint(const FrameContext& ctx, const Frame& frame, const Motion& motion, const LinkPreview& link);

}  // namespace pg::ui::canvas
