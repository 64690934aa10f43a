// Item journey: pick any request/event/message/record and see its whole life from the trace: each receive,
// attempt, wait, visibility timeout and where it ended, with times and the gaps between them.
#pragma once
#include <cstdint>
#include <vector>

#include "frame_context.hpp"

namespace pg::ui {

class JourneyPanel {
public:
    void draw(FrameContext& ctx);

private:
    char m_query[64] = {};
    std::uint32_t m_cachedItem = sim::kNone;
    std::size_t m_cachedRecords = 0;
    std::vector<std::uint32_t> m_records;
};

}  // namespace pg::ui
