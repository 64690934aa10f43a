// The bottom panel's tabs, in their order on screen, and their names. Plain C++ (no ImGui): the web bridge
// turns the page's tab numbers into these, and the state JSON and embed links name them.
#pragma once
#include <optional>

namespace pg::ui {

/// Compare is shown only while comparing A and B (issue 17).
enum class BottomTab { Timeline, Journey, Metrics, EventLog, Warnings, Compare };
constexpr int kBottomTabCount = 6;

/// The tab the page numbers `index` (0 timeline, 1 journey, 2 metrics, 3 event log, 4 warnings, 5 compare); none when
/// out of range.
inline std::optional<BottomTab> bottomTabAt(int index) {
    if (index < 0 || index >= kBottomTabCount) return std::nullopt;
    return static_cast<BottomTab>(index);
}

/// The tab's key in the state JSON and in embed links' panel= (web/embed.js).
inline const char* bottomTabKey(BottomTab tab) {
    switch (tab) {
    case BottomTab::Timeline: return "timeline";
    case BottomTab::Journey: return "journey";
    case BottomTab::Metrics: return "metrics";
    case BottomTab::EventLog: return "log";
    case BottomTab::Warnings: return "warnings";
    case BottomTab::Compare: return "compare";
    }
    return "";
}

}  // namespace pg::ui
