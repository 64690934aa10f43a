// Event log: the trace as a filterable table, virtualized with ImGuiListClipper (smooth at 100,000+ records);
// the filtered index is extended incrementally as the trace grows, at most kScanPerFrame records a frame (a new
// filter over millions of records fills in over a few frames). "Copy as text" copies the filtered rows.
#pragma once
#include <cstdint>
#include <vector>

#include "frame_context.hpp"

namespace pg::ui {

class LogPanel {
public:
    void draw(FrameContext& ctx);

private:
    /// Resolves the filter text once (per kind, per node, the item it names) so matching a record is O(1).
    void compileFilter(const sim::Engine& e);
    bool matches(const sim::Engine& e, const sim::TraceRecord& r) const;
    static constexpr std::size_t kScanPerFrame = 250000;
    char m_filter[64] = {};
    std::vector<char> m_kindMatch, m_nodeMatch;
    std::uint32_t m_itemOrigin = sim::kNone, m_itemNumber = 0;  ///< the item the filter names, if any
    bool m_failuresOnly = false, m_followTail = true, m_dirty = true;
    std::vector<std::uint32_t> m_rows;  ///< indices of matching records
    std::size_t m_scanned = 0;
    std::uint64_t m_build = UINT64_MAX;  ///< UiState::engineBuild of the engine m_rows index
    sim::SimTime m_lastTime = -1;
};

}  // namespace pg::ui
