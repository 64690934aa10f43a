// Item journey: pick any request/event/message/record and see its whole life from the trace: each receive,
// attempt, wait, visibility timeout and where it ended, with times and the gaps between them.
#pragma once
#include <cstdint>
#include <vector>

#include "frame_context.hpp"
#include "ui/delivered_payloads.hpp"
#include "ui/timeline_model.hpp"

namespace pg::ui {

class JourneyPanel {
public:
    void draw(FrameContext& ctx);

private:
    char m_query[64] = {};
    ItemRecords m_records;  ///< the selected item's records
    void drawPayloads(FrameContext& ctx, std::uint32_t item);
    // What landed where for the selected item, rebuilt when the item, the engine or the deliveries change.
    std::vector<DeliveredPayload> m_payloads;
    std::uint64_t m_payloadBuild = UINT64_MAX;
    std::uint32_t m_payloadItem = UINT32_MAX;
    std::size_t m_payloadDeliveries = 0;
};

}  // namespace pg::ui
