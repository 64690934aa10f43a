// Canvas: the scenario's nodes and edges with pan/zoom, live counters, items animated along edges, failure
// flashes and retry loops; select, move, delete, and wire a source's pin to a function (the model accepts or
// rejects). Positions live in the Scenario; this panel keeps only the gesture in progress.
#pragma once
#include <string>

#include "frame_context.hpp"
#include "ui/scenario_edit.hpp"

namespace pg::ui {

class CanvasPanel {
public:
    void draw(FrameContext& ctx);

private:
    enum class Gesture { None, Pan, MoveNode, Link };
    Gesture m_gesture = Gesture::None;
    std::string m_node;           ///< node being moved, or link source
    float m_grabX = 0, m_grabY = 0;  ///< world offset of the grab point inside the moved node
    std::string m_checkedTarget;  ///< link target whose canConnect result is cached
    ConnectCheck m_check;
};

}  // namespace pg::ui
