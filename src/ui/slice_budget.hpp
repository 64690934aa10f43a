// SliceBudget: the wall time a playing frame's simulation slice gets (issue 21). The rest of a frame (the panels,
// the timeline taking in the records the slice wrote, ImGui's render, the GL calls) costs 2-4 ms on the page, and
// part of it grows with the slice, so a fixed 4 ms slice put a simulating frame's main-loop callback at 7-8 ms
// and its slower tenth past 8. The slice is what the target leaves after the rest of the last few frames (their
// median, so one descheduled frame does not starve the next ones). Where a slice stops never changes the trace;
// the transport shows the speed actually achieved.
#pragma once
#include <algorithm>
#include <array>
#include <cstddef>

#include "ui_state.hpp"

namespace pg::ui {

class SliceBudget {
public:
    /// What a playing frame's whole main-loop callback aims at, seconds.
    static constexpr double kTargetSeconds = 0.005;
    /// The slice never goes below this (playback keeps moving on a slow machine) nor above kMaxSeconds.
    static constexpr double kMinSeconds = 0.001;
    static constexpr double kMaxSeconds = kSimulationSliceSeconds;
    static constexpr std::size_t kWindow = 5;  ///< frames whose median rest is used

    /// The next frame's slice: kMaxSeconds until a frame was observed.
    double slice() const {
        if (m_count == 0) return kMaxSeconds;
        return std::clamp(kTargetSeconds - medianRest(), kMinSeconds, kMaxSeconds);
    }
    /// After a playing frame: the whole callback's wall time and the part of it spent simulating.
    void observe(double frameSeconds, double simSeconds) {
        m_rest[m_next] = std::max(0.0, frameSeconds - simSeconds);
        m_next = (m_next + 1) % kWindow;
        m_count = std::min(m_count + 1, kWindow);
    }
    /// The median of the rests observed (of the last kWindow frames), seconds; 0 before any.
    double medianRest() const {
        if (m_count == 0) return 0;
        // Insertion sort of at most kWindow values (std::sort on so short a prefix draws GCC 12's
        // -Warray-bounds false positive from its 16-element insertion threshold).
        std::array<double, kWindow> sorted{};
        for (std::size_t i = 0; i < m_count; ++i) {
            std::size_t j = i;
            for (; j > 0 && sorted[j - 1] > m_rest[i]; --j) sorted[j] = sorted[j - 1];
            sorted[j] = m_rest[i];
        }
        const std::size_t mid = m_count / 2;
        return m_count % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

private:
    std::array<double, kWindow> m_rest{};
    std::size_t m_next = 0, m_count = 0;
};

}  // namespace pg::ui
