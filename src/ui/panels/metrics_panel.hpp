// Metrics: per-second series drawn with ImDrawList (invocations, errors, throttles, concurrency, async queue
// depth, dwell; per queue/stream: visible, in flight, DLQ depth, oldest message age, iterator age).
#pragma once
#include "frame_context.hpp"

namespace pg::ui {

class MetricsPanel {
public:
    void draw(FrameContext& ctx);

private:
    bool m_wholeRun = true;  ///< x axis: the whole run so far, or the last 5 minutes
};

}  // namespace pg::ui
