// FramePacing: whether the page may leave an animation frame undrawn (issue 21). While a sweep's cells run in
// Web Workers and nothing else moves (the clock not playing, no input for a moment, no finger down), the page
// draws five frames a second instead of every animation frame: each frame drawn is CPU the workers do not get,
// on the page's main thread and in the GPU process (sqs_sweep_10k with one worker on 2 cores: 4.0-4.3 s drawing
// every frame, 1.15-1.2 s with the main loop paused, 1.3-2.0 s at five frames a second). The progress bar and
// the plot still move, and any input brings every frame back at once. A WebGL canvas left undrawn keeps showing
// its last frame.
#pragma once

namespace pg::ui {

class FramePacing {
public:
    /// While resting, at most one frame drawn per this many milliseconds.
    static constexpr double kRestingFrameMs = 200;
    /// Every frame is drawn for this long after an input event: ImGui spreads a click over several frames.
    static constexpr double kAfterInputMs = 250;

    /// What moves on the page this animation frame (the platform asks the App and its touch input).
    struct Activity {
        bool sweepRunning = false;
        bool playing = false;
        bool touchIdle = true;
    };

    void noteInput(double nowMs) { m_lastInputMs = nowMs; }
    void noteDrawn(double nowMs) { m_lastDrawnMs = nowMs; }
    /// True when the frame at `nowMs` may be skipped.
    bool rest(double nowMs, const Activity& a) const {
        if (!a.sweepRunning || a.playing || !a.touchIdle) return false;
        return nowMs - m_lastInputMs >= kAfterInputMs && nowMs - m_lastDrawnMs < kRestingFrameMs;
    }

private:
    double m_lastInputMs = -1e12;
    double m_lastDrawnMs = -1e12;
};

}  // namespace pg::ui
