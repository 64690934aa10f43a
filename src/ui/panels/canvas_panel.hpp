// Canvas: the scenario's nodes and edges with pan/zoom, live counters, items animated along edges, failure
// flashes and retry loops; select, move, delete, and wire a source's pin to a function (the model accepts or
// rejects). Positions live in the Scenario; this panel keeps only the gesture in progress.
// Split by step: prepare (here and canvas_prepare), hit-test and gestures (here), paint (canvas_paint).
#pragma once
#include <string>

#include "frame_context.hpp"
#include "ui/scenario_edit.hpp"

namespace pg::ui {

namespace canvas {
struct Frame;
struct LinkPreview;
}  // namespace canvas

class CanvasPanel {
public:
    void draw(FrameContext& ctx);

private:
    void layoutNodes(const sim::Scenario& s, canvas::Frame& frame) const;
    void startGesture(FrameContext& ctx, const canvas::Frame& frame);
    canvas::LinkPreview previewLink(const sim::Scenario& s, const canvas::Frame& frame);
    void finishGesture(FrameContext& ctx, const canvas::Frame& frame, const canvas::LinkPreview& link);
    void contextMenu(FrameContext& ctx);

    enum class Gesture { None, Pan, MoveNode, Link };
    Gesture m_gesture = Gesture::None;
    std::string m_node;           ///< node being moved, or link source
    float m_grabX = 0, m_grabY = 0;  ///< world offset of the grab point inside the moved node
    std::string m_checkedTarget;  ///< link target whose canConnect result is cached
    ConnectCheck m_check;
    std::string m_menuNode;  ///< the node the context menu was opened on ("" = the empty canvas)
};

}  // namespace pg::ui
