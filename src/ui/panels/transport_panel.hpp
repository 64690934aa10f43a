// Transport: play/pause, step, step to the next invocation, step back, reset, speed (log slider), scrubber,
// virtual clock, and the one-line hint of what to press.
#pragma once
#include "frame_context.hpp"

namespace pg::ui {

class TransportPanel {
public:
    void draw(FrameContext& ctx);

private:
    bool m_showHint = true;
};

}  // namespace pg::ui
