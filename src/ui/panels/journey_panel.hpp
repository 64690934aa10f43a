// Item journey: pick any request/event/message/record and see its whole life from the trace: each receive,
// attempt, wait, visibility timeout and where it ended, with times and the gaps between them.
#pragma once
#include <cstdint>
#include <vector>

#include "frame_context.hpp"
#include "ui/timeline_model.hpp"

namespace pg::ui {

class JourneyPanel {
public:
    void draw(FrameContext& ctx);

private:
    char m_query[64] = {};
    ItemRecords m_records;  ///< the selected item's records
};

}  // namespace pg::ui
