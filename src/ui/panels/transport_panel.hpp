// Transport: play/pause, step, step to the next invocation, step back, reset, speed (log slider), scrubber,
// virtual clock, and the one-line hint of what to press.
#pragma once
#include "frame_context.hpp"

namespace pg::ui {

class TransportPanel {
public:
    void draw(FrameContext& ctx);
    /// The panel's height for a display `width` wide: narrow ones wrap the controls onto more rows, and a
    /// finger (UiState::touchUi) gets taller buttons (issue 20).
    static float height(float width, bool touch);

private:
    bool m_showHint = true;
};

}  // namespace pg::ui
