// What the last frame asked WebGL to draw, for the bench (issue 7): under software rendering (SwiftShader)
// a frame's cost grows with the pixels its triangles cover, so that area is a noise-free proxy of it.
#pragma once
#include <string>

namespace pg::web {

/// {"commands","vertices","indices","fill_px","host_ms","check_ms","phases","lists"} of the last rendered frame: fill_px is the
/// area of every triangle clipped to its draw command's clip rectangle (framebuffer pixels; overlaps count
/// twice), lists the same per window ({"name","fill_px"}); host_ms the wall time of the whole main-loop
/// callback (input, App::frame, ImGui::Render, GL calls).
std::string drawStatsJson();
/// Only the times of the last main-loop callback, as JSON members (no braces): "host_ms", "check_ms", "phases".
/// drawStatsJson includes them; pg_frame_probe reads them every animation frame without drawStatsJson's walk over
/// every triangle (issue 21).
std::string frameTimesMembers();
/// Where a main-loop callback's time went (reported as "phases"): events and canvas size, App::frame (with
/// the simulation slice), ImGui::Render, and the GL calls that draw the frame.
struct HostPhases {
    double inputMs = 0, appMs = 0, renderMs = 0, glMs = 0;
};
/// Called by the main loop with the wall time of its last callback and its phases.
void noteHostFrame(double ms, const HostPhases& phases);
/// Called with the wall time of the last live invariant check run between frames (main_web.cpp): main-thread
/// work that no longer counts in host_ms, reported beside it as "check_ms".
void noteDeferredCheck(double ms);
/// Called after every main-loop callback; the first call leaves two User Timing marks for the bench's first-frame
/// row (issue 21): "pg-first-frame-drawn" when the callback has issued the first frame's GL calls, and
/// "pg-first-frame-presented" in the next animation frame, which starts only once that frame was committed to
/// the compositor (the moment it can be on screen). Read in the page, they leave out the bench tool's own polling.
void markFirstFrame();

}  // namespace pg::web
