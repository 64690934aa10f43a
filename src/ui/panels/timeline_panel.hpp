// Timeline: one lane per execution environment of each function (cold start, run, outcome colour), the
// selected item's dwell, retry waits and SQS visibility windows, queue-depth rows, one lane per stream shard
// (its batches' invocations); zoom/pan, hover, click.
#pragma once
#include <cstdint>
#include <vector>

#include "frame_context.hpp"
#include "ui/timeline_model.hpp"

namespace pg::ui {

class TimelinePanel {
public:
    void draw(FrameContext& ctx);

private:
    TimelineModel m_model;
    sim::SimTime m_t0 = 0, m_span = 60 * sim::kSecond;  ///< visible range [m_t0, m_t0 + m_span)
    bool m_follow = true;                               ///< keep the playhead in view
    ItemRecords m_itemRecords;                          ///< the selected item's records
};

}  // namespace pg::ui
