// Event log: the trace as a filterable table, virtualized with ImGuiListClipper (smooth at 100,000+ records);
// the filtered index is extended incrementally as the trace grows. "Copy as text" copies the filtered rows.
#pragma once
#include <cstdint>
#include <vector>

#include "frame_context.hpp"

namespace pg::ui {

class LogPanel {
public:
    void draw(FrameContext& ctx);

private:
    bool matches(const sim::Engine& e, const sim::TraceRecord& r) const;
    char m_filter[64] = {};
    bool m_failuresOnly = false, m_followTail = true, m_dirty = true;
    std::vector<std::uint32_t> m_rows;  ///< indices of matching records
    std::size_t m_scanned = 0;
    sim::SimTime m_lastTime = -1;
};

}  // namespace pg::ui
